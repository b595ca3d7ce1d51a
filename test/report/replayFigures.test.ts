import { describe, expect, it } from 'vitest';
import { replayFigures } from '../../src/engine/mechanisms/replay/figures.ts';
import type { Scenario, Summary } from '../../src/engine/types.ts';
import { FIGURES } from '../../src/labels/figures.ts';

const scenario = {} as Scenario;

describe("replay's run figures", () => {
  it('show the trace, its time scale, the requests made of it and the deletes, only while replaying', () => {
    expect(replayFigures.sections({} as Summary, scenario)).toBeNull();
    const replay = { trace: 'cluster52', timeScale: 2, traceRequests: 12_000, made: 4321, deletes: 17 };
    const section = replayFigures.sections({ replay } as Summary, scenario);
    expect(section).toEqual({
      title: 'Trace replay',
      rows: [
        { id: 'replayTrace', label: FIGURES.replayTrace, value: 'cluster52' },
        { id: 'replayTimeScale', label: FIGURES.replayTimeScale, value: '2x' },
        { id: 'replayRequests', label: FIGURES.replayRequests, value: '4,321 / 12,000' },
        { id: 'replayDeletes', label: FIGURES.replayDeletes, value: '17' },
      ],
    });
  });
});
