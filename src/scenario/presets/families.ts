import { definePreset } from './preset.ts';

const S = 1000;

export const families = definePreset(
  'families',
  'Key families: a TTL per kind of data, and data that must not be stale',
  "Ten kinds of data share one cache. The first six take the TTLs of the article's table: user " +
    'profile 300 s, product listing 60 s, feature flags 30 s, static config 3600 s, search results ' +
    '120 s, session 1800 s. The last four are the data the article says must not be served stale: ' +
    'inventory (stale means overselling), prices (charging the wrong amount), permissions (a revoked ' +
    'user still let in) and account balances (the wrong funds shown). Balances bypass the cache, as ' +
    'the article advises; the other three are cached like the rest, and the L1 on each instance ' +
    'serves them stale after writes on other instances. Compare the per-family hit ratios and the ' +
    'business consequences: wrong balances shown stays 0, while items oversold, wrong prices charged ' +
    'and revoked users allowed do not. Tick bypass the cache on the inventory family and watch items ' +
    'oversold drop to 0 (and the database work rise).',
  {
    version: 1,
    seed: 42,
    durationMs: 60_000,
    workload: {
      rps: 1000,
      readRatio: 0.98,
      zipf: 0.99,
      families: [
        { name: 'user-profile', share: 0.2, keys: 5000, ttlMs: 300 * S },
        { name: 'product-listing', share: 0.2, keys: 2000, ttlMs: 60 * S },
        { name: 'feature-flags', share: 0.08, keys: 50, ttlMs: 30 * S, readRatio: 0.999 },
        { name: 'static-config', share: 0.04, keys: 20, ttlMs: 3600 * S, readRatio: 0.9999 },
        { name: 'search-results', share: 0.1, keys: 5000, ttlMs: 120 * S },
        { name: 'session', share: 0.1, keys: 5000, ttlMs: 1800 * S, valueBytes: 256 },
        { name: 'inventory', share: 0.1, keys: 2000, ttlMs: 60 * S, readRatio: 0.8, consequence: 'oversell' },
        {
          name: 'price',
          share: 0.08,
          keys: 2000,
          ttlMs: 60 * S,
          readRatio: 0.95,
          consequence: 'wrong-price',
        },
        {
          name: 'permissions',
          share: 0.05,
          keys: 5000,
          ttlMs: 300 * S,
          readRatio: 0.95,
          consequence: 'revoked-access',
        },
        {
          name: 'account-balance',
          share: 0.05,
          keys: 5000,
          ttlMs: 60 * S,
          readRatio: 0.7,
          bypass: true,
          consequence: 'wrong-balance',
        },
      ],
    },
    topology: { instances: 4, redisShards: 3 },
    cache: { strategy: 'cache-aside', l1: { enabled: true, ttlMs: 1000, maxKeys: 1000 } },
  },
  ['familyRow', 'wrongBalances', 'oversold', 'wrongPrices', 'revokedAllowed'],
);
