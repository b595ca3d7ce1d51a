import type { Lesson } from '../types.ts';

/** Lessons 1-3: what a cache buys, what its TTL trades, and what happens when it is full. */

export const whyCache: Lesson = {
  id: 'why-cache',
  title: 'Why cache at all',
  teaches: 'What a shared cache takes off the database, and what it does to latency.',
  minutes: 8,
  scenario: 'no-cache',
  steps: [
    {
      title: 'Every request reaches the database',
      text:
        'There is no cache yet. Four app instances send every read and every write straight to the ' +
        'database, which has 10 connections. Open the charts and look at Database queries per second.',
      atMs: 10_000,
      show: { tab: 'charts' },
      prediction: {
        kind: 'number',
        question: 'How many queries per second does the database serve?',
        figure: 'dbQueriesPerSecond',
        untilMs: 20_000,
        reveal:
          'The database served {dbQueriesPerSecond:query:queries} per second: the whole workload, reads and ' +
          'writes alike. A typical request took {p50Latency}, and the slowest 1 % up to {p99Peak}.',
      },
    },
    {
      title: 'Put Redis in front',
      text:
        'Switch the strategy to cache-aside: a read looks in Redis first and only a miss goes to the ' +
        'database, which then stores the row in Redis for next time. A write updates the database and ' +
        'deletes the cached copy. Redis starts empty.',
      atMs: 20_000,
      changes: [{ path: 'cache.strategy', value: 'cache-aside' }],
      prediction: {
        kind: 'choice',
        question: 'Over the next 20 seconds, how much work is left for the database?',
        figure: 'dbQueriesPerSecond',
        untilMs: 40_000,
        options: [
          { label: 'Almost as much as before (700 queries/s or more)', min: 700 },
          { label: 'Roughly half (300 to 700 queries/s)', min: 300, max: 700 },
          { label: 'A small part (under 300 queries/s)', max: 300 },
        ],
        reveal:
          'The database fell to {dbQueriesPerSecond:query:queries} per second while Redis answered ' +
          '{l2HitRatio} of the reads. Every miss fills the cache, so the load keeps falling as the ' +
          'popular keys settle in.',
      },
    },
    {
      title: 'What the room feels',
      text:
        'Users do not see queries per second; they see latency. Redis answers in well under a ' +
        'millisecond, the database in several.',
      atMs: 40_000,
      prediction: {
        kind: 'number',
        question: 'What will the typical (p50) latency be now, in milliseconds?',
        figure: 'p50Latency',
        untilMs: 60_000,
        reveal:
          'A typical request now takes {p50Latency}, with the L2 hit ratio at {l2HitRatio}. The same ' +
          'hardware serves the same users faster, as long as the cache stays healthy: the lessons that ' +
          'follow break it one way at a time.',
      },
    },
  ],
};

