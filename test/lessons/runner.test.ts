import { describe, expect, it } from 'vitest';
import { summariesAt } from '../../src/engine/index.ts';
import { measureCheck } from '../../src/lessons/measureRun.ts';
import {
  checkRun,
  checkTimes,
  fillTemplate,
  judge,
  matchingOptions,
  placeholders,
  scenarioInput,
  stepScenario,
} from '../../src/lessons/runner.ts';
import type { Lesson, Prediction } from '../../src/lessons/types.ts';
import { getPreset } from '../../src/scenario/presets/index.ts';

/** One hot key, 200 reads a second, 5 s TTL, 100 ms rebuild: each expiry is a small herd. */
const herd: Lesson = {
  id: 'test',
  title: 'Test',
  teaches: 'How the runner builds steps.',
  minutes: 1,
  scenario: {
    version: 1,
    durationMs: 20_000,
    workload: { rps: 200, readRatio: 1, keys: 1, zipf: 0 },
    cache: { l1: { enabled: false }, l2: { ttlMs: 5000 } },
    database: { readMs: 100, serviceTime: 'constant' },
  },
  steps: [
    {
      title: 'Herd',
      text: 't',
      atMs: 4000,
      prediction: {
        kind: 'number',
        question: 'How many?',
        figure: 'dbQueriesPerExpiry',
        untilMs: 7000,
        reveal: '{dbQueriesPerExpiry} per expiry, p99 {p99Peak}.',
      },
    },
    {
      title: 'Lock',
      text: 't',
      atMs: 12_000,
      changes: [{ path: 'cache.stampede.mode', value: 'lock' }],
      failure: { kind: 'db-latency-spike', durationMs: 1000 },
    },
    { title: 'Other', text: 't', atMs: 1000, scenario: 'stampede' },
    {
      title: 'After',
      text: 't',
      atMs: 2000,
      changes: [{ path: 'cache.l2.ttlMs', value: 1000 }],
    },
  ],
};

describe('stepScenario', () => {
  it('is the lesson scenario at the first step', () => {
    const s = stepScenario(herd, 0);
    expect(s.changes).toEqual([]);
    expect(s.workload.rps).toBe(200);
  });

  it("adds each step's changes and failures at its time", () => {
    const s = stepScenario(herd, 1);
    expect(s.changes).toEqual([{ atMs: 12_000, path: 'cache.stampede.mode', value: 'lock' }]);
    expect(s.failures).toMatchObject([{ atMs: 12_000, kind: 'db-latency-spike', durationMs: 1000 }]);
  });

  it('starts over from a step that names its own scenario', () => {
    expect(stepScenario(herd, 2)).toEqual(getPreset('stampede'));
    const after = stepScenario(herd, 3);
    expect(after.title).toBe(getPreset('stampede')!.title);
    expect(after.changes).toEqual([{ atMs: 2000, path: 'cache.l2.ttlMs', value: 1000 }]);
  });

  it('refuses a preset that does not exist', () => {
    expect(() => scenarioInput('no-such-preset')).toThrow(/no preset called "no-such-preset"/);
  });
});

describe('checks', () => {
  it('runs only steps with a prediction, over the window and the stretch before it', () => {
    expect(checkRun(herd, 1)).toBeNull();
    const run = checkRun(herd, 0)!;
    expect(run).toMatchObject({ fromMs: 4000, untilMs: 7000, figures: ['dbQueriesPerExpiry', 'p99Peak'] });
    expect(checkTimes(run)).toEqual([1000, 4000, 7000]);
    expect(checkTimes({ ...run, fromMs: 1000 })).toEqual([1000, 7000]);
  });

  it('measures one expiry as one herd of about 1 + rate x rebuild time', () => {
    const values = measureCheck(checkRun(herd, 0)!);
    const perExpiry = values.dbQueriesPerExpiry as number;
    // fidelity.md section 3: 1 + Poisson(λd) queries per expiry, λ = 200/s, d ≈ 0.1 s.
    expect(perExpiry).toBeGreaterThan(10);
    expect(perExpiry).toBeLessThan(35);
    expect(values.p99Peak as number).toBeGreaterThan(100);
  });

  it('reads the same summaries as a run stopped at those times', () => {
    const scenario = stepScenario(herd, 0);
    const [a, b] = summariesAt(scenario, [4000, 7000]);
    const [b2] = summariesAt(scenario, [7000]);
    expect(b).toEqual(b2);
    expect(a!.requests).toBeLessThan(b!.requests);
  });
});

describe('templates', () => {
  it('lists figures and unknown names', () => {
    expect(placeholders('{staleReads} and {nope} and {p99Peak}')).toEqual({
      figures: ['staleReads', 'p99Peak'],
      unknown: ['nope'],
    });
  });

  it('fills figures as the app writes them and leaves the rest', () => {
    const text = fillTemplate('{l2HitRatio}, {p99Peak}, {staleReads}, {firstAlert}, {other}', {
      l2HitRatio: 0.62,
      p99Peak: 160.5,
      staleReads: 12_345,
      firstAlert: 'memory',
    });
    expect(text).toBe('62 %, 161 ms, 12,345, Memory high, {other}');
  });
});

describe('judge', () => {
  const number: Prediction = {
    kind: 'number',
    question: 'How many?',
    figure: 'dbQueriesPerExpiry',
    untilMs: 1,
    reveal: 'It was {dbQueriesPerExpiry}.',
  };

  it('puts the guess beside the measurement', () => {
    const r = judge(number, { value: 1 }, { dbQueriesPerExpiry: 11 });
    expect(r.sentence).toBe('You said 1. Measured: 11 database queries per expiry.');
    expect(r.verdict).toBe('Too low by a factor of 11.');
    expect(r.correct).toBe(false);
    expect(r.reveal).toBe('It was 11.');
  });

  it('calls a guess within 20 % close, and says which way a near miss went', () => {
    expect(judge(number, { value: 10 }, { dbQueriesPerExpiry: 11 }).correct).toBe(true);
    expect(judge(number, { value: 15 }, { dbQueriesPerExpiry: 11 }).verdict).toBe(
      'Too high, but the right size.',
    );
  });

  it('takes a ratio as a percentage', () => {
    const ratio: Prediction = { ...number, figure: 'l2HitRatio', reveal: '{l2HitRatio}' };
    const r = judge(ratio, { value: 60 }, { l2HitRatio: 0.62 });
    expect(r.sentence).toBe('You said 60 %. Measured: an L2 hit ratio of 62 %.');
    expect(r.correct).toBe(true);
  });

  it('marks the option the measurement falls in, and names it when the guess missed', () => {
    const choice: Prediction = {
      kind: 'choice',
      question: 'How many?',
      figure: 'dbQueriesPerExpiry',
      untilMs: 1,
      reveal: '{dbQueriesPerExpiry}',
      options: [
        { label: 'One', max: 1.5 },
        { label: 'A few', min: 1.5, max: 10 },
        { label: 'Many', min: 10 },
      ],
    };
    expect(matchingOptions(choice, 11)).toEqual([2]);
    expect(matchingOptions(choice, 1.5)).toEqual([1]);
    const wrong = judge(choice, { option: 0 }, { dbQueriesPerExpiry: 11 });
    expect(wrong.sentence).toBe('You said “One”. Measured: 11 database queries per expiry.');
    expect(wrong.verdict).toBe('The answer was “Many”.');
    expect(judge(choice, { option: 2 }, { dbQueriesPerExpiry: 11 }).verdict).toBe('That is right.');
  });
});
