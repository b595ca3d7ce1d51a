/** Redis memory accounting and the eviction policies beyond allkeys-lru/random/noeviction. */
import { PLAN } from '../../src/engine/registry.ts';
import { describe, expect, it } from 'vitest';
import { createModel, keyName } from '../../src/engine/flow/model.ts';
import { entryBytesOf } from '../../src/engine/flow/redisCore.ts';
import { scenarioSchema } from '../../src/scenario/schema.ts';
import { createRng } from '../../src/engine/core/rng.ts';
import { sampleAlias, buildAliasTable, zipfProbabilities } from '../../src/engine/core/zipf.ts';
import { lfuDecayed, lfuLogIncr, LFU_INIT_VAL } from '../../src/engine/redis/lfu.ts';
import {
  entryBytes,
  jemallocSize,
  memoryUsage,
  sdsBytes,
  utf8Length,
  valueBytes,
} from '../../src/engine/redis/memory.ts';
import {
  createShardStore,
  storeDelete,
  storeGet,
  storePeek,
  storeSet,
  storeClear,
  type EvictionPolicy,
  type ShardStore,
} from '../../src/engine/redis/shardStore.ts';

const rng = createRng(123);

function bytesSum(s: ShardStore): number {
  let b = 0;
  for (let i = 0; i < s.size; i++) b += s.bytes[i]!;
  return b;
}

/**
 * jemalloc's size classes from its definition (x86-64, 16-byte quantum, LG_NGROUP 2): 8, then 16 to 64 in
 * steps of 16, then four classes per doubling, each group's step a quarter of its base.
 */
function sizeClasses(upTo: number): number[] {
  const out = [8, 16, 32, 48, 64];
  for (let base = 64; out.at(-1)! < upTo; base *= 2)
    for (let i = 1; i <= 4; i++) out.push(base + (i * base) / 4);
  return out;
}

describe('per-entry memory as Redis 7 allocates it', () => {
  it('rounds every allocation up to a jemalloc size class', () => {
    const classes = sizeClasses(1 << 20);
    expect(classes.slice(0, 14)).toEqual([8, 16, 32, 48, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320]);
    let c = 0;
    for (let n = 1; n <= 1 << 20; n++) {
      while (classes[c]! < n) c++;
      if (jemallocSize(n) !== classes[c]) expect(`${n} -> ${jemallocSize(n)}`).toBe(`${n} -> ${classes[c]}`);
    }
  });

  it('an sds string has the smallest header that holds its length, then a NUL', () => {
    for (const [len, header] of [
      [0, 1],
      [31, 1],
      [32, 3],
      [255, 3],
      [256, 5],
      [65_535, 5],
      [65_536, 9],
    ] as const) {
      expect(sdsBytes(len)).toBe(header + len + 1);
    }
  });

  it('a key costs its dict entry, its name and its value; MEMORY USAGE counts the entry unrounded', () => {
    const entry = jemallocSize(24 + 16); // dictEntry with the cluster's slot links
    for (const [name, len] of [
      ['key:1', 1024],
      ['key:42', 1024],
      ['key:12345678', 44],
      ['key:123', 45],
      ['user:{1000}:profile:settings:long-name', 300],
      ['clé:ü', 70_000],
    ] as const) {
      const nameBytes = utf8Length(name);
      // Names under 32 bytes take a 1-byte sds header, longer ones 3; values up to 44 bytes are embedded
      // with their 16-byte object header, longer ones have a header and an sds string of their own.
      const nameAlloc = jemallocSize((nameBytes < 32 ? 1 : 3) + nameBytes + 1);
      const sdsHeader = len < 256 ? 3 : len < 65_536 ? 5 : 9;
      const value = len <= 44 ? jemallocSize(16 + 3 + len + 1) : 16 + jemallocSize(sdsHeader + len + 1);
      expect(entryBytes(name, len)).toBe(entry + nameAlloc + value);
      expect(memoryUsage(name, len)).toBe(40 + nameAlloc + value);
    }
    // The case from issue 11: a 1024-byte value takes jemalloc's 1280-byte class.
    expect(valueBytes(1024)).toBe(16 + 1280);
    expect(utf8Length('clé:ü')).toBe(7);
    expect(utf8Length('🔥')).toBe(4);
  });

  it("the engine's per-key size is the entry of the key's name and value, for every key", () => {
    const scenario = scenarioSchema.parse({ version: 1, workload: { keys: 123_456, valueBytes: 300 } });
    const model = createModel(scenario, 1000, 1, 1000, PLAN);
    const digitEdges = [9, 10, 99, 100, 999, 1000, 9999, 10_000, 99_999, 100_000];
    for (let key = 0; key < scenario.workload.keys; key += 7) {
      expect(entryBytesOf(model, key)).toBe(entryBytes(keyName(key, model), 300));
    }
    for (const key of digitEdges) expect(entryBytesOf(model, key)).toBe(entryBytes(keyName(key, model), 300));
  });
});

