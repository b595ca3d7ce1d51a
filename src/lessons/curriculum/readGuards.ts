import type { Lesson } from '../types.ts';

/**
 * Two guards of the database's reads that production caches use: memcache's leases (Nishtala et al.,
 * NSDI 2013) against the stale set, and negative caching against reads of keys that do not exist.
 */

export const leases: Lesson = {
  id: 'leases',
  title: 'Leases: only the reader that missed may fill',
  teaches: 'Why deleting on write is not enough, and how a lease token stops a late fill of an old value.',
  minutes: 8,
  scenario: 'stale-set',
  steps: [
    {
      title: 'Delete on write, and still stale',
      text:
        'Cache-aside: a write updates the database, then deletes the key in Redis. A read that misses ' +
        'reads the database and puts what it read into Redis. The network is jittery, so a read can ' +
        'read the old row, a write can commit and delete, and only then the read puts the old row back.',
      atMs: 10_000,
      show: { tab: 'charts' },
      prediction: {
        kind: 'choice',
        question: 'In the next 20 seconds, how many stale reads will be a second old or more?',
        figure: 'staleReadsOverASecond',
        untilMs: 30_000,
        options: [
          { label: 'None: a delete follows every write', max: 1 },
          { label: 'A few, 1 to 9', min: 1, max: 10 },
          { label: '10 or more', min: 10 },
        ],
        reveal:
          '{staleReadsOverASecond} stale reads were a second old or more, among {staleReads} in all. ' +
          'Each long one comes from a fill that landed after the delete: the old value then stays until ' +
          'the next write of its key.',
      },
    },
    {
      title: 'Hand out leases',
      text:
        'Now switch on Leases (memcache): a miss comes back with a lease token, only a fill carrying ' +
        "the key's current token is stored, and a delete voids the token. Other readers that miss " +
        'while the lease is out wait 10 ms and read Redis again.',
      atMs: 30_000,
      changes: [{ path: 'cache.leases.enabled', value: true }],
      show: { tab: 'charts' },
      prediction: {
        kind: 'choice',
        question: 'From 35 s to 55 s, how many stale reads will be a second old or more?',
        figure: 'staleReadsOverASecond',
        fromMs: 35_000,
        untilMs: 55_000,
        options: [
          { label: 'None', max: 1 },
          { label: 'A few, 1 to 9', min: 1, max: 10 },
          { label: '10 or more', min: 10 },
        ],
        reveal:
          '{staleReadsOverASecond} stale reads a second old or more, and {staleReads} in all: the ' +
          'late fills were refused, and what is left are reads that crossed a write in flight, which ' +
          'no cache avoids.',
      },
    },
  ],
};

export const cachePenetration: Lesson = {
  id: 'cache-penetration',
  title: 'Reads of keys that do not exist',
  teaches:
    'Why a cache cannot absorb lookups of absent keys, and how negative caching or a Bloom filter does.',
  minutes: 8,
  scenario: 'cache-penetration',
  steps: [
    {
      title: 'Nothing to cache',
      text:
        'Two reads in five ask for ids that have no row. Cache-aside has nothing to store for them, so ' +
        'each one reads the database. The pool has 10 connections and a read takes 10 ms.',
      atMs: 5000,
      show: { tab: 'charts' },
      prediction: {
        kind: 'choice',
        question: 'How many queries per second will the database answer from 5 s to 15 s?',
        figure: 'dbQueriesPerSecond',
        untilMs: 15_000,
        options: [
          { label: 'Under 500: the cache takes most of the load', max: 500 },
          { label: 'About its limit, 500 to 1100', min: 500, max: 1100 },
          { label: 'More than 1100', min: 1100 },
        ],
        reveal:
          'The database answered {dbQueriesPerSecond}: as many as its pool allows, and the p99 latency ' +
          'peaked at {p99Peak}. The reads of absent keys queue behind each other, and every other ' +
          'miss queues with them.',
      },
    },
    {
      title: 'A Bloom filter of the keys that exist',
      text:
        'Set Negative caching to "Bloom filter of existing keys": each app keeps 20 000 bits for its ' +
        '2000 keys and answers at once a read the filter rules out. About 0.8 % of absent ids still ' +
        'pass, by chance.',
      atMs: 15_000,
      changes: [{ path: 'cache.negative.mode', value: 'bloom' }],
      show: { tab: 'charts' },
      prediction: {
        kind: 'choice',
        question: 'From 20 s to 30 s, how many queries per second will the database answer?',
        figure: 'dbQueriesPerSecond',
        fromMs: 20_000,
        untilMs: 30_000,
        options: [
          { label: 'Under 100', max: 100 },
          { label: '100 to 500', min: 100, max: 500 },
          { label: '500 or more', min: 500 },
        ],
        reveal:
          'The database answered {dbQueriesPerSecond}, and the p99 latency peaked at {p99Peak}: the ' +
          'absent ids stop in the app, and the writes and the misses of real keys are what is left.',
      },
    },
  ],
};
