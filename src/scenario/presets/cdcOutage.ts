import { definePreset } from './preset.ts';

export const cdcOutage = definePreset(
  'cdc-outage',
  'CDC consumer outage: invalidations pile up',
  'Same pipeline as the cdc preset, but the invalidation consumer stops at 10 s for 10 s. Writes keep ' +
    'committing and their change events wait in the broker, so Redis keeps serving values the ' +
    'database has replaced: stale reads climb and their age grows towards the outage plus the lag. ' +
    'When the consumer comes back it drains the backlog (watch the broker backlog fall) and the stale ' +
    'reads stop.',
  {
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
    failures: [{ atMs: 10_000, kind: 'cdc-outage', durationMs: 10_000 }],
  },
);
