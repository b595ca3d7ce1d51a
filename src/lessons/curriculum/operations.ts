import { cdnLeak as cdnLeakPreset } from '../../scenario/presets/cdnLeak.ts';
import { families } from '../../scenario/presets/families.ts';
import type { AlertRule } from '../../engine/mechanisms/alerts/rules.ts';
import { alertName } from '../figures.ts';
import type { ScenarioInput } from '../../scenario/schema.ts';
import type { Lesson } from '../types.ts';
import { staleOnPurpose } from './staleWindows.ts';

/** Lessons 11-13: the edge, the dashboard, and the data that should not be cached at all. */

export const cdnLeak: Lesson = {
  id: 'cdn-leak',
  title: 'The CDN and the private-data leak',
  teaches:
    'An edge cache multiplies a public response, serves a private one to the wrong person if its headers allow it, and may serve stale on purpose where staleness harms no one.',
  minutes: 12,
  scenario: 'cdn',
  steps: [
    {
      title: 'Public content at the edge',
      text:
        'A CDN sits in front of the app. Static assets may be kept for a year, and the public API for ' +
        '300 s at the edge (s-maxage). Most requests should never reach an instance.',
      atMs: 10_000,
      prediction: {
        kind: 'number',
        question: 'What share of requests will the edge answer itself?',
        figure: 'cdnHitRatio',
        untilMs: 30_000,
        reveal:
          'The edge answered {cdnHitRatio} of the requests. The app and Redis only saw the misses: the ' +
          'CDN takes the bandwidth, the layers behind it take what is left.',
      },
    },
    {
      title: 'An account page marked public',
      text:
        "Now an authenticated route, /account, answers with the signed-in user's own data, but its " +
        'response says public, max-age=60. The edge keeps one copy per URL and does not look at who ' +
        'asked.',
      atMs: 10_000,
      scenario: 'cdn-leak',
      prediction: {
        kind: 'choice',
        question: "How often will someone get another user's account page in the next 20 seconds?",
        figure: 'dataLeaked',
        untilMs: 30_000,
        options: [
          { label: 'Never: the edge knows who is signed in', max: 1 },
          { label: 'Rarely (under 100 times)', min: 1, max: 100 },
          { label: 'Constantly (100 times or more)', min: 100 },
        ],
        reveal:
          "{dataLeaked:response:responses} carried another user's data in 20 s. Each is a security incident, " +
          "and nothing in the app's logs shows it: the edge answered without asking.",
      },
    },
    {
      title: 'Fix the header',
      text:
        'Mark /account private, no-store, as authenticated responses must be. The edge now passes ' +
        'every /account request through to the app.',
      atMs: 10_000,
      scenario: accountFixed(),
      prediction: {
        kind: 'number',
        question: 'What share of requests will the edge answer now?',
        figure: 'cdnHitRatio',
        untilMs: 30_000,
        reveal:
          'No more leaks ({dataLeaked}), and the edge still answers {cdnHitRatio} of the requests: ' +
          'the public catalogue keeps its hits, the private page costs a trip to the app.',
      },
    },
    staleOnPurpose,
  ],
};

/** The cdn-leak preset with its /account route marked `private, no-store`. */
function accountFixed(): ScenarioInput {
  const input = cdnLeakPreset.input;
  const routes = (input.cdn?.routes ?? []).map((r) =>
    r.name === 'account' ? { ...r, cacheControl: 'private, no-store' } : r,
  );
  return { ...input, cdn: { ...input.cdn, routes } };
}

/** A healthy, warmed cache whose dashboard starts quiet. */
const quiet = {
  version: 1,
  title: 'A quiet dashboard',
  description: 'A healthy cache-aside system, warmed before traffic, with the monitoring rules on.',
  seed: 42,
  durationMs: 90_000,
  workload: { rps: 1000, readRatio: 0.95, keys: 10_000, zipf: 0.99 },
  topology: { instances: 4, redisShards: 3 },
  cache: {
    strategy: 'cache-aside',
    l1: { enabled: false },
    l2: { ttlMs: 300_000, ttlJitter: 0.1 },
    warming: { enabled: true, topKeys: 10_000 },
  },
} as const satisfies ScenarioInput;

/** "Which alert fires first?": the alerts by the names the dashboard gives them, or none. */
const alertOptions = (...rules: (AlertRule | 'none')[]) =>
  rules.map((r) => ({ label: alertName(r), equals: r }));