describe('dict bucket arrays', () => {
  it('grow to the next power of two when entries reach the bucket count, as dictAdd does', () => {
    const s = createShardStore(null, 'allkeys-lru');
    expect(s.dictBuckets).toBe(0);
    for (let n = 1; n <= 300; n++) {
      storeSet(s, n, 1, Infinity, 0, rng, 100);
      // After n insertions: the smallest power of two >= n, at least 4.
      expect(s.dictBuckets).toBe(Math.max(4, 2 ** Math.ceil(Math.log2(n))));
    }
  });

  it('shrink once under 10 % full, and the expires dict follows the keys with a TTL', () => {
    const s = createShardStore(null, 'allkeys-lru');
    for (let k = 0; k < 100; k++) storeSet(s, k, 1, k < 40 ? 5000 : Infinity, 0, rng, 100);
    expect([s.dictBuckets, s.expiresBuckets]).toEqual([128, 64]);
    for (let k = 0; k < 88; k++) storeDelete(s, k);
    // 12 keys in 128 buckets is 9 %: shrink to 16.
    expect(s.dictBuckets).toBe(16);
    expect(s.expiresBuckets).toBe(4); // 0 TTLs left among the 12
  });

  it('do not grow when the new array would break maxmemory, unless the load passes 1.618', () => {
    const base = 8 * 8 + 8 * 100; // buckets for 8 keys, and 8 entries of 100 bytes
    const s = createShardStore(null, 'allkeys-lru', { maxMemoryBytes: base + 100 });
    for (let k = 0; k < 8; k++) storeSet(s, k, 1, Infinity, 0, rng, 100);
    expect([s.dictBuckets, s.memoryBytes]).toEqual([8, base]);
    // The ninth key would need a 16-bucket array (128 bytes) while the room left is 100 bytes.
    storeSet(s, 8, 1, Infinity, 0, rng, 0);
    expect(s.dictBuckets).toBe(8);
    const loose = createShardStore(null, 'allkeys-lru', { maxMemoryBytes: 1000 });
    for (let k = 0; k < 14; k++) storeSet(loose, k, 1, Infinity, 0, rng, 0);
    // 13 keys in 8 buckets is a load of 1.625: the 14th insertion grows the array whatever the memory.
    expect(loose.dictBuckets).toBe(16);
  });
});