export const ttlHitRatio: Lesson = {
  id: 'ttl-hit-ratio',
  title: 'TTL and the hit ratio',
  teaches:
    'A TTL trades database load against staleness; too short wastes the cache, too long serves old data.',
  minutes: 10,
  scenario: {
    version: 1,
    title: 'TTL and the hit ratio',
    description: 'Data that rarely changes, cached with a TTL that is first too short, then long.',
    seed: 42,
    durationMs: 150_000,
    workload: { rps: 1000, readRatio: 0.995, keys: 10_000, zipf: 0.99 },
    topology: { instances: 4, redisShards: 3 },
    cache: { strategy: 'cache-aside', l1: { enabled: false }, l2: { ttlMs: 5000 } },
  },
  steps: [
    {
      title: 'A 5 s TTL on data that hardly changes',
      text:
        'Writes are rare (99.5 % of requests are reads), yet Redis forgets every key 5 s after storing it. Each ' +
        'expiry sends a read to the database that returns the very value just thrown away.',
      atMs: 20_000,
      show: { tab: 'charts' },
      prediction: {
        kind: 'number',
        question: 'What L2 hit ratio will Redis reach with this TTL?',
        figure: 'l2HitRatio',
        untilMs: 30_000,
        reveal:
          'Redis answered {l2HitRatio} of the reads, and the database took ' +
          '{dbQueriesPerSecond:query:queries} per second, nearly all of them for values that had not changed.',
      },
    },
    {
      title: 'Raise the TTL to a minute',
      text:
        'Set the L2 TTL to 60 s. Keys already in Redis keep the expiry they were stored with; the ' +
        'new TTL applies from their next refill.',
      atMs: 30_000,
      changes: [{ path: 'cache.l2.ttlMs', value: 60_000 }],
      prediction: {
        kind: 'choice',
        question: 'Where will the L2 hit ratio go once the new TTL has settled in?',
        figure: 'l2HitRatio',
        fromMs: 40_000,
        untilMs: 60_000,
        options: [
          { label: 'Down', max: 0.6 },
          { label: 'About where it was (60 % to 80 %)', min: 0.6, max: 0.8 },
          { label: 'Up, above 80 %', min: 0.8 },
        ],
        reveal:
          'From 40 s on Redis answered {l2HitRatio} of the reads and the database fell to ' +
          '{dbQueriesPerSecond:query:queries} per second. Same data, same traffic: only the TTL changed.',
      },
    },
    {
      title: 'The price: a TTL is also a staleness window',
      text:
        'Now stop deleting on write and rely on the TTL alone (strategy TTL only). Nothing tells ' +
        'Redis that a row changed, so a cached copy stays until its 60 s are up, however often the row ' +
        'is written meanwhile. The run goes on to 150 s, long enough for every copy to reach its TTL.',
      atMs: 60_000,
      changes: [{ path: 'cache.strategy', value: 'ttl-only' }],
      show: { tab: 'charts' },
      prediction: {
        kind: 'number',
        question: 'From 60 s to 150 s, how old, in seconds, will the oldest stale read be?',
        figure: 'maxStaleAge',
        untilMs: 150_000,
        reveal:
          'Readers got {staleReads:stale value:stale values} in those 90 s, the oldest {maxStaleAge} ' +
          'behind the database: never more than the 60 s TTL. With TTL only, the TTL is the promise ' +
          'you make about staleness: keep it as a safety net under real invalidation for data that matters.',
      },
    },
  ],
};

export const evictionMemory: Lesson = {
  id: 'eviction-memory',
  title: 'Eviction and memory',
  teaches: 'A full Redis must drop keys or refuse them; the policy decides which, and the hit ratio pays.',
  minutes: 8,
  scenario: 'memory-pressure',
  steps: [
    {
      title: 'A working set bigger than memory',
      text:
        'Each of the three shards may use 2,000,000 bytes, far less than the 20,000 keys of 1024 bytes ' +
        'need. Under allkeys-lru Redis samples a few keys and evicts the least recently used.',
      atMs: 10_000,
      show: { tab: 'charts' },
      prediction: {
        kind: 'number',
        question: 'What L2 hit ratio can a cache this small still reach?',
        figure: 'l2HitRatio',
        untilMs: 25_000,
        reveal:
          'Redis answered {l2HitRatio} of the reads while evicting {evictions:key:keys} in those 15 s: the ' +
          'popular keys stay, the long tail comes and goes.',
      },
    },
    {
      title: 'Refuse instead of evict',
      text:
        'Set the L2 eviction policy to never evict (noeviction). Redis keeps what it has and, once ' +
        'a shard is full, answers every SET with an error.',
      atMs: 25_000,
      changes: [{ path: 'cache.l2.eviction', value: 'noeviction' }],
      prediction: {
        kind: 'choice',
        question: 'What happens to the reads that miss from now on?',
        figure: 'rejectedWrites',
        untilMs: 40_000,
        options: [
          { label: 'Nothing changes: Redis still makes room', max: 1 },
          { label: 'A few SETs are refused (under 100)', min: 1, max: 100 },
          { label: 'Hundreds of SETs are refused: new keys are never cached', min: 100 },
        ],
        reveal:
          'Redis refused {rejectedWrites:SET:SETs} and evicted {evictions:key:keys}, and the hit ratio fell to ' +
          '{l2HitRatio}. The keys already cached stay forever; a key that becomes popular later can ' +
          'never get in.',
      },
    },
  ],
};
