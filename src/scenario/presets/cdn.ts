import { definePreset } from './preset.ts';

export const cdn = definePreset(
  'cdn',
  'CDN: public content served from the edge',
  'A CDN sits in front of the load balancer. Static assets carry `public, max-age=31536000, ' +
    'immutable` and the public API `public, max-age=60, s-maxage=300`, so the edge keeps API ' +
    'responses for 300 s (s-maxage wins at a shared cache) and assets for a year. Predict the CDN ' +
    'hit ratio: the article aims at 90 % or more for static content; watch most requests never reach ' +
    'the instances. Writes purge the edge only after the 5 s purge delay, so a few edge hits are ' +
    'stale (the stale edge hits / purges row): raise the CDN purge delay and watch them grow.',
  {
    version: 1,
    seed: 42,
    durationMs: 60_000,
    workload: { rps: 1000, readRatio: 0.99, keys: 2000, zipf: 0.99 },
    topology: { instances: 4, redisShards: 3, cdn: true },
    cache: { strategy: 'cache-aside', l1: { enabled: false }, l2: { ttlMs: 60_000 } },
    cdn: {
      routes: [
        { name: 'static', share: 0.6, cacheControl: 'public, max-age=31536000, immutable' },
        { name: 'public-api', share: 0.4, cacheControl: 'public, max-age=60, s-maxage=300' },
      ],
      purgeDelayMs: 5000,
    },
  },
  ['cdnHitRatio', 'cdnStaleHits'],
);
