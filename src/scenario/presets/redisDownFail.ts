import { definePreset } from './preset.ts';

export const redisDownFail = definePreset(
  'redis-down-fail',
  'Redis down, and the app fails instead of falling back',
  'Redis restarts at 10 s and is down for 3 s. This app treats the cache as required: every read ' +
    'that needs Redis while it is down fails (While Redis is down: fail the request), so about 3 s x ' +
    '1900 reads/s turn into Errors, while the database sits idle. Set While Redis is down to fall ' +
    'back to the database: the errors disappear and the database takes the whole read load instead ' +
    '(reads sent to the database), which is fine here and a meltdown when the database is sized for ' +
    'the cache hit ratio. Which failure do you prefer?',
  {
    version: 1,
    seed: 42,
    durationMs: 30_000,
    workload: { rps: 2000, readRatio: 0.95, keys: 20_000, zipf: 0.99 },
    topology: { instances: 4, redisShards: 3 },
    cache: { strategy: 'cache-aside', l2: { ttlMs: 300_000 }, redisDownPolicy: 'fail' },
    failures: [{ atMs: 10_000, kind: 'redis-restart', durationMs: 3000 }],
  },
  ['errors', 'redisFallbacks'],
);
