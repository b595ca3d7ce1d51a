import { definePreset, type Preset } from './preset.ts';

/** Shared with `cdc-outage`, which adds the consumer's outage. */
export const cdcBody = {
  version: 1,
  seed: 42,
  durationMs: 30_000,
  workload: { rps: 1000, readRatio: 0.9, keys: 100, zipf: 0.99 },
  topology: { instances: 4, redisShards: 3 },
  cache: {
    strategy: 'cdc',
    l1: { enabled: false },
    l2: { ttlMs: 60_000 },
    cdc: { lagMs: 200, lagDistribution: 'constant', consumerMs: 0.5 },
  },
} as const satisfies Preset['input'];

export const cdc = definePreset(
  'cdc',
  'CDC invalidation: stale for as long as the pipeline lags',
  'The app only writes to the database. Each commit becomes a change event in the binlog, flows ' +
    'through a broker, and a consumer deletes the cached key 200 ms later. Until then Redis keeps ' +
    'serving the old value, so every write opens a window of about the lag during which reads are ' +
    'stale. Watch the Staleness age chart pile up just under 200 ms and the events waiting on the ' +
    'CDC pipeline; drag the CDC lag and see the stale reads follow it.',
  cdcBody,
  ['staleAgeChart', 'eventsWaiting', 'staleReads'],
);