describe('memory accounting', () => {
  /** used_memory recounted from the parts. */
  const recount = (s: ShardStore): number =>
    s.baseBytes + bytesSum(s) + 32 * s.ttlCount + 8 * (s.dictBuckets + s.expiresBuckets);

  it('follows sets, overwrites, TTLs, deletes, lazy expiry and clear', () => {
    const s = createShardStore(null, 'allkeys-lru', { baseBytes: 5000 });
    expect(s.memoryBytes).toBe(5000);
    storeSet(s, 1, 1, Infinity, 0, rng, 100);
    storeSet(s, 2, 1, 50, 0, rng, 200);
    expect(s.memoryBytes).toBe(5000 + 300 + 32 + 8 * 4 + 8 * 4);
    storeSet(s, 1, 2, Infinity, 1, rng, 150); // an overwrite with a bigger value
    expect(s.memoryBytes).toBe(recount(s));
    expect(storeGet(s, 2, 60, rng, null)).toBe(-1); // lazily expired
    expect(s.memoryBytes).toBe(5000 + 150 + 8 * 4 + 8 * 4);
    storeDelete(s, 1);
    expect(s.memoryBytes).toBe(recount(s));
    storeSet(s, 3, 1, Infinity, 0, rng, 10);
    storeClear(s);
    expect(s.memoryBytes).toBe(5000);
  });

  it('maxmemory: a SET may pass the limit by under one entry, and the next command evicts back under', () => {
    const s = createShardStore(null, 'allkeys-lru', { maxMemoryBytes: 20_000 });
    const r = createRng(4);
    let over = 0;
    for (let k = 0; k < 500; k++) {
      const bytes = 500 + (k % 7) * 100;
      expect(storeSet(s, k, 1, Infinity, k * 1000, r, bytes)).toBe(true);
      expect(s.memoryBytes).toBe(recount(s));
      // Before this SET memory was at or under the limit; only this entry can be over it.
      expect(s.memoryBytes - bytes).toBeLessThanOrEqual(20_000);
      if (s.memoryBytes > 20_000) over++;
      storeGet(s, 0, k * 1000, r, null);
      expect(s.memoryBytes).toBeLessThanOrEqual(20_000);
    }
    expect(over).toBeGreaterThan(400);
    expect(s.evictions).toBeGreaterThan(450);
    expect(s.rejectedWrites).toBe(0);
  });

  it('noeviction refuses a SET only once memory is over the limit', () => {
    const s = createShardStore(null, 'noeviction', { maxMemoryBytes: 1000 });
    expect(storeSet(s, 1, 1, Infinity, 0, rng, 600)).toBe(true);
    expect(storeSet(s, 2, 1, Infinity, 0, rng, 600)).toBe(true); // under the limit before it: accepted
    expect(s.memoryBytes).toBeGreaterThan(1000);
    expect(storeSet(s, 3, 1, Infinity, 0, rng, 10)).toBe(false);
    expect(storeSet(s, 1, 2, Infinity, 0, rng, 10)).toBe(false); // even an overwrite that would shrink
    expect(storeGet(s, 1, 0, rng, null)).toBe(1); // reads still work
    storeDelete(s, 2);
    expect(storeSet(s, 3, 1, Infinity, 0, rng, 10)).toBe(true);
    expect(s.rejectedWrites).toBe(2);
    expect(s.evictions).toBe(0);
  });

  it('an entry bigger than the whole limit is stored, then evicted with the rest by the next command', () => {
    const s = createShardStore(null, 'allkeys-random', { maxMemoryBytes: 1000 });
    storeSet(s, 1, 1, Infinity, 0, rng, 300);
    expect(storeSet(s, 2, 1, Infinity, 0, rng, 5000)).toBe(true);
    expect(storeGet(s, 2, 0, rng, null)).toBe(-1);
    expect(s.size).toBe(0);
    expect(s.memoryBytes).toBeLessThanOrEqual(1000);
  });
});

/** A full store of `n` keys; `ttl(k)` gives key k's expiry. */
function fill(policy: EvictionPolicy, n: number, ttl: (k: number) => number): ShardStore {
  const s = createShardStore(n, policy);
  s.samples = 64; // sees every key: the policy's choice is then exact
  for (let k = 0; k < n; k++) storeSet(s, k, 1, ttl(k), k, rng);
  return s;
}

describe('volatile policies', () => {
  it('volatile-lru never evicts a key without a TTL', () => {
    const r = createRng(9);
    const s = createShardStore(100, 'volatile-lru');
    for (let k = 0; k < 100; k++) storeSet(s, k, 1, k % 2 === 0 ? Infinity : 1e9, k, r);
    for (let i = 0; i < 1000; i++) storeSet(s, 1000 + i, 1, 1e9, 100 + i, r);
    for (let k = 0; k < 100; k += 2) expect(storePeek(s, k, 0)).not.toBeNull();
    expect(s.evictions).toBe(1000);
  });

  it('volatile-lru picks the idlest key among those with a TTL', () => {
    const s = createShardStore(6, 'volatile-lru');
    s.samples = 64;
    // A second apart: Redis's LRU clock counts whole seconds.
    for (let k = 0; k < 6; k++) storeSet(s, k, 1, k < 2 ? Infinity : 1e9, k * 1000, rng);
    storeGet(s, 2, 50_000, rng, null);
    storeSet(s, 99, 1, 1e9, 60_000, rng);
    expect(storePeek(s, 3, 60_000)).toBeNull(); // key 3 is the idlest volatile key; 0 and 1 are idler but persistent
    expect(storePeek(s, 0, 60_000)).not.toBeNull();
  });

  it('volatile policies refuse the write when no key has a TTL', () => {
    for (const policy of ['volatile-lru', 'volatile-ttl'] as const) {
      const s = fill(policy, 4, () => Infinity);
      expect(storeSet(s, 10, 1, 1e9, 10, rng)).toBe(false);
      expect(s.rejectedWrites).toBe(1);
      expect(s.evictions).toBe(0);
    }
  });

  it('volatile-ttl evicts the key that expires soonest', () => {
    const expiries = [5000, 900, Infinity, 3000, 200, 7000];
    const s = fill('volatile-ttl', 6, (k) => expiries[k]!);
    storeSet(s, 10, 1, 9000, 10, rng);
    expect(storePeek(s, 4, 10)).toBeNull(); // expires at 200
    storeSet(s, 11, 1, 9000, 11, rng);
    expect(storePeek(s, 1, 11)).toBeNull(); // then 900
    storeSet(s, 12, 1, 9000, 12, rng);
    expect(storePeek(s, 3, 12)).toBeNull(); // then 3000
    expect(storePeek(s, 2, 12)).not.toBeNull(); // never the key without a TTL
  });

  it('volatile-ttl with 5 samples mostly evicts keys expiring early', () => {
    const r = createRng(17);
    const s = createShardStore(1000, 'volatile-ttl');
    for (let k = 0; k < 1000; k++) storeSet(s, k, 1, 1000 + k * 100, 0, r); // key k expires at 1000 + 100k
    for (let i = 0; i < 200; i++) storeSet(s, 5000 + i, 1, 1e9, 1, r);
    let early = 0;
    for (let k = 0; k < 1000; k++) if (storePeek(s, k, 1) === null && k < 400) early++;
    // 200 evictions; with a 16-entry pool over 5-key samples nearly all come from the first 40 %.
    expect(early).toBeGreaterThan(180);
  });
});

