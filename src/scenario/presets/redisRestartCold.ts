import { definePreset } from './preset.ts';

/** The restart scenario shared by the cold and AOF presets: only persistence differs. */
export const restartBody = {
  version: 1 as const,
  seed: 42,
  durationMs: 40_000,
  workload: { rps: 2000, readRatio: 0.95, keys: 20_000, zipf: 0.99 },
  topology: { instances: 4, redisShards: 3 },
  database: { connections: 10, readMs: 5 },
  failures: [{ atMs: 20_000, kind: 'redis-restart' as const, durationMs: 2000 }],
};

export const redisRestartCold = definePreset(
  'redis-restart-cold',
  'Redis restart without persistence: the cold-start herd',
  'A three-shard Redis holding the working set of 20 000 keys restarts at 20 s and is down for 2 ' +
    's, with persistence off. While it is down every read falls back to the database; when it comes ' +
    'back it is empty, so every read misses until the cache has refilled. Predict DB queries/s in ' +
    'the seconds after the restart, then watch the Database queries per second chart: several times ' +
    'the steady trickle, with the pool queueing and p99 latency climbing, decaying as the popular ' +
    'keys come back. The keys lost on restart count what the restart threw away. Compare with the ' +
    'AOF restart preset (Redis restart with AOF: nothing lost), where the same restart costs almost ' +
    'nothing.',
  { ...restartBody, cache: { strategy: 'cache-aside', l2: { ttlMs: 300_000, persistence: 'none' } } },
  ['dbQueriesPerSecond', 'dbQpsChart', 'p99Latency', 'keysLostOnRestart'],
);
