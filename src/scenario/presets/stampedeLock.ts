import { definePreset } from './preset.ts';
import { stampedeBody } from './stampede.ts';

export const stampedeLock = definePreset(
  'stampede-lock',
  'Cache stampede, tamed by a Redis lock',
  "The stampede preset with the article's lock: the first request that misses takes SET lock NX EX and " +
    'rebuilds the value; the others sleep 50 ms and read the cache again, up to 3 times, then give up and ' +
    'query the database themselves. The database read takes 100 ms, less than 3 x 50 ms, so each expiry ' +
    'costs exactly one query: compare DB reads with the stampede preset and watch lock waits. Raise ' +
    'database.readMs above 150 ms to see the fall-through herd come back.',
  { ...stampedeBody, cache: { ...stampedeBody.cache, stampede: { mode: 'lock' } } },
);
