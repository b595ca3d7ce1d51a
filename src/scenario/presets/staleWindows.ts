import { definePreset } from './preset.ts';
import type { Preset } from './preset.ts';

/**
 * RFC 5861's two Cache-Control extensions at the CDN edge, each beside the plain case:
 * `stale-while-revalidate` against the herd an expiring hot key sends to the origin, and
 * `stale-if-error` against an outage of the database behind it.
 */

/** A few hot pages, rendered from the database by the origin (no app cache), kept 1 s at the edge. */
const hotPageBody = (cacheControl: string) =>
  ({
    version: 1,
    seed: 42,
    durationMs: 60_000,
    workload: { rps: 2000, readRatio: 1, keys: 20, zipf: 1.2 },
    topology: { instances: 4, redisShards: 1, cdn: true },
    cache: { strategy: 'none' },
    database: { connections: 10, readMs: 50 },
    cdn: { routes: [{ name: 'product-page', share: 1, cacheControl }] },
  }) as const satisfies Preset['input'];

export const cdnHotKey = definePreset(
  'cdn-hot-key',
  'CDN: a hot page expires at the edge',
  'A few product pages take 2,000 reads/s through a CDN that keeps them 1 s (`public, max-age=1`); ' +
    'the origin renders a page from the database in 50 ms. When the hottest page expires, the edge ' +
    'sends every read of it to the origin until the new copy comes back: a herd of dozens of queries ' +
    'on 10 connections, every second. Watch the Database queries per second chart spike at each expiry ' +
    'and the p99 latency, then run the same system with stale-while-revalidate (CDN: a hot page ' +
    'revalidated in the background).',
  hotPageBody('public, max-age=1'),
  ['dbQpsChart', 'p99Latency'],
);

export const cdnHotKeySwr = definePreset(
  'cdn-hot-key-swr',
  'CDN: a hot page revalidated in the background',
  'The CDN hot page with `public, max-age=1, stale-while-revalidate=10`: a read of an expired copy ' +
    'up to 10 s past its max-age is answered at once from the copy, while one background request ' +
    'fetches the new one. Compare the Database queries per second chart with the plain run: the ' +
    'spikes are gone, one query per page per expiry (read the revalidations sent / failed), and so ' +
    'is the p99 latency. The price is staleness bounded by the window: read the served stale while ' +
    'revalidating and the age of stale copies served, never more than max-age plus the window.',
  hotPageBody('public, max-age=1, stale-while-revalidate=10'),
  ['dbQpsChart', 'p99Latency', 'cdnRevalidations', 'cdnServedWhileRevalidating', 'cdnServedAge'],
);

/** An API behind the CDN whose database stops answering for 20 s (queries time out waiting). */
const outageBody = (cacheControl: string) =>
  ({
    version: 1,
    seed: 42,
    durationMs: 60_000,
    workload: { rps: 1000, readRatio: 0.99, keys: 500, zipf: 0.9 },
    topology: { instances: 4, redisShards: 3, cdn: true },
    cache: { strategy: 'cache-aside', l1: { enabled: false }, l2: { ttlMs: 10_000 } },
    database: { connections: 20, acquireTimeoutMs: 200 },
    failures: [{ atMs: 20_000, kind: 'db-latency-spike', durationMs: 20_000, multiplier: 1000 }],
    cdn: { routes: [{ name: 'api', share: 1, cacheControl }] },
  }) as const satisfies Preset['input'];

export const cdnDbOutage = definePreset(
  'cdn-db-outage',
  'CDN: the database goes down behind the edge',
  'An API behind a CDN (`public, max-age=10`) with Redis in front of the database. At 20 s the ' +
    'database stops answering for 20 s: its queries are 1000 times slower, so they wait for a ' +
    'connection until the 200 ms acquire timeout and fail. Copies at the edge and in Redis keep ' +
    'answering until they expire; then each read of an expired page is an error. Watch the ' +
    'Errors, timeouts and retries per second chart climb through the outage, and the Errors under ' +
    'the stage; then run the same outage with stale-if-error (CDN: errors answered with stale copies).',
  outageBody('public, max-age=10'),
  ['errorRateChart', 'errors'],
);

export const cdnDbOutageStaleIfError = definePreset(
  'cdn-db-outage-stale-if-error',
  'CDN: errors answered with stale copies',
  'The same outage with `public, max-age=10, stale-if-error=600`: when the origin answers a read ' +
    'with an error, the edge answers with its expired copy instead, if it is less than 10 minutes ' +
    'past its max-age. Compare the Errors, timeouts and retries per second chart with the plain run: ' +
    'the Errors become answers, counted as errors answered with a stale copy. They ' +
    'are as slow as the errors were (the edge waits for the origin to fail first), and old: read the ' +
    'age of stale copies served. Copies a write purged are gone, so those reads still fail.',
  outageBody('public, max-age=10, stale-if-error=600'),
  ['errorRateChart', 'errors', 'cdnServedIfError', 'cdnServedAge'],
);
