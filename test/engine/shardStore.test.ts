import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { createRng } from '../../src/engine/core/rng.ts';
import {
  activeExpireCycle,
  createShardStore,
  storeClear,
  storeDelete,
  storeEntries,
  storeGet,
  storePeek,
  storeSet,
  slotOf,
  storeSize,
  type ShardStore,
} from '../../src/engine/redis/shardStore.ts';

const rng = createRng(99);

/** The key index, the dense slots and the TTL list agree with each other. */
function checkInvariants(s: ShardStore): void {
  const seen = new Set<number>();
  let withTtl = 0;
  for (let i = 0; i < s.size; i++) {
    const key = s.keys[i]!;
    expect(seen.has(key)).toBe(false);
    seen.add(key);
    expect(slotOf(s, key)).toBe(i);
    expect(storePeek(s, key, -Infinity)).toEqual({ version: s.versions[i], expiresAt: s.expires[i] });
    const p = s.ttlPos[i]!;
    if (s.expires[i] === Infinity) expect(p).toBe(-1);
    else {
      withTtl++;
      expect(s.ttlSlots[p]).toBe(i);
    }
  }
  expect(s.ttlCount).toBe(withTtl);
  // Memory, recounted: the entries, one 32-byte `expires` entry per TTL, 8 bytes per bucket of each dict.
  let bytes = s.baseBytes + 32 * withTtl + 8 * (s.dictBuckets + s.expiresBuckets);
  for (let i = 0; i < s.size; i++) bytes += s.bytes[i]!;
  expect(s.memoryBytes).toBe(bytes);
  // Without maxmemory a dict never chains: a power of two of buckets at least as many as its entries.
  for (const [buckets, used] of [
    [s.dictBuckets, s.size],
    [s.expiresBuckets, s.ttlCount],
  ] as const) {
    if (buckets > 0) expect(Math.log2(buckets) % 1).toBe(0);
    if (s.maxMemoryBytes === null) expect(buckets).toBeGreaterThanOrEqual(used);
  }
}

describe('shard store: expiry', () => {
  it('lazy expiry at the boundary deletes on access and counts it', () => {
    const s = createShardStore(null, 'noeviction');
    storeSet(s, 1, 3, 1000, 0, rng);
    expect(storeGet(s, 1, 999, rng, null)).toBe(3);
    expect(storePeek(s, 1, 1000)).toBeNull(); // peek never deletes
    expect(storeSize(s)).toBe(1);
    expect(storeGet(s, 1, 1000, rng, null)).toBe(-1);
    expect(storeSize(s)).toBe(0);
    expect(s.expired).toBe(1);
    checkInvariants(s);
  });

  it('sliding TTL: each hit moves the expiry to now + resetTtlMs', () => {
    const s = createShardStore(null, 'noeviction');
    storeSet(s, 1, 1, 100, 0, rng);
    expect(storeGet(s, 1, 90, rng, 100)).toBe(1);
    expect(storePeek(s, 1, 150)).toEqual({ version: 1, expiresAt: 190 });
    expect(storeGet(s, 1, 180, rng, 100)).toBe(1);
    expect(storeGet(s, 1, 279, rng, null)).toBe(1); // no reset on this read
    expect(storeGet(s, 1, 280, rng, 100)).toBe(-1);
    // Without a reset the TTL counts from the write.
    storeSet(s, 2, 1, 100, 0, rng);
    expect(storeGet(s, 2, 90, rng, null)).toBe(1);
    expect(storeGet(s, 2, 100, rng, null)).toBe(-1);
    checkInvariants(s);
  });

  it('overwriting an expired key counts it as expired, then stores the new value', () => {
    const s = createShardStore(1, 'noeviction');
    storeSet(s, 1, 1, 10, 0, rng);
    expect(storeSet(s, 1, 2, Infinity, 20, rng)).toBe(true);
    expect(s.expired).toBe(1);
    expect(s.rejectedWrites).toBe(0);
    expect(storeGet(s, 1, 30, rng, null)).toBe(2);
    checkInvariants(s);
  });

  it('active expiry removes expired keys with a TTL and repeats while > 10 % of a pass expired', () => {
    const s = createShardStore(null, 'noeviction');
    for (let k = 0; k < 1000; k++) storeSet(s, k, 1, k < 900 ? 50 : k < 950 ? 500 : Infinity, 0, rng);
    const removed = activeExpireCycle(s, 100);
    // It keeps going while the sample is mostly expired, so nearly all 900 go in one call...
    expect(removed).toBeGreaterThan(800);
    expect(s.expired).toBe(removed);
    // ...and it never touches live keys or keys without a TTL.
    for (let k = 900; k < 1000; k++) expect(storePeek(s, k, 100)).not.toBeNull();
    expect(storeSize(s)).toBe(1000 - removed);
    checkInvariants(s);
    // Once few sampled keys are expired, one call stops early and lazy expiry handles the rest.
    const s2 = createShardStore(null, 'noeviction');
    for (let k = 0; k < 1000; k++) storeSet(s2, k, 1, k < 10 ? 50 : 500, 0, rng);
    expect(activeExpireCycle(s2, 100)).toBeLessThan(10);
  });

  it('active expiry on a store without TTLs does nothing', () => {
    const s = createShardStore(null, 'allkeys-lru');
    for (let k = 0; k < 10; k++) storeSet(s, k, 1, Infinity, 0, rng);
    expect(activeExpireCycle(s, 1e9)).toBe(0);
    expect(storeSize(s)).toBe(10);
  });
});

