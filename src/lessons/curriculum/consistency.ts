import { l1Inconsistency as l1InconsistencyPreset } from '../../scenario/presets/l1Inconsistency.ts';
import { l1Tracking } from '../../scenario/presets/tracking.ts';
import type { Lesson } from '../types.ts';

/** Lessons 4-6: keeping the cache in step with the database on writes, and what each way costs. */

export const invalidationRace: Lesson = {
  id: 'invalidation-race',
  title: 'Invalidation and the update race',
  teaches: 'Why a write should delete the cached value rather than overwrite it.',
  minutes: 8,
  scenario: 'update-race',
  steps: [
    {
      title: 'Writers update the cache',
      text:
        'Half of the requests are writes. Each writer updates the database, then puts its new value ' +
        'into Redis. The network between app and Redis is jittery, so two writers of one key can ' +
        'reach the database in one order and Redis in the other.',
      atMs: 10_000,
      show: { tab: 'charts' },
      prediction: {
        kind: 'choice',
        question: 'How many stale reads will the next 20 seconds bring?',
        figure: 'staleReads',
        untilMs: 30_000,
        options: [
          { label: 'None: every write puts the newest value in Redis', max: 1 },
          { label: 'A handful (1 to 99)', min: 1, max: 100 },
          { label: 'Hundreds or more', min: 100 },
        ],
        reveal:
          '{staleReads:read:reads} got an old value, the oldest {maxStaleAge} behind the database. When the ' +
          'older value lands in Redis last, it stays there until the next write or the TTL.',
      },
    },
    {
      title: 'Delete on write instead',
      text:
        'Switch the strategy to cache-aside (delete on write): a writer deletes the key and the next ' +
        'read loads the current row. A late delete does no harm; a late old value does.',
      atMs: 30_000,
      changes: [{ path: 'cache.strategy', value: 'cache-aside' }],
      show: { key: 0 },
      prediction: {
        kind: 'choice',
        question: 'Compared with the 20 seconds before, how many stale reads in the next 20?',
        figure: 'staleReadsVsBefore',
        untilMs: 50_000,
        options: [
          { label: 'More', min: 1.1 },
          { label: 'About as many', min: 0.9, max: 1.1 },
          { label: 'Fewer', max: 0.9 },
        ],
        reveal:
          'Stale reads fell to {staleReadsVsBefore} of the 20 s before ({staleReads} in all). A delete ' +
          'can arrive in any order and still leave the next read to fetch the current row. What is ' +
          'left are reads that raced a write; the short TTL bounds how long those last.',
      },
    },
  ],
};

export const writeBehind: Lesson = {
  id: 'write-behind',
  title: 'Write-behind and lost writes',
  teaches:
    'Acknowledging a write before the database has it is fast, and a crash loses exactly the writes not yet flushed.',
  minutes: 8,
  scenario: 'write-behind-crash',
  steps: [
    {
      title: 'The cache runs ahead',
      text:
        'Writes go to Redis and to a queue inside the app instance, and the client hears "saved" at ' +
        'once. Each instance flushes its queue in batches of 50, or every 1 s.',
      atMs: 10_000,
      show: { node: 'app-1' },
      prediction: {
        kind: 'number',
        question: 'In the first 20 s, how far behind the cache, in seconds, does the database fall at worst?',
        figure: 'writeBehindLagMax',
        fromMs: 0,
        untilMs: 20_000,
        reveal:
          'The database was up to {writeBehindLagMax} behind. Anyone who reads it directly (a report, ' +
          'an admin tool) sees the past.',
      },
    },
    {
      title: 'App 2 crashes',
      text:
        'At 20.5 s App 2 crashes with part of its queue not yet flushed. Those writes were ' +
        'acknowledged to the clients.',
      atMs: 20_000,
      show: { node: 'app-1' },
      prediction: {
        kind: 'number',
        question: 'How many acknowledged writes are lost?',
        figure: 'lostWrites',
        untilMs: 25_000,
        reveal:
          '{lostWrites:write:writes} confirmed to users never reached the database: not late, gone. ' +
          'For payments or orders that is not an option.',
      },
    },
    {
      title: 'Write-through instead',
      text:
        'Same crash, but switch the strategy to write-through just before it: each write reaches the ' +
        'database before the client hears "saved", and Redis is updated beside it.',
      atMs: 20_000,
      changes: [{ path: 'cache.strategy', value: 'write-through' }],
      prediction: {
        kind: 'choice',
        question: 'How many writes does the crash lose now?',
        figure: 'lostWrites',
        untilMs: 25_000,
        options: [
          { label: 'None', max: 1 },
          { label: 'A few (1 to 9)', min: 1, max: 10 },
          { label: 'As many as before, or more (10 or more)', min: 10 },
        ],
        reveal:
          '{lostWrites} lost: the writes still queued when the strategy changed were flushed, and new ' +
          'ones waited for the database. The price is write latency, not data.',
      },
    },
  ],
};

