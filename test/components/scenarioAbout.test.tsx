// @vitest-environment jsdom
import { act, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ScenarioAbout } from '../../src/components/app/ScenarioAbout.tsx';
import { getPreset } from '../../src/scenario/presets/index.ts';
import { replayScenario } from '../../src/trace/replay.ts';
import { renderWithApp } from './controlsHarness.tsx';

const shape = { format: 'csv' as const, length: 123_456, uniqueKeys: 5000, firstMs: 0, lastMs: 3_600_000 };

describe('the About text during a trace replay', () => {
  it("says the trace is replaying (name, requests, time scale) instead of the base scenario's description", () => {
    const base = getPreset('baseline')!;
    const { store } = renderWithApp(<ScenarioAbout />);
    expect(screen.getByText(base.description)).toBeTruthy();
    const replay = replayScenario(base, shape, { name: 'day.csv', timeScale: 60 });
    act(() => {
      store.getState().setApplied(replay, null);
      store.setState({ heldTrace: { name: 'day.csv', requests: 123_456 } });
    });
    const text = screen.getByText(/^Replaying the trace/).textContent!;
    expect(text).toContain('day.csv');
    expect(text).toContain('123,456 requests');
    // An hour of trace (and the last request's own span) played at 60 times its pace: a minute.
    expect(text).toContain('60 min of the trace played in 60 s');
    expect(text).toContain('(time ×60)');
    expect(screen.queryByText(base.description)).toBeNull();
    // Back to a generated workload: its description again.
    act(() => store.getState().setApplied(base, 'baseline'));
    expect(screen.getByText(base.description)).toBeTruthy();
  });
});
