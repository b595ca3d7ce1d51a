import { definePreset } from './preset.ts';
import { stampedeBody } from './stampede.ts';

export const stampedeXfetch = definePreset(
  'stampede-xfetch',
  'Cache stampede, avoided by probabilistic early expiration',
  'The stampede preset with XFetch (beta 1): each read of the hot key may recompute it a little before it ' +
    'expires, with a chance that grows as expiry nears, while still answering from the cache. The key is ' +
    'refreshed before it ever expires, so no reader waits for the database; each refresh cycle costs about ' +
    'e = 2.7 recomputations. Watch recomputesPerCycle, the L2 misses near zero and a flat p99.',
  { ...stampedeBody, cache: { ...stampedeBody.cache, stampede: { mode: 'xfetch', beta: 1 } } },
);
