import { definePreset } from './preset.ts';
import { restartBody } from './redisRestartCold.ts';

export const redisRestartAof = definePreset(
  'redis-restart-aof',
  'Redis restart with AOF: nothing lost',
  'The same restart as redis-restart-cold (down 2 s at 20 s), but each shard logs every write to its ' +
    'append-only file and replays it on start, so it comes back with all its keys. During the 2 s outage ' +
    'reads still fall back to the database; afterwards the hit ratio is back at once and the database ' +
    'reads per second return to their level before the restart, with no herd. One subtlety: the ' +
    'invalidations (DEL after a write) sent while Redis was down were refused, so a few keys come back ' +
    'with a value the database has since replaced: look at staleReads. Try persistence "rdb" with a ' +
    'snapshot interval: it comes back as the last snapshot, partly warm.',
  { ...restartBody, cache: { strategy: 'cache-aside', l2: { ttlMs: 300_000, persistence: 'aof' } } },
);
