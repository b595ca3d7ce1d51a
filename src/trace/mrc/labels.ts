/** Words the chart and the CLI share about what a curve is. */

/** What Belady's curve is: with one object size the bound no cache beats, otherwise a reference. */
export function optLabel(uniformSizes: boolean): string {
  return uniformSizes
    ? 'the lower bound: with one object size no policy misses less'
    : 'the offline reference: objects differ in size, so it is not a bound (the best choice by bytes is NP-hard to compute)';
}

/**
 * What a SHARDS sample costs in accuracy: the mean absolute error of the miss ratio over the default
 * sizes, at 1 key in 10 of a million-request Zipf trace (measured 0.018-0.023, larger at the smallest
 * sizes, where the sampled cache holds a few dozen objects). test/trace/shards.test.ts keeps it true;
 * docs/traces.md has the measurements.
 */
export const SHARDS_ERROR = { rate: 0.1, meanAbsError: 0.025 } as const;

export function shardsNote(rate: number): string {
  const n = Math.round(1 / rate).toLocaleString('en-US');
  return `sampled (SHARDS): 1 key in ${n} kept, counts scaled to the whole trace; miss ratios may be off by about ${SHARDS_ERROR.meanAbsError} on average, more at the smallest sizes (docs/traces.md)`;
}

/** What Redis's curves are, beside exact LRU: sampled eviction, simulated at a few sizes. */
export function sampledLabel(): string {
  return 'Redis LRU and LFU: sampled eviction as Redis does it (maxmemory-samples 5, a pool of 16; LFU with lfu-log-factor 10, lfu-decay-time 1), one seeded simulation at each of a few sizes; LRU above is exact';
}
