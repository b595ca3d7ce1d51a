import { definePreset } from './preset.ts';
import type { Preset } from './preset.ts';
import { stampedeBody } from './stampede.ts';

/**
 * Memcache's leases (Nishtala et al., NSDI 2013) beside plain cache-aside: the stale set a delete cannot
 * stop, and the herd at an expiry.
 */

/** Shared by `stale-set` and `stale-set-leases`, which differ only in `cache.leases.enabled`. */
const staleSetBody = {
  version: 1,
  seed: 42,
  durationMs: 60_000,
  workload: { rps: 1000, readRatio: 0.9, keys: 200, zipf: 0 },
  topology: { instances: 4, redisShards: 3 },
  network: { jitterMs: 20 },
  cache: { strategy: 'cache-aside', l1: { enabled: false }, l2: { ttlMs: 60_000 } },
  database: { connections: 20, readMs: 20, writeMs: 10, serviceTime: 'exponential' },
} as const satisfies Preset['input'];

export const staleSet = definePreset(
  'stale-set',
  'Stale set: cache-aside caches a value older than the database',
  'Cache-aside deletes the cached value on each write, and still serves stale reads. A read misses, ' +
    'reads the database, and puts what it read into Redis; if a write commits and deletes the key ' +
    'between that read and that SET, the SET puts back the value the write replaced, and it stays ' +
    'until the next write of the key, seconds later. The jittery network (20 ms) makes the window ' +
    'wide. Watch the Staleness age chart: most stale reads are a few milliseconds old (reads that ' +
    'crossed a write in flight, which no cache avoids), but a tail is seconds old. Then run the same ' +
    'system with memcache-style leases (Stale set, stopped by leases).',
  staleSetBody,
  ['staleReads', 'staleAgeChart'],
);

export const staleSetLeases = definePreset(
  'stale-set-leases',
  'Stale set, stopped by leases',
  'The Stale set preset with leases, as memcache uses them at Facebook: a read that misses gets a ' +
    "lease token with the miss, and only a SET carrying the key's current token is stored. A write's " +
    'delete voids the token, so the late SET of the old value is refused instead of cached. Compare ' +
    'the Staleness age chart with the run without leases: the tail of stale reads seconds old is ' +
    'gone, while those a few milliseconds old stay. Read the leases granted and the fills refused ' +
    'as stale (some refused fills held a value that was already new: a lease cannot tell). The price: ' +
    'reads told to wait, in the lease waits, and a higher p99 latency.',
  { ...staleSetBody, cache: { ...staleSetBody.cache, leases: { enabled: true } } },
  ['staleAgeChart', 'leaseRefusedFills', 'leasesGranted', 'leaseWaits', 'p99Latency'],
);

export const stampedeLeases = definePreset(
  'stampede-leases',
  'Cache stampede, calmed by leases',
  'The Cache stampede preset with leases: when the hot key expires, the first read that misses gets the ' +
    'lease and reads the database; every other read that misses while the lease is out is told to ' +
    'wait 10 ms and read the cache again, instead of going to the database. Compare the Database ' +
    "queries per second chart with the stampede's, and read the leases granted (about one per " +
    'expiry) and the lease waits: each wait is a read of Redis in place of a query of the database.',
  { ...stampedeBody, cache: { ...stampedeBody.cache, leases: { enabled: true } } },
  ['dbQpsChart', 'leaseWaits', 'leasesGranted'],
);
