import { definePreset } from './preset.ts';

/** 500 page views a second, each reading a user's profile, preferences and activity (three GETs). */
export const partialCaching = definePreset(
  'partial-caching',
  'Partial caching: each part of a user with its own TTL',
  'A user is cached as three keys: the profile (changes rarely, TTL 3600 s), the preferences ' +
    '(sometimes, 300 s) and the activity (often, 30 s). A change to the activity only invalidates ' +
    'the activity key, and the stable profile stays cached for an hour. Compare the L2 hit ratio ' +
    'with the whole object caching preset, which caches the same user as one key that every change ' +
    'invalidates and that must take the shortest TTL: the per-family hit ratios here show where the ' +
    'difference comes from. The price: three Redis round trips per page instead of one.',
  {
    version: 1,
    seed: 42,
    durationMs: 60_000,
    workload: {
      rps: 1500,
      zipf: 0.99,
      families: [
        { name: 'profile', share: 1, keys: 2000, ttlMs: 3_600_000, readRatio: 0.999 },
        { name: 'preferences', share: 1, keys: 2000, ttlMs: 300_000, readRatio: 0.99 },
        { name: 'activity', share: 1, keys: 2000, ttlMs: 30_000, readRatio: 0.9 },
      ],
    },
    topology: { instances: 4, redisShards: 3 },
    cache: { strategy: 'cache-aside', l1: { enabled: false } },
  },
  ['l2HitRatio', 'familyRow'],
);

/** The same users and changes as partial-caching, cached as one object per user. */
export const wholeObject = definePreset(
  'whole-object',
  'Whole-object caching: one key per user, shortest TTL',
  'The same 500 page views a second as the partial caching preset, but each user is one cached ' +
    'object holding profile, preferences and activity. Any change to any part invalidates the whole ' +
    'object, and its TTL has to be the shortest one (30 s) or the activity would be served stale. ' +
    'One Redis GET per page, but a lower L2 hit ratio: compare it with partial caching.',
  {
    version: 1,
    seed: 42,
    durationMs: 60_000,
    workload: {
      rps: 500,
      zipf: 0.99,
      // A page view writes with the probabilities of the three parts together: 0.001 + 0.01 + 0.1.
      families: [{ name: 'user', share: 1, keys: 2000, ttlMs: 30_000, readRatio: 0.889 }],
    },
    topology: { instances: 4, redisShards: 3 },
    cache: { strategy: 'cache-aside', l1: { enabled: false } },
  },
  ['l2HitRatio'],
);
