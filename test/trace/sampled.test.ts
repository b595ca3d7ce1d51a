import { describe, expect, it } from 'vitest';
import { computeCurves } from '../../src/trace/mrc/curves.ts';
import { simulateSampled } from '../../src/trace/mrc/sampled.ts';
import { simulateLru } from '../../src/trace/mrc/simulate.ts';
import { curveInput } from '../../src/trace/mrc/types.ts';
import { dense, traceOf, zipfKeys } from './helpers/traces.ts';

/** Redis's sampled LRU and LFU on the miss-ratio curves (src/trace/mrc/sampled.ts). */

/** A Zipf trace, ten requests a second (so Redis's one-second LRU clock tells most of them apart). */
function zipf(n: number, keys: number) {
  const k = dense(zipfKeys(n, keys, 0.9, 11));
  const t = traceOf(
    k,
    k.map((x) => 100 + ((x * 7919) % 900)),
  );
  return { ...t, timeMs: Float64Array.from(k, (_, i) => i * 100) };
}

describe('Redis sampled LRU and LFU', () => {
  const trace = zipf(60_000, 6_000);
  const input = curveInput(trace);
  let workingSet = 0;
  for (const s of input.objectSize) workingSet += s;

  it('a cache that holds everything misses only first requests, under both', () => {
    for (const p of ['redis-lru', 'redis-lfu'] as const) {
      const t = simulateSampled(input, workingSet, p, trace.timeMs);
      expect(t.misses).toBe(trace.uniqueKeys);
      expect(t.missBytes).toBe(workingSet);
    }
  });

  it('the same seed gives the same figures; another seed other evictions', () => {
    const size = Math.round(workingSet / 10);
    const a = simulateSampled(input, size, 'redis-lru', trace.timeMs, 1);
    expect(simulateSampled(input, size, 'redis-lru', trace.timeMs, 1)).toEqual(a);
    expect(simulateSampled(input, size, 'redis-lru', trace.timeMs, 2)).not.toEqual(a);
  });

  it('sampled LRU with a pool stays near exact LRU (Redis: 5 samples come close)', () => {
    for (const share of [0.05, 0.2, 0.5]) {
      const size = Math.round(workingSet * share);
      const exact = simulateLru(input, size).misses / trace.length;
      const sampled = simulateSampled(input, size, 'redis-lru', trace.timeMs).misses / trace.length;
      expect(Math.abs(sampled - exact)).toBeLessThan(0.03);
    }
  });

  it('LFU keeps a hot set through a scan that LRU lets wash it out', () => {
    // 50 hot keys read over and over, with a long scan of one-time keys between every hot round.
    const keys: number[] = [];
    let next = 50;
    for (let round = 0; round < 200; round++) {
      for (let h = 0; h < 50; h++) keys.push(h);
      for (let s = 0; s < 60; s++) keys.push(next++);
    }
    const t = {
      ...traceOf(
        keys,
        keys.map(() => 100),
      ),
      timeMs: Float64Array.from(keys, (_, i) => i * 10),
    };
    const inp = curveInput(t);
    // Room for 80 objects: the hot set fits, the hot set and a scan do not.
    const lru = simulateLru(inp, 8000).misses;
    const lfu = simulateSampled(inp, 8000, 'redis-lfu', t.timeMs).misses;
    expect(lru).toBe(keys.length); // every request misses under exact LRU
    expect(lfu).toBeLessThan(0.7 * lru);
  });

  it('computeCurves adds them only when asked, at a few sizes, labelled apart from exact LRU', () => {
    const plain = computeCurves(trace);
    expect(plain.curves['redis-lru']).toBeUndefined();
    const withRedis = computeCurves(trace, { sampled: ['redis-lru', 'redis-lfu'] });
    const sizes = withRedis.curves.lru.map((p) => p.size);
    const at = withRedis.curves['redis-lru']!.map((p) => p.size);
    expect(at).toEqual(sizes.filter((_, i) => i % 4 === 0 || i === sizes.length - 1));
    expect(withRedis.curves['redis-lfu']).toHaveLength(at.length);
    const last = withRedis.curves['redis-lru']!.at(-1)!;
    expect(last.misses).toBe(trace.uniqueKeys);
  });
});