export const cdcInvalidation: Lesson = {
  id: 'cdc',
  title: 'Invalidation by change data capture',
  teaches:
    'A CDC pipeline takes invalidation out of the write path, and its lag becomes the staleness window.',
  minutes: 8,
  scenario: 'cdc',
  steps: [
    {
      title: 'Deletes that come from the binlog',
      text:
        'The app only writes to the database. Each commit becomes an event that a consumer turns into ' +
        'a DEL in Redis about 200 ms later.',
      atMs: 5000,
      show: { tab: 'charts' },
      prediction: {
        kind: 'number',
        question: 'How old, in seconds, will the oldest stale read be?',
        figure: 'maxStaleAge',
        untilMs: 15_000,
        reveal:
          'The oldest stale read was {maxStaleAge} old, and {staleReads:read was:reads were} stale in those ' +
          '10 s: the window between a commit and its DEL is the pipeline lag.',
      },
    },
    {
      title: 'The consumer stops',
      text:
        'A CDC consumer outage: the consumer that turns change events into deletes stops for 5 s. ' +
        'Writes keep committing; their events wait in the broker.',
      atMs: 15_000,
      failure: { kind: 'cdc-outage', durationMs: 5000 },
      show: { tab: 'charts' },
      prediction: {
        kind: 'number',
        question: 'How many change events will be waiting in the broker at the worst moment?',
        figure: 'cdcBacklogMax',
        untilMs: 25_000,
        reveal:
          'Up to {cdcBacklogMax:event:events} waited: the writes of the whole outage. Meanwhile ' +
          '{staleReads:read was:reads were} stale, the oldest {maxStaleAge} old. When the consumer came back it drained the ' +
          'backlog and the stale reads stopped.',
      },
    },
  ],
};

export const l1Inconsistency: Lesson = {
  id: 'l1-inconsistency',
  title: 'L1 caches that disagree',
  teaches:
    'An in-process cache on each instance is invisible to the others: its TTL is how long they may disagree.',
  minutes: 8,
  scenario: 'l1-inconsistency',
  steps: [
    {
      title: 'Ten private caches',
      text:
        'Ten app instances each keep values in their own L1 for 300 s. A write updates the database and ' +
        'deletes the Redis copy, but no other instance hears of it. Open the most popular key in the ' +
        'inspector and look at the versions each instance holds.',
      atMs: 10_000,
      show: { key: 0 },
      prediction: {
        kind: 'number',
        question: 'By 30 s, how old (in seconds) will the oldest stale read be?',
        figure: 'maxStaleAge',
        untilMs: 30_000,
        reveal:
          'The oldest stale read was {maxStaleAge} behind the database, and ' +
          '{staleReads:read was:reads were} stale in those 20 s. Two users on two instances see two different values, and nothing in ' +
          'the logs says why.',
      },
    },
    {
      title: 'Shorten the L1 TTL',
      text:
        'The same system with an L1 TTL of 1 s. A change of TTL only applies to values cached after ' +
        'it, so this step restarts the run with the short TTL from the start.',
      atMs: 10_000,
      scenario: {
        ...l1InconsistencyPreset.input,
        cache: { ...l1InconsistencyPreset.input.cache, l1: { enabled: true, ttlMs: 1000, maxKeys: 1000 } },
      },
      show: { key: 0 },
      prediction: {
        kind: 'choice',
        question: 'How old can a stale read be now?',
        figure: 'maxStaleAge',
        untilMs: 30_000,
        options: [
          { label: 'Still tens of seconds', min: 10_000 },
          { label: 'A few seconds', min: 2000, max: 10_000 },
          { label: 'About a second or less', max: 2000 },
        ],
        reveal:
          'The oldest stale read was {maxStaleAge} old, and {staleReads:read was:reads were} stale in those ' +
          '20 s. The L1 TTL is the bound on disagreement: keep it short, or keep data that must agree ' +
          'out of L1.',
      },
    },
    {
      title: 'Let Redis tell them',
      text:
        'Back to the L1 TTL of 300 s, now with Redis tracking (client-side caching): Redis remembers ' +
        'which keys each instance read, and when a write deletes a key it pushes an invalidation to ' +
        'every instance that read it, which drops its copy. This step restarts the run with tracking on.',
      atMs: 10_000,
      scenario: l1Tracking.input,
      show: { tab: 'charts' },
      prediction: {
        kind: 'choice',
        question: 'How many stale reads in the next 20 seconds?',
        figure: 'staleReads',
        untilMs: 30_000,
        options: [
          { label: 'Thousands, as without tracking', min: 2000 },
          { label: 'Hundreds', min: 100, max: 2000 },
          { label: 'Fewer than 100', max: 100 },
        ],
        reveal:
          '{staleReads:read was:reads were} stale in those 20 s, the oldest {maxStaleAge} behind. Most ' +
          'come from the race Redis documents: a read fetched a key while its invalidation passed, and ' +
          'kept the old value, which nothing will invalidate now. Turn on the tracking race fix (mark the ' +
          'key being fetched; an invalidation cancels the mark) and only reads that cross a write in ' +
          'flight stay stale.',
      },
    },
  ],
};
