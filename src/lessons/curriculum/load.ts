import type { Lesson } from '../types.ts';

/** Lessons 7, 8 and 10: load that arrives all at once, on one key, or on an empty cache. */

/** Queries per expiry: one leader, one per instance, or a herd. */
const HERD_SIZES = [
  { label: 'Exactly one', max: 1.5 },
  { label: 'Two to four', min: 1.5, max: 4.5 },
  { label: 'More than four', min: 4.5 },
];

export const stampede: Lesson = {
  id: 'stampede',
  title: 'The stampede and its four cures',
  teaches:
    'When a hot key expires every reader rebuilds it at once; a lock, coalescing, early refresh or a refresher stops the herd.',
  minutes: 15,
  scenario: {
    version: 1,
    title: 'One hot key, a slow rebuild',
    description: 'One key read 200 times a second, cached for 5 s, whose database read takes 100 ms.',
    seed: 42,
    durationMs: 60_000,
    workload: { rps: 200, readRatio: 1, keys: 1, zipf: 0 },
    topology: { instances: 4, redisShards: 3 },
    cache: {
      strategy: 'cache-aside',
      l1: { enabled: false },
      l2: { ttlMs: 5000 },
      stampede: { mode: 'none' },
    },
    database: { connections: 10, readMs: 100, serviceTime: 'constant' },
  },
  steps: [
    {
      title: 'A hot key about to expire',
      text:
        'One key is read 200 times a second and cached for 5 s. Rebuilding it takes a 100 ms ' +
        'database read. Nobody coordinates the rebuild.',
      atMs: 4000,
      show: { tab: 'charts' },
      prediction: {
        kind: 'number',
        question: 'When the key expires, how many queries will reach the database?',
        figure: 'dbQueriesPerExpiry',
        untilMs: 7000,
        reveal:
          'The expiry sent {dbQueriesPerExpiry:query:queries} to the database: every read that arrived while ' +
          'the first rebuild was still running missed too. They queued for the connections and the p99 ' +
          'latency jumped to {p99Peak}.',
      },
    },
    {
      title: 'Cure 1: coalesce on each instance',
      text:
        'Set Stampede protection to request coalescing (single-flight): on each app instance, only ' +
        'the first reader that misses queries the database; the others wait for its answer.',
      atMs: 12_000,
      changes: [{ path: 'cache.stampede.mode', value: 'single-flight' }],
      prediction: {
        kind: 'choice',
        question: 'How many queries per expiry now?',
        figure: 'dbQueriesPerExpiry',
        untilMs: 18_000,
        options: HERD_SIZES,
        reveal:
          '{dbQueriesPerExpiry} per expiry: one per instance that saw the miss, since each instance ' +
          'coalesces only its own readers. The p99 peaked at {p99Peak}.',
      },
    },
    {
      title: 'Cure 2: a lock in Redis',
      text:
        'Set Stampede protection to distributed lock: the first reader to miss takes SET NX EX on a ' +
        'lock key and rebuilds; the others back off and read the cache again.',
      atMs: 24_000,
      changes: [{ path: 'cache.stampede.mode', value: 'lock' }],
      show: { tab: 'charts' },
      prediction: {
        kind: 'choice',
        question: 'How many queries per expiry with the lock?',
        figure: 'dbQueriesPerExpiry',
        untilMs: 30_000,
        options: HERD_SIZES,
        reveal:
          '{dbQueriesPerExpiry} per expiry, across all instances. The losers waited instead, so the ' +
          'p99 still reached {p99Peak}: the herd is gone, the wait is not.',
      },
    },
    {
      title: 'Cure 3: refresh early, at random',
      text:
        'Set Stampede protection to probabilistic early expiration (XFetch): each read may rebuild ' +
        'the key a little before it expires, more likely as expiry nears, while still answering from ' +
        'the cache.',
      atMs: 36_000,
      changes: [{ path: 'cache.stampede.mode', value: 'xfetch' }],
      prediction: {
        kind: 'choice',
        question: 'How many times will the key expire in the next 12 seconds?',
        figure: 'expiries',
        untilMs: 48_000,
        options: [
          { label: 'Never', max: 1 },
          { label: 'Once or twice', min: 1, max: 3 },
          { label: 'Three times or more', min: 3 },
        ],
        reveal:
          'It expired {expiries:time:times}: readers rebuilt it before it could, with ' +
          '{dbQueries:database query:database queries} in 12 s, and no reader waited for one.',
      },
    },
    {
      title: 'Cure 4: a background refresher',
      text:
        'Set Stampede protection to background refresh: a worker watches the most popular keys and ' +
        're-reads each one once 75 % of its TTL has passed, whether anyone reads it or not.',
      atMs: 48_000,
      changes: [{ path: 'cache.stampede.mode', value: 'background-refresh' }],
      prediction: {
        kind: 'number',
        question: 'How many database queries in the next 12 seconds?',
        figure: 'dbQueries',
        untilMs: 60_000,
        reveal:
          '{dbQueries:query:queries}, all from the refresher, and {expiries:expiry:expiries}: readers never miss. ' +
          'The cost is steady work for keys that may no longer be hot, and a list of keys to maintain.',
      },
    },
  ],
};