describe('shard store: eviction policies', () => {
  it('noeviction refuses new keys when full but accepts overwrites', () => {
    const s = createShardStore(2, 'noeviction');
    expect(storeSet(s, 1, 1, Infinity, 0, rng)).toBe(true);
    expect(storeSet(s, 2, 1, Infinity, 0, rng)).toBe(true);
    expect(storeSet(s, 3, 1, Infinity, 0, rng)).toBe(false);
    expect(s.rejectedWrites).toBe(1);
    expect(storeSet(s, 2, 5, Infinity, 0, rng)).toBe(true);
    expect(storeGet(s, 2, 0, rng, null)).toBe(5);
    expect(storeGet(s, 3, 0, rng, null)).toBe(-1);
    expect(s.evictions).toBe(0);
  });

  it('allkeys-random evicts uniformly at random', () => {
    const r = createRng(5);
    const evictedCount = new Array<number>(10).fill(0);
    for (let trial = 0; trial < 5000; trial++) {
      const s = createShardStore(10, 'allkeys-random');
      for (let k = 0; k < 10; k++) storeSet(s, k, 1, Infinity, k, r);
      storeSet(s, 10, 1, Infinity, 10, r);
      expect(storeSize(s)).toBe(10);
      for (let k = 0; k < 10; k++) if (storePeek(s, k, 10) === null) evictedCount[k]!++;
    }
    for (const c of evictedCount) expect(Math.abs(c - 500)).toBeLessThan(90);
  });

  it('allkeys-lru with a full sample evicts the idlest key; evictions are counted', () => {
    const s = createShardStore(4, 'allkeys-lru');
    s.samples = 64; // with many samples the pool always sees every key
    // Seconds apart: Redis's LRU clock counts whole seconds.
    for (let k = 0; k < 4; k++) storeSet(s, k, 1, Infinity, k * 1000, rng);
    storeGet(s, 0, 10_000, rng, null); // key 1 is now the idlest
    storeSet(s, 4, 1, Infinity, 11_000, rng);
    expect(storePeek(s, 1, 11_000)).toBeNull();
    storeSet(s, 5, 1, Infinity, 12_000, rng); // then key 2
    expect(storePeek(s, 2, 12_000)).toBeNull();
    expect(s.evictions).toBe(2);
    expect(storeSize(s)).toBe(4);
    checkInvariants(s);
  });

  it('allkeys-lru with 5 samples prefers idle keys: recently used keys almost always survive', () => {
    const r = createRng(8);
    const s = createShardStore(100, 'allkeys-lru');
    // One operation per second, so the LRU clock tells every access apart.
    let now = 0;
    for (let k = 0; k < 100; k++) storeSet(s, k, 1, Infinity, (now += 1000), r);
    let hotEvicted = 0;
    for (let i = 0; i < 2000; i++) {
      for (let h = 0; h < 10; h++) {
        if (storeGet(s, h, (now += 1000), r, null) !== -1) continue;
        hotEvicted++;
        storeSet(s, h, 1, Infinity, now, r);
      }
      storeSet(s, 1000 + i, 1, Infinity, (now += 1000), r);
    }
    expect(hotEvicted).toBe(0);
    expect(s.evictions).toBe(2000);
    expect(s.poolSize).toBeLessThanOrEqual(16);
    checkInvariants(s);
  });
});

