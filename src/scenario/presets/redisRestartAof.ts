import { definePreset } from './preset.ts';
import { restartBody } from './redisRestartCold.ts';

export const redisRestartAof = definePreset(
  'redis-restart-aof',
  'Redis restart with AOF: nothing lost',
  'The same restart as the cold-start preset (down 2 s at 20 s), but each shard logs every write ' +
    'to its append-only file and replays it on start, so it comes back with all its keys: keys lost ' +
    'on restart stays 0. During the 2 s outage reads still fall back to the database; afterwards the ' +
    'L2 hit ratio is back at once and DB queries/s return to their level before the restart, with no ' +
    'herd. One subtlety: the invalidations (DEL after a write) sent while Redis was down were ' +
    'refused, so a few keys come back with a value the database has since replaced: look at the ' +
    'stale reads. Set Redis persistence to RDB snapshots with a snapshot interval: it comes back as ' +
    'the last snapshot, partly warm.',
  { ...restartBody, cache: { strategy: 'cache-aside', l2: { ttlMs: 300_000, persistence: 'aof' } } },
  ['keysLostOnRestart', 'l2HitRatio', 'dbQueriesPerSecond', 'staleReads'],
);