describe('allkeys-lfu', () => {
  it('new keys start at LFU_INIT_VAL and reads raise the counter logarithmically', () => {
    const s = createShardStore(null, 'allkeys-lfu', { lfuDecayTimeMin: 0 });
    storeSet(s, 1, 1, Infinity, 0, rng);
    expect(s.lfu[0]).toBe(LFU_INIT_VAL);
    // About 10 after 100 reads (fidelity.md 7); the first read always counts, later ones ever more rarely.
    for (let i = 0; i < 100; i++) storeGet(s, 1, i, rng, null);
    expect(s.lfu[0]).toBeGreaterThan(LFU_INIT_VAL + 2);
    expect(s.lfu[0]).toBeLessThan(LFU_INIT_VAL + 10);
  });

  it('the counter decays one point per decay period of idleness, counted in whole minutes', () => {
    expect(lfuDecayed(20, 0, 59_999, 1)).toBe(20);
    expect(lfuDecayed(20, 0, 60_000, 1)).toBe(19);
    expect(lfuDecayed(20, 59_000, 60_000, 1)).toBe(19); // crossed a minute boundary
    expect(lfuDecayed(20, 0, 600_000, 2)).toBe(15);
    expect(lfuDecayed(3, 0, 3_600_000, 1)).toBe(0);
    expect(lfuDecayed(20, 0, 3_600_000, 0)).toBe(20); // decay off
    expect(lfuLogIncr(255, 10, rng)).toBe(255);
    expect(lfuLogIncr(2, 10, rng)).toBe(3); // below the initial value: always increments
  });

  it('evicts the least frequently used key, not the least recently used', () => {
    const s = fill('allkeys-lfu', 4, () => Infinity);
    s.lfu.set([30, 6, 40, 50]);
    storeGet(s, 1, 100, rng, null); // key 1 is now the most recent, yet the least frequent
    storeSet(s, 9, 1, Infinity, 101, rng);
    expect(storePeek(s, 1, 101)).toBeNull();
    expect(s.evictions).toBe(1);
  });

  it('beats allkeys-lru on a Zipf workload with a scan burst', () => {
    // 20 000 keys, Zipf 0.9, a cache of 1000; every 5000 reads a scan touches 2000 one-time keys.
    const table = buildAliasTable(zipfProbabilities(20_000, 0.9));
    const hitRatio = (policy: EvictionPolicy): number => {
      const r = createRng(31);
      const s = createShardStore(1000, policy);
      let hits = 0;
      let reads = 0;
      let scanKey = 100_000;
      for (let t = 0; t < 200_000; t++) {
        if (t % 5000 === 4999) for (let i = 0; i < 2000; i++) storeSet(s, scanKey++, 1, Infinity, t, r);
        const key = sampleAlias(table, r);
        reads++;
        if (storeGet(s, key, t, r, null) >= 0) hits++;
        else storeSet(s, key, 1, Infinity, t, r);
      }
      return hits / reads;
    };
    const lru = hitRatio('allkeys-lru');
    const lfu = hitRatio('allkeys-lfu');
    expect(lfu).toBeGreaterThan(lru + 0.05);
  });
});
