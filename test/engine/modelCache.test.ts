import { PLAN } from '../../src/engine/registry.ts';
import { describe, expect, it } from 'vitest';
import { createModel, createModelCache } from '../../src/engine/flow/model.ts';
import { applyChangesTo } from '../../src/scenario/changes.ts';
import { scenarioSchema } from '../../src/scenario/schema.ts';

/** The models of one run under live changes: shared tables, bounded memory, nothing stale. */
describe('ModelCache', () => {
  const start = scenarioSchema.parse({ version: 1, workload: { keys: 5000 } });
  const withZipf = (zipf: number) => applyChangesTo(start, [{ path: 'workload.zipf', value: zipf }]);

  it('shares the tables no live change can touch, and a Zipf table per exponent', () => {
    const cache = createModelCache();
    const first = createModel(start, 1000, 1, 1000, PLAN, cache);
    const second = createModel(withZipf(1.3), 1000, 1, 1000, PLAN, cache);
    expect(second.shardOfKey).toBe(first.shardOfKey);
    expect(second.entryBytes).toBe(first.entryBytes);
    expect(second.popularity).not.toBe(first.popularity);
    // Back to the first exponent: the same table, not a rebuilt one.
    expect(createModel(withZipf(start.workload.zipf), 1000, 1, 1000, PLAN, cache).popularity).toBe(
      first.popularity,
    );
  });

  it('keeps two models of Zipf tables at most, however many exponents a slider passes through', () => {
    const cache = createModelCache();
    createModel(start, 1000, 1, 1000, PLAN, cache);
    for (let i = 0; i < 50; i++) createModel(withZipf(0.5 + i / 50), 1000, 1, 1000, PLAN, cache);
    expect(cache.alias.size).toBeLessThanOrEqual(2);
    expect(cache.aliasEntries).toBeLessThanOrEqual(cache.aliasBudget);
    // A forgotten table built again is the same table: the Zipf draw is a pure function of n and s.
    const again = createModel(withZipf(0.5), 1000, 1, 1000, PLAN, cache).popularity;
    const fresh = createModel(withZipf(0.5), 1000, 1, 1000, PLAN).popularity;
    expect(again).toEqual(fresh);
  });

  it('shares a Zipf table between runs (a sweep, a re-run), and forgets the oldest beyond a budget', () => {
    const one = createModel(start, 1000, 1, 1000, PLAN).popularity;
    expect(createModel(start, 1000, 2, 1000, PLAN).popularity).toBe(one);
    // Four tables of 300 000 keys are more than the shared budget (2^20 entries): the first is forgotten,
    // and the one built again in its place is equal to it.
    const big = (zipf: number) => scenarioSchema.parse({ version: 1, workload: { keys: 300_000, zipf } });
    const first = createModel(big(0.9), 1000, 1, 1000, PLAN).popularity;
    for (const zipf of [1, 1.1, 1.2]) createModel(big(zipf), 1000, 1, 1000, PLAN);
    const again = createModel(big(0.9), 1000, 1, 1000, PLAN).popularity;
    expect(again).not.toBe(first);
    // Byte for byte (toEqual walks 300 000 entries one by one, for a minute on a busy machine).
    const bytes = (t: typeof first) =>
      Buffer.concat(
        [t.head, t.tail]
          .filter((a) => a !== null)
          .flatMap((a) => [a.prob, a.alias, a.packed].map((x) => new Uint8Array(x.buffer))),
      );
    expect(bytes(again).equals(bytes(first))).toBe(true);
    expect(again.headCut).toBe(first.headCut);
  });
});
