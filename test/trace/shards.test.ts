import { computeCurves } from '../../src/trace/mrc/curves.ts';
import { SHARDS_ERROR } from '../../src/trace/mrc/labels.ts';
import { TraceReader } from '../../src/trace/read/index.ts';
import { rng, zipfKeys } from './helpers/traces.ts';

/** A plain CSV trace of `n` Zipf requests over `keys` keys, each key with its own size (100-4099 B). */
function zipfCsv(n: number, keys: number, alpha: number): Uint8Array {
  const random = rng(9);
  const size = new Map<number, number>();
  const lines = ['time_ms,key,size'];
  zipfKeys(n, keys, alpha, 3).forEach((k, i) => {
    if (!size.has(k)) size.set(k, 100 + Math.floor(random() * 4000));
    lines.push(`${i},k${k},${size.get(k)}`);
  });
  return new TextEncoder().encode(lines.join('\n'));
}

function read(bytes: Uint8Array, sampleRate: number) {
  const reader = new TraceReader({ sampleRate });
  reader.push(bytes);
  return reader.finish();
}

describe('SHARDS sampling', () => {
  // The error the CLI and the chart state for a sampled curve (labels.ts, docs/traces.md): the mean
  // absolute difference of the miss ratio from the exact curve over the default sizes.
  it.each([0.8, 1.0])('keeps the miss ratio within the stated error at 1 key in 10 (Zipf %s)', (alpha) => {
    const bytes = zipfCsv(1_000_000, 100_000, alpha);
    const exact = computeCurves(read(bytes, 1), { policies: ['lru', 'fifo'] });
    const sizes = exact.curves.lru.map((p) => p.size);
    const sampled = computeCurves(read(bytes, SHARDS_ERROR.rate), { sizes, policies: ['lru', 'fifo'] });
    expect(sampled.requests).toBe(exact.requests);
    expect(sampled.bytes).toBe(exact.bytes);
    for (const policy of ['lru', 'fifo'] as const) {
      let error = 0;
      exact.curves[policy].forEach((p, j) => {
        const q = sampled.curves[policy][j];
        error += Math.abs(p.misses - (q?.misses ?? Infinity)) / exact.requests;
      });
      expect(error / sizes.length).toBeLessThanOrEqual(SHARDS_ERROR.meanAbsError);
    }
  });
});
