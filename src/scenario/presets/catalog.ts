/**
 * Every preset's id and title, in the picker's order: what the first paint needs to list the presets.
 * The presets themselves (their scenarios and workshop texts, some 40 KB) are a chunk of their own that
 * `load.ts` fetches on first use; a test keeps this list in step with `index.ts`.
 */
export interface PresetEntry {
  readonly id: string;
  readonly title: string;
}

export const presetCatalog: readonly PresetEntry[] = [
  { id: 'baseline', title: 'Baseline: a two-level cache, and where it falls short' },
  { id: 'no-cache', title: 'No cache: every request hits the database' },
  { id: 'stampede', title: 'Cache stampede: a hot key expires' },
  { id: 'stampede-single-flight', title: 'Cache stampede, tamed by single-flight' },
  { id: 'stampede-lock', title: 'Cache stampede, tamed by a Redis lock' },
  { id: 'stampede-xfetch', title: 'Cache stampede, avoided by probabilistic early expiration' },
  { id: 'stampede-leases', title: 'Cache stampede, calmed by leases' },
  { id: 'background-refresh', title: 'Background refresh keeps hot keys warm' },
  { id: 'warming', title: 'Cache warming after a Redis restart' },
  { id: 'retry-storm', title: 'Retry storm: client retries keep a stampede going' },
  { id: 'hot-key', title: 'Hot key: one shard does half the work' },
  { id: 'hot-key-many-shards', title: 'Add shards, the hot key stays hot' },
  { id: 'l1-hot-key', title: 'A 1 s L1 on 20 instances absorbs a hot key read 100 000 times a second' },
  { id: 'l1-hot-key-expiry', title: 'A hot key expires in every L1 each second' },
  { id: 'l1-hot-key-swr', title: 'L1: a hot key refreshed in the background' },
  { id: 'hot-key-replicas', title: 'Hot key spread over 8 replicas' },
  { id: 'update-race', title: 'Update-on-write race: the cache keeps an old value' },
  { id: 'stale-set', title: 'Stale set: cache-aside caches a value older than the database' },
  { id: 'stale-set-leases', title: 'Stale set, stopped by leases' },
  { id: 'l1-inconsistency', title: 'Long L1 TTL: instances disagree' },
  { id: 'l1-inconsistency-tracking', title: 'Long L1 TTL, kept coherent by Redis tracking' },
  { id: 'l1-inconsistency-tracking-fix', title: 'Long L1 TTL, tracking with the race fix' },
  {
    id: 'tracking-bcast-flood',
    title: 'Redis tracking in BCAST mode: a write-heavy system floods every instance',
  },
  { id: 'ttl-too-short', title: 'TTL too short: misses for nothing' },
  { id: 'cache-penetration', title: 'Cache penetration: reads of keys that do not exist' },
  { id: 'cache-penetration-bloom', title: 'Cache penetration, stopped by a Bloom filter' },
  { id: 'families', title: 'Key families: a TTL per kind of data, and data that must not be stale' },
  { id: 'partial-caching', title: 'Partial caching: each part of a user with its own TTL' },
  { id: 'whole-object', title: 'Whole-object caching: one key per user, shortest TTL' },
  { id: 'cdn', title: 'CDN: public content served from the edge' },
  { id: 'cdn-leak', title: 'CDN leak: an account page cached in public' },
  { id: 'cdn-hot-key', title: 'CDN: a hot page expires at the edge' },
  { id: 'cdn-hot-key-swr', title: 'CDN: a hot page revalidated in the background' },
  { id: 'cdn-db-outage', title: 'CDN: the database goes down behind the edge' },
  { id: 'cdn-db-outage-stale-if-error', title: 'CDN: errors answered with stale copies' },
  { id: 'db-outage-behind-redis', title: 'The database goes down behind Redis' },
  { id: 'db-outage-redis-stale-if-error', title: 'Redis: errors answered with stale copies' },
  { id: 'query-cache', title: 'Database query cache: wiped by every write' },
  { id: 'db-latency-spike', title: 'Database latency spike' },
  { id: 'redis-restart-cold', title: 'Redis restart without persistence: the cold-start herd' },
  { id: 'redis-restart-aof', title: 'Redis restart with AOF: nothing lost' },
  { id: 'shard-crash', title: 'One Redis shard crashes' },
  { id: 'redis-down-fail', title: 'Redis down, and the app fails instead of falling back' },
  { id: 'deploy', title: 'Rolling deploy: each instance restarts with an empty L1' },
  { id: 'memory-pressure', title: 'Memory pressure: maxmemory with allkeys-lru' },
  { id: 'lfu-vs-lru', title: 'LFU against LRU: a scan floods the cache' },
  { id: 'write-behind-crash', title: 'Write-behind: a crash loses the writes not yet flushed' },
  { id: 'write-behind-unordered', title: 'Write-behind out of order: the database goes back in time' },
  { id: 'cdc', title: 'CDC invalidation: stale for as long as the pipeline lags' },
  { id: 'cdc-outage', title: 'CDC consumer outage: invalidations pile up' },
];

export const catalogIds: readonly string[] = presetCatalog.map((p) => p.id);

/** The title of the preset `id`, or undefined for an unknown id. */
export const presetTitle = (id: string): string | undefined => presetCatalog.find((p) => p.id === id)?.title;