export const monitoring: Lesson = {
  id: 'monitoring',
  title: 'Monitoring and alerts',
  teaches:
    'A cache degrades quietly; the alerts that matter fire before users notice, if someone set them up.',
  minutes: 10,
  scenario: quiet,
  steps: [
    {
      title: 'Less memory',
      text:
        'The dashboard is quiet. Someone lowers the Redis maxmemory per shard to 7,000,000 bytes. ' +
        'The alert rules are the usual ones: hit rate below 70 %, any eviction, memory above 80 %.',
      atMs: 10_000,
      changes: [{ path: 'cache.l2.maxMemoryBytes', value: 7_000_000 }],
      show: { tab: 'charts' },
      prediction: {
        kind: 'choice',
        question: 'Which alert fires first?',
        figure: 'firstAlert',
        untilMs: 30_000,
        options: alertOptions('none', 'hit-rate', 'evictions', 'memory'),
        reveal:
          '{firstAlert} fired, while {evictions:key was:keys were} evicted: the data still fits. That alert ' +
          'is the warning before Redis starts dropping keys, time to add memory or trim values.',
      },
    },
    {
      title: 'Every key on one clock',
      text:
        'Start over with the same cache, but a 60 s TTL without jitter: the warm-up stores every key ' +
        'in the same second, so they will all expire in the same second too.',
      atMs: 0,
      scenario: { ...quiet, cache: { ...quiet.cache, l2: { ttlMs: 60_000, ttlJitter: 0 } } },
      prediction: {
        kind: 'choice',
        question: 'Which alert fires first?',
        figure: 'firstAlert',
        untilMs: 10_000,
        options: alertOptions('none', 'hit-rate', 'expiring-at-once'),
        reveal:
          '{firstAlert}, long before anything goes wrong. The TTL distribution chart shows why: one ' +
          'tall bar.',
      },
    },
    {
      title: 'The minute is up',
      text:
        'The playhead jumps on to the next notable event: the moment the most popular key expires, ' +
        'and every other key with it.',
      atMs: 55_000,
      show: { tab: 'charts', notable: true },
      prediction: {
        kind: 'number',
        question: 'How many database queries per second in the 3 s after the keys expire?',
        figure: 'dbQueriesPerSecond',
        fromMs: 60_000,
        untilMs: 63_000,
        reveal:
          'The database took {dbQueriesPerSecond:query:queries} per second and the hit ratio fell to ' +
          '{l2HitRatio}: a stampede across every key at once. A few percent of jitter on the TTL ' +
          'spreads the expiries out.',
      },
    },
  ],
};

/** A long tail: a million keys read evenly, so few are read twice within a TTL. */
const longTail = {
  version: 1,
  title: 'A long tail of keys',
  description: 'Reads spread evenly over a million keys: a cache that almost never hits.',
  seed: 42,
  durationMs: 40_000,
  workload: { rps: 1000, readRatio: 0.95, keys: 1_000_000, zipf: 0 },
  topology: { instances: 4, redisShards: 3 },
  cache: { strategy: 'cache-aside', l1: { enabled: false }, l2: { ttlMs: 60_000 } },
} as const satisfies ScenarioInput;

export const whenNotToCache: Lesson = {
  id: 'when-not-to-cache',
  title: 'When not to cache',
  teaches:
    'A cache that rarely hits only adds a round trip, and data that must never be stale should skip it.',
  minutes: 10,
  scenario: longTail,
  steps: [
    {
      title: 'A cache for data nobody reads twice',
      text:
        'Reads spread evenly over 1,000,000 keys, and Redis keeps each for 60 s. Every miss costs a ' +
        'Redis round trip before the database read.',
      atMs: 10_000,
      show: { tab: 'charts' },
      prediction: {
        kind: 'number',
        question: 'What L2 hit ratio will this cache reach?',
        figure: 'l2HitRatio',
        untilMs: 20_000,
        reveal:
          'Redis answered {l2HitRatio} of the reads. A typical request took {p50Latency}: the cache ' +
          'costs a trip on nearly every read and saves almost nothing.',
      },
    },
    {
      title: 'Take it out',
      text: 'Switch the strategy to no cache: every read goes straight to the database.',
      atMs: 20_000,
      changes: [{ path: 'cache.strategy', value: 'none' }],
      prediction: {
        kind: 'choice',
        question: 'Without the cache, will the typical (p50) request be slower or faster?',
        figure: 'p50LatencyVsBefore',
        untilMs: 40_000,
        options: [
          { label: 'Slower (by more than 2 %)', min: 1.02 },
          { label: 'The same, within 2 %', min: 0.98, max: 1.02 },
          { label: 'Faster (by more than 2 %)', max: 0.98 },
        ],
        reveal:
          'A typical request now takes {p50Latency}, {p50LatencyVsBefore} of the time it took with ' +
          'the cache: no Redis round trip in front of every database read. When the hit ratio is this ' +
          'low, the cache is all cost.',
      },
    },
    {
      title: 'Data that must not be stale',
      text:
        'A shop caches ten kinds of data. Account balances skip the cache; inventory is cached for ' +
        '60 s, with a short L1 on each instance. Open the charts and find the business consequences.',
      atMs: 10_000,
      scenario: families.input,
      show: { tab: 'charts' },
      prediction: {
        kind: 'choice',
        question: 'In the next 30 seconds, how many items get oversold?',
        figure: 'oversold',
        untilMs: 40_000,
        options: [
          { label: 'None: the stock count is never stale', max: 1 },
          { label: 'A few (1 to 19)', min: 1, max: 20 },
          { label: 'Many (20 or more)', min: 20 },
        ],
        reveal:
          '{oversold:item was:items were} sold from a stale stock count, while ' +
          '{wrongBalances:wrong balance was:wrong balances were} shown: the data that bypasses the cache cannot be stale. For money, stock and ' +
          'permissions, read the source of truth.',
      },
    },
  ],
};
