/** Redis memory accounting and the eviction policies beyond allkeys-lru/random/noeviction. */
import { describe, expect, it } from 'vitest';
import { createModel, keyName } from '../../src/engine/sim/model.ts';
import { entryBytesOf } from '../../src/engine/sim/redisOps.ts';
import { scenarioSchema } from '../../src/scenario/schema.ts';
import { createRng } from '../../src/engine/core/rng.ts';
import { sampleAlias, buildAliasTable, zipfProbabilities } from '../../src/engine/core/zipf.ts';
import { lfuDecayed, lfuLogIncr, LFU_INIT_VAL } from '../../src/engine/redis/lfu.ts';
import { ENTRY_OVERHEAD_BYTES, entryBytes, utf8Length } from '../../src/engine/redis/memory.ts';
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

describe('entry size', () => {
  it('is key name bytes + value bytes + the per-entry overhead', () => {
    expect(ENTRY_OVERHEAD_BYTES).toBe(50);
    expect(entryBytes('key:42', 1024)).toBe(6 + 1024 + 50);
    expect(utf8Length('clé:ü')).toBe(7);
    expect(utf8Length('🔥')).toBe(4);
    expect(utf8Length('{user1000}.following')).toBe(20);
  });

  it("the engine's per-key size equals the size of the key's name and value, for every key", () => {
    const scenario = scenarioSchema.parse({ version: 1, workload: { keys: 123_456, valueBytes: 300 } });
    const model = createModel(scenario, 1000, 1, 1000);
    const digitEdges = [9, 10, 99, 100, 999, 1000, 9999, 10_000, 99_999, 100_000];
    for (let key = 0; key < scenario.workload.keys; key += 7) {
      expect(entryBytesOf(model, key)).toBe(entryBytes(keyName(key, model), 300));
    }
    for (const key of digitEdges) expect(entryBytesOf(model, key)).toBe(entryBytes(keyName(key, model), 300));
  });
});

describe('memory accounting', () => {
  it('follows sets, overwrites, deletes, lazy and active expiry, and clear', () => {
    const s = createShardStore(null, 'allkeys-lru');
    storeSet(s, 1, 1, Infinity, 0, rng, 100);
    storeSet(s, 2, 1, 50, 0, rng, 200);
    expect(s.memoryBytes).toBe(300);
    storeSet(s, 1, 2, Infinity, 1, rng, 150); // an overwrite with a bigger value
    expect(s.memoryBytes).toBe(350);
    expect(storeGet(s, 2, 60, rng, null)).toBe(-1); // lazily expired
    expect(s.memoryBytes).toBe(150);
    storeDelete(s, 1);
    expect(s.memoryBytes).toBe(0);
    storeSet(s, 3, 1, Infinity, 0, rng, 10);
    storeClear(s);
    expect(s.memoryBytes).toBe(0);
  });

  it('maxMemoryBytes evicts until the new entry fits, and memory never exceeds the limit', () => {
    const s = createShardStore(null, 'allkeys-lru', { maxMemoryBytes: 10_000 });
    const r = createRng(4);
    for (let k = 0; k < 500; k++) {
      expect(storeSet(s, k, 1, Infinity, k, r, 500 + (k % 7) * 100)).toBe(true);
      expect(s.memoryBytes).toBeLessThanOrEqual(10_000);
      expect(s.memoryBytes).toBe(bytesSum(s));
    }
    expect(s.evictions).toBeGreaterThan(450);
    expect(s.memoryBytes).toBeGreaterThan(10_000 - 1100); // full up to less than one entry
    expect(s.rejectedWrites).toBe(0);
  });

  it('noeviction refuses a new entry that does not fit, but accepts one that does', () => {
    const s = createShardStore(null, 'noeviction', { maxMemoryBytes: 1000 });
    expect(storeSet(s, 1, 1, Infinity, 0, rng, 600)).toBe(true);
    expect(storeSet(s, 2, 1, Infinity, 0, rng, 600)).toBe(false);
    expect(s.rejectedWrites).toBe(1);
    expect(storeSet(s, 3, 1, Infinity, 0, rng, 400)).toBe(true);
    expect(storeSet(s, 1, 2, Infinity, 0, rng, 700)).toBe(false); // growing an entry needs room too
    expect(storeGet(s, 1, 0, rng, null)).toBe(1);
    expect(s.rejectedWrites).toBe(2);
    expect(s.evictions).toBe(0);
  });

  it('an entry bigger than the whole limit is refused after evicting what it could', () => {
    const s = createShardStore(null, 'allkeys-random', { maxMemoryBytes: 1000 });
    storeSet(s, 1, 1, Infinity, 0, rng, 300);
    expect(storeSet(s, 2, 1, Infinity, 0, rng, 5000)).toBe(false);
    expect(s.rejectedWrites).toBe(1);
    expect(s.size).toBe(0);
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
    const s = fill('volatile-lru', 6, (k) => (k < 2 ? Infinity : 1e9));
    storeGet(s, 2, 50, rng, null);
    storeSet(s, 99, 1, 1e9, 60, rng);
    expect(storePeek(s, 3, 60)).toBeNull(); // key 3 is the idlest volatile key; 0 and 1 are idler but persistent
    expect(storePeek(s, 0, 60)).not.toBeNull();
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
    for (let i = 0; i < 10; i++) storeGet(s, 1, i, rng, null);
    expect(s.lfu[0]).toBeGreaterThan(LFU_INIT_VAL + 1);
    expect(s.lfu[0]).toBeLessThan(LFU_INIT_VAL + 6);
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