describe('shard store: bookkeeping', () => {
  it('delete, clear, entries in insertion order', () => {
    const s = createShardStore(null, 'allkeys-lru');
    for (let k = 10; k > 0; k--) storeSet(s, k, k, k === 5 ? 1 : Infinity, 0, rng);
    expect(storeDelete(s, 7)).toBe(true);
    expect(storeDelete(s, 7)).toBe(false);
    storeSet(s, 10, 99, Infinity, 3, rng); // an overwrite keeps its place
    const keys = storeEntries(s, 2, 100).map((e) => e.key);
    expect(keys).toEqual([10, 9, 8, 6, 4, 3, 2, 1]); // 5 expired, 7 deleted
    expect(storeEntries(s, 2, 2)).toEqual([
      { key: 10, version: 99, expiresAt: Infinity, lastAccess: 3 },
      { key: 9, version: 9, expiresAt: Infinity, lastAccess: 0 },
    ]);
    checkInvariants(s);
    storeClear(s);
    expect(storeSize(s)).toBe(0);
    expect(storeGet(s, 10, 0, rng, null)).toBe(-1);
    storeSet(s, 1, 1, 5, 0, rng);
    checkInvariants(s);
  });

  it('keys must be integers >= 0; lookups of other keys simply miss', () => {
    const s = createShardStore(null, 'noeviction');
    expect(() => storeSet(s, -1, 1, Infinity, 0, rng)).toThrow(RangeError);
    expect(() => storeSet(s, 1.5, 1, Infinity, 0, rng)).toThrow(RangeError);
    expect(storeGet(s, -1, 0, rng, null)).toBe(-1);
    expect(storePeek(s, -3, 0)).toBeNull();
    expect(storeDelete(s, 1e9)).toBe(false);
    expect(storeSet(s, 100_000, 1, Infinity, 0, rng)).toBe(true); // the index grows to fit
    expect(storeGet(s, 100_000, 0, rng, null)).toBe(1);
  });

  it('grows past its initial storage when unbounded', () => {
    const s = createShardStore(null, 'noeviction');
    for (let k = 0; k < 5000; k++) storeSet(s, k, k, k % 3 === 0 ? 1e6 : Infinity, 0, rng);
    expect(storeSize(s)).toBe(5000);
    expect(storeGet(s, 4999, 1, rng, null)).toBe(4999);
    checkInvariants(s);
  });

  it('a structured clone is an equal, independent copy that evolves identically', () => {
    const s = createShardStore(50, 'allkeys-lru');
    const r = createRng(21);
    for (let k = 0; k < 80; k++) storeSet(s, k, k, k % 2 ? 500 : Infinity, k, r);
    const copy = structuredClone(s);
    const r2 = structuredClone(r);
    expect(storeEntries(copy, 100, 1000)).toEqual(storeEntries(s, 100, 1000));
    expect(copy.poolKeys).toEqual(s.poolKeys);
    for (let k = 80; k < 200; k++) {
      storeSet(s, k, k, Infinity, k, r);
      storeSet(copy, k, k, Infinity, k, r2);
    }
    expect(storeEntries(copy, 300, 1000)).toEqual(storeEntries(s, 300, 1000));
    expect(copy.evictions).toBe(s.evictions);
    storeClear(copy);
    expect(storeSize(s)).toBe(50);
    checkInvariants(s);
  });
});

describe('shard store: an index shared by a cluster', () => {
  it('stores sharing one index behave as stores with their own (property)', () => {
    // Key k lives on shard k % 3, as a cluster routes each key to one shard. Small stores, so eviction,
    // expiry, deletes, clears (a restart) and active expiry all move keys between slots.
    const op = fc.record({
      kind: fc.constantFrom('get', 'set', 'set', 'del', 'clear', 'expire'),
      key: fc.nat(59),
      ttl: fc.constantFrom(Infinity, 5, 50),
    });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 300 }), (ops) => {
        const shared = new Int32Array(60);
        const withShared = [0, 1, 2].map(() => createShardStore(8, 'allkeys-lru', {}, shared));
        const alone = [0, 1, 2].map(() => createShardStore(8, 'allkeys-lru'));
        const [r1, r2] = [createRng(5), createRng(5)];
        ops.forEach(({ kind, key, ttl }, now) => {
          const shard = key % 3;
          const [a, b] = [withShared[shard]!, alone[shard]!];
          if (kind === 'get') expect(storeGet(a, key, now, r1, null)).toBe(storeGet(b, key, now, r2, null));
          else if (kind === 'set') {
            expect(storeSet(a, key, now, now + ttl, now, r1)).toBe(storeSet(b, key, now, now + ttl, now, r2));
          } else if (kind === 'del') expect(storeDelete(a, key)).toBe(storeDelete(b, key));
          else if (kind === 'clear') [a, b].forEach(storeClear);
          else expect(activeExpireCycle(a, now)).toBe(activeExpireCycle(b, now));
        });
        withShared.forEach((a, i) => {
          checkInvariants(a);
          expect(storeEntries(a, 0, 100)).toEqual(storeEntries(alone[i]!, 0, 100));
          // A key of another shard is absent here, even though the shared index has an entry for it.
          for (let key = 0; key < 60; key++) if (key % 3 !== i) expect(slotOf(a, key)).toBe(-1);
        });
        expect(withShared.every((a) => a.index === shared)).toBe(true); // never grew apart
      }),
      { seed: 11, numRuns: 200 },
    );
  });
});
