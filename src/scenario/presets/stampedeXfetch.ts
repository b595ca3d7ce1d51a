import { definePreset } from './preset.ts';
import { stampedeBody } from './stampede.ts';

export const stampedeXfetch = definePreset(
  'stampede-xfetch',
  'Cache stampede, avoided by probabilistic early expiration',
  'The stampede preset with XFetch (beta 1): each read of the hot key may recompute it a little ' +
    'before it expires, with a chance that grows as expiry nears, while still answering from the ' +
    'cache. The key is refreshed before it ever expires, so no reader waits for the database; each ' +
    'refresh cycle costs about e = 2.7 recomputations. The cache is warmed before traffic so the run ' +
    'starts in steady state. Watch XFetch recomputes per cycle settle near 2.7, the L2 hit ratio ' +
    'near 100 % and a flat p99 latency.',
  {
    ...stampedeBody,
    cache: {
      ...stampedeBody.cache,
      stampede: { mode: 'xfetch', beta: 1 },
      // Warm at start: a cold start's herd would queue the database and teach XFetch a recompute time
      // far longer than the real one, so it would refresh far too early.
      warming: { enabled: true, topKeys: 100 },
    },
  },
  ['recomputesPerCycle', 'l2HitRatio', 'p99Latency'],
);