export const hotKeys: Lesson = {
  id: 'hot-keys',
  title: 'Hot keys and the hot shard',
  teaches: 'One key lives on one shard, so a hot key overloads it; an L1 or key replicas spread the load.',
  minutes: 10,
  scenario: 'hot-key',
  steps: [
    {
      title: 'Half the traffic on one key',
      text:
        'Sixteen Redis shards, and one key takes half of all requests. A key lives on exactly one ' +
        'shard. Open the charts and find Operations per shard.',
      atMs: 5000,
      show: { tab: 'charts' },
      prediction: {
        kind: 'number',
        question: 'How many times its fair share does the busiest shard carry?',
        figure: 'hotShardFactor',
        untilMs: 10_000,
        reveal:
          'The busiest shard carried {hotShardFactor}: the hot key plus its sixteenth of the rest. ' +
          'Adding shards would not help; the hot key still lives on one of them.',
      },
    },
    {
      title: 'An L1 in every instance',
      text:
        'Turn L1 enabled on: each app instance keeps values for 1 s in its own memory, so the hot key ' +
        'reaches Redis about once a second per instance.',
      atMs: 10_000,
      changes: [{ path: 'cache.l1.enabled', value: true }],
      prediction: {
        kind: 'choice',
        question: 'How uneven is the load on the shards now?',
        figure: 'hotShardFactor',
        fromMs: 11_000,
        untilMs: 15_000,
        options: [
          { label: 'Still very uneven (over 4 times)', min: 4 },
          { label: 'Somewhat uneven (1.5 to 4 times)', min: 1.5, max: 4 },
          { label: 'Nearly even (under 1.5 times)', max: 1.5 },
        ],
        reveal:
          'The busiest shard now carries {hotShardFactor} its fair share, and the L1 answers ' +
          '{l1HitRatio} of the reads before they leave the instance.',
      },
    },
    {
      title: 'Or replicate the key',
      text:
        'Turn L1 enabled off and set Hot key replicas to 8: the hot key is stored as 8 copies on ' +
        'different slots, and each read picks one at random. Every write now costs 8 commands.',
      atMs: 15_000,
      changes: [
        { path: 'cache.l1.enabled', value: false },
        { path: 'cache.hotKeys.replicas', value: 8 },
      ],
      prediction: {
        kind: 'number',
        question: 'How many times its fair share does the busiest shard carry now?',
        figure: 'hotShardFactor',
        fromMs: 16_000,
        untilMs: 20_000,
        reveal:
          'The busiest shard now carries {hotShardFactor}: the copies land on several shards, and two ' +
          'copies can share one. The L1 spreads better; the replicas keep one shared copy.',
      },
    },
  ],
};

export const coldStart: Lesson = {
  id: 'cold-start',
  title: 'Cold starts, warming and restarts',
  teaches:
    'An empty cache sends the whole read load to the database; warming or persistence spare it the herd.',
  minutes: 10,
  scenario: 'warming',
  steps: [
    {
      title: 'Redis comes back empty',
      text:
        'Every key is cached, so the database is idle, and Cache warming is switched off. At 10 s ' +
        'Redis restarts, and 0.5 s later it is back, empty.',
      atMs: 5000,
      changes: [{ path: 'cache.warming.enabled', value: false }],
      show: { tab: 'charts' },
      prediction: {
        kind: 'number',
        question: 'How many database queries per second in the 2 s after Redis is back?',
        figure: 'dbQueriesPerSecond',
        fromMs: 10_500,
        untilMs: 12_500,
        reveal:
          'The database took {dbQueriesPerSecond:query:queries} per second, Redis answered only ' +
          '{l2HitRatio} of the reads while it refilled, and the p99 reached {p99Peak}. Size the ' +
          'database for this moment, not for the quiet one.',
      },
    },
    {
      title: 'Warm it before the readers',
      text:
        'Turn Cache warming on: as soon as Redis is back, the 2000 most popular keys are loaded from ' +
        'the database, most popular first, before readers miss them.',
      atMs: 5000,
      changes: [{ path: 'cache.warming.enabled', value: true }],
      show: { tab: 'charts' },
      prediction: {
        kind: 'choice',
        question: 'How many queries per second do readers send to the database after the restart?',
        figure: 'dbQueriesPerSecond',
        fromMs: 10_500,
        untilMs: 12_500,
        options: [
          { label: 'About as many as without warming (300 or more)', min: 300 },
          { label: 'Fewer, but still a herd (50 to 300)', min: 50, max: 300 },
          { label: 'Almost none (under 50)', max: 50 },
        ],
        reveal:
          'Readers sent {dbQueriesPerSecond:query:queries} per second, while the warm-up loaded ' +
          '{warmingReads:key:keys}, most popular first: the misses left are readers who asked before ' +
          'their key was loaded.',
      },
    },
    {
      title: 'Or keep the data through the restart',
      text:
        'Turn Cache warming off again and set Redis persistence to AOF: each shard logs every write ' +
        'and replays the log when it starts, so it comes back with its keys.',
      atMs: 5000,
      changes: [
        { path: 'cache.warming.enabled', value: false },
        { path: 'cache.l2.persistence', value: 'aof' },
      ],
      prediction: {
        kind: 'number',
        question: 'How many database queries per second in the 2 s after Redis is back?',
        figure: 'dbQueriesPerSecond',
        fromMs: 10_500,
        untilMs: 12_500,
        reveal:
          'The database took {dbQueriesPerSecond:query:queries} per second and Redis answered {l2HitRatio} ' +
          'of the reads: the restart cost the half second it was down, not a refill.',
      },
    },
  ],
};
