import { definePreset } from './preset.ts';

export const cdnLeak = definePreset(
  'cdn-leak',
  'CDN leak: an account page cached in public',
  "The /account route answers with the signed-in user's own data, but someone gave it `public, " +
    'max-age=60`. The edge keeps one copy per key and ignores who asked, so the next user to load ' +
    "that page gets the previous user's account: a security incident. Predict how many edge hits on " +
    "/account leak (nearly all of them, with 1000 users), then watch Data leaked and another user's " +
    'data served climb, each leak drawn as an error on its way from the CDN. Then set the account ' +
    "route's Cache-Control to `private, no-store`, as the article says authenticated responses must " +
    'be, and watch the leaks stop while the public /catalog route keeps its edge hits.',
  {
    version: 1,
    seed: 42,
    durationMs: 60_000,
    workload: { rps: 1000, readRatio: 0.98, keys: 1000, zipf: 0.99, users: 1000 },
    topology: { instances: 4, redisShards: 3, cdn: true },
    cache: { strategy: 'cache-aside', l1: { enabled: false } },
    cdn: {
      routes: [
        { name: 'catalog', share: 0.5, cacheControl: 'public, max-age=60, s-maxage=300' },
        { name: 'account', share: 0.5, cacheControl: 'public, max-age=60', personalised: true },
      ],
    },
  },
  ['dataLeaked', 'crossUserLeaks'],
);
