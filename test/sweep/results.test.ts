import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/engine/index.ts';
import { HEADLINE, headlineValues, type HeadlineId } from '../../src/report/headline.ts';
import { getPreset } from '../../src/scenario/presets/index.ts';
import { bands, sweepCsv, toResult, type SweepResult } from '../../src/sweep/results.ts';
import { guidedBatch, runBatches, runPool } from '../../src/sweep/pool.ts';

const figures = (n: number): Record<HeadlineId, number> =>
  Object.fromEntries(HEADLINE.map((f, i) => [f.id, n + i])) as Record<HeadlineId, number>;

describe('headline figures', () => {
  it('read the Summary (database reads per simulated second over the whole run)', () => {
    const s = runScenario(getPreset('stampede')!, { durationMs: 6000 });
    const v = headlineValues(s);
    expect(v).toEqual({
      requests: s.requests,
      l1HitRatio: s.l1.hitRatio,
      l2HitRatio: s.l2.hitRatio,
      dbReadsPerSec: s.db.reads / 6,
      dbPeakConcurrency: s.db.peakConcurrency,
      p50Ms: s.latencyMs.p50,
      p99Ms: s.latencyMs.p99,
      staleReads: s.staleReads,
      lostWrites: s.lostWrites,
      errors: s.errors,
    });
    expect(toResult(5, 7, s)).toEqual({ value: 5, seed: 7, figures: v });
  });
});

describe('bands', () => {
  it('give the mean, smallest and largest over the seeds, by increasing value', () => {
    const results: SweepResult[] = [
      { value: 10, seed: 1, figures: figures(4) },
      { value: 1, seed: 1, figures: figures(1) },
      { value: 10, seed: 2, figures: figures(8) },
      { value: 1, seed: 2, figures: figures(2) },
      { value: 10, seed: 3, figures: figures(9) },
    ];
    expect(bands(results, 'requests')).toEqual([
      { value: 1, mean: 1.5, min: 1, max: 2, runs: 2 },
      { value: 10, mean: 7, min: 4, max: 9, runs: 3 },
    ]);
    // Another figure reads its own column (offset by its position in HEADLINE).
    expect(bands(results, 'errors')[0]).toMatchObject({ min: 1 + 9, max: 2 + 9 });
    expect(bands([], 'requests')).toEqual([]);
  });
});

describe('sweepCsv', () => {
  it('writes a header named by the parameter, then one line per run', () => {
    const csv = sweepCsv('cache.l2.ttlMs', [
      { value: 1000, seed: 42, figures: figures(0.5) },
      { value: 60_000, seed: 42, figures: figures(1) },
    ]);
    const lines = csv.trimEnd().split('\n');
    expect(lines[0]).toBe(
      'cache.l2.ttlMs,seed,requests,l1HitRatio,l2HitRatio,dbReadsPerSec,dbPeakConcurrency,p50Ms,p99Ms,staleReads,lostWrites,errors',
    );
    expect(lines[1]).toBe(`1000,42,${HEADLINE.map((_, i) => 0.5 + i).join(',')}`);
    expect(lines).toHaveLength(3);
    expect(csv.endsWith('\n')).toBe(true);
  });
});

describe('runPool', () => {
  /** A runner whose answers the test releases by hand, so finishing order is chosen, not timed. */
  function manualRunner() {
    const waiting: { item: number; resolve: (r: number) => void; reject: (e: Error) => void }[] = [];
    const run = (item: number) =>
      new Promise<number>((resolve, reject) => waiting.push({ item, resolve, reject }));
    return { run, waiting };
  }
  const tick = () => new Promise((r) => setTimeout(r, 0));

  it('gives each free runner the next item, and returns results in item order', async () => {
    const a = manualRunner();
    const b = manualRunner();
    const seen: [number, number][] = [];
    const done = runPool([10, 20, 30, 40], [a.run, b.run], {
      onResult: (index, _r, count) => seen.push([index, count]),
    });
    await tick();
    expect(a.waiting.map((w) => w.item)).toEqual([10]);
    expect(b.waiting.map((w) => w.item)).toEqual([20]);
    b.waiting[0]!.resolve(21);
    await tick();
    // b was free first, so b takes the third item while a still works on the first.
    expect(b.waiting.map((w) => w.item)).toEqual([20, 30]);
    b.waiting[1]!.resolve(31);
    await tick();
    a.waiting[0]!.resolve(11);
    await tick();
    const last = [...a.waiting, ...b.waiting].find((w) => w.item === 40)!;
    last.resolve(41);
    expect(await done).toEqual([11, 21, 31, 41]);
    expect(seen).toEqual([
      [1, 1],
      [2, 2],
      [0, 3],
      [3, 4],
    ]);
  });

  it('stops starting items once cancelled, and rejects on the first failure', async () => {
    const a = manualRunner();
    let cancelled = false;
    const done = runPool([1, 2, 3], [a.run], { cancelled: () => cancelled });
    await tick();
    cancelled = true;
    a.waiting[0]!.resolve(1);
    const results = await done;
    expect(a.waiting).toHaveLength(1);
    expect(results[0]).toBe(1);
    expect(results[1]).toBeUndefined();

    const b = manualRunner();
    const failing = runPool([1, 2, 3], [b.run]);
    await tick();
    b.waiting[0]!.reject(new Error('boom'));
    await expect(failing).rejects.toThrow('boom');
    expect(b.waiting).toHaveLength(1);
  });
});

describe('runBatches', () => {
  it('sizes batches by what is left: large first, single items at the end', () => {
    expect(guidedBatch(20, 2)).toBe(5);
    expect(guidedBatch(15, 2)).toBe(3);
    expect(guidedBatch(3, 2)).toBe(1);
    expect(guidedBatch(1, 4)).toBe(1);
    expect(guidedBatch(100, 1)).toBe(50);
  });

  it('hands each free runner the next batch, and returns results in item order', async () => {
    const batches: number[][] = [];
    const waiting: { items: readonly number[]; resolve: (r: number[]) => void }[] = [];
    const run = (items: readonly number[]) => {
      batches.push([...items]);
      return new Promise<number[]>((resolve) => waiting.push({ items, resolve }));
    };
    const seen: number[] = [];
    const done = runBatches([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [run, run], {
      onResult: (index) => seen.push(index),
    });
    const tick = () => new Promise((r) => setTimeout(r, 0));
    for (let i = 0; i < 20 && waiting.length > 0; i++) {
      const w = waiting.shift()!;
      w.resolve(w.items.map((x) => x * 10));
      await tick();
    }
    expect(await done).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80, 90]);
    // 10 items on 2 runners: 2, then 2, 1, 1, ...: every item once, in order, the last batches single.
    expect(batches.flat()).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(batches[0]).toEqual([0, 1]);
    expect(batches.at(-1)).toHaveLength(1);
    expect([...seen].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('rejects on the first failed batch and starts no other', async () => {
    let calls = 0;
    const failing = runBatches([1, 2, 3, 4], [() => (calls++, Promise.reject(new Error('boom')))]);
    await expect(failing).rejects.toThrow('boom');
    expect(calls).toBe(1);
  });
});
