import { describe, expect, it } from 'vitest';
import { withoutTrace } from '../../src/runtime/traceless.ts';
import { resolveInitial } from '../../src/runtime/initialScenario.ts';
import { encodeScenario } from '../../src/scenario/url.ts';
import { getPreset } from '../../src/scenario/presets/index.ts';
import type { Scenario } from '../../src/engine/types.ts';

const withTrace = (): Scenario => {
  const s = structuredClone(getPreset('baseline')!);
  s.workload.trace = { name: 'prod-cache.csv', format: 'csv', timeScale: 1 };
  return s;
};

describe('a scenario that names a trace, opened in the app', () => {
  it('runs on its generated workload, and the notice names the trace', () => {
    const { scenario, notice } = withoutTrace(withTrace());
    expect(scenario.workload.trace).toBeNull();
    expect(notice).toContain('replays the trace "prod-cache.csv"');
    expect(notice).toContain('generated workload');
    expect(notice).toContain('open it again: Open trace, then Replay this trace');
  });

  it('keeps the trace the page holds (replayed with Replay this trace), and only that one', () => {
    const s = withTrace();
    expect(withoutTrace(s, 'prod-cache.csv')).toEqual({ scenario: s, notice: null });
    expect(withoutTrace(s, 'other.csv').scenario.workload.trace).toBeNull();
  });

  it('is left alone when it names none', () => {
    const s = getPreset('baseline')!;
    expect(withoutTrace(s)).toEqual({ scenario: s, notice: null });
  });

  it('from a #s= link: the page opens it without the trace and says so', () => {
    const opened = resolveInitial('', encodeScenario(withTrace()));
    expect(opened.scenario.workload.trace).toBeNull();
    expect(opened.notice).toContain('prod-cache.csv');
    // A reloaded page has no trace either: it asks for it again, never swapping workloads silently.
    expect(opened.notice).toContain('open it again');
  });
});
