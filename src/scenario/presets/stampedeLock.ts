import { definePreset } from './preset.ts';
import { stampedeBody } from './stampede.ts';

export const stampedeLock = definePreset(
  'stampede-lock',
  'Cache stampede, tamed by a Redis lock',
  "The stampede preset with the article's lock: the first request that misses takes SET lock NX EX " +
    'and rebuilds the value; the others sleep 50 ms and read the cache again, up to 3 times, then ' +
    'give up and query the database themselves. The database read takes 100 ms, less than 3 x 50 ms, ' +
    'so each expiry costs exactly one query: compare the Database queries per second chart with the ' +
    "stampede's and watch the lock waits (and the lock held on the hot key's shard). Raise DB read " +
    'time above 150 ms to see the lock fall-throughs bring the herd back.',
  { ...stampedeBody, cache: { ...stampedeBody.cache, stampede: { mode: 'lock' } } },
  ['dbQpsChart', 'lockWaits', 'locksHeld', 'lockFallThroughs'],
);
