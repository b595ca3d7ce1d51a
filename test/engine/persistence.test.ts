/** RDB snapshots: what a restarted shard gets back, and what it lost. */
import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/engine/core/rng.ts';
import { rdbLoad, rdbLost, rdbSave } from '../../src/engine/redis/persistence.ts';
import { createShardStore, storePeek, storeSet, storeSize } from '../../src/engine/redis/shardStore.ts';

const rng = createRng(1);

describe('RDB snapshots', () => {
  it('a restart loads the snapshot: later changes are lost, expired keys dropped, counters kept', () => {
    const s = createShardStore(null, 'allkeys-lfu');
    for (let k = 0; k < 10; k++) storeSet(s, k, 1, k === 3 ? 5000 : Infinity, 0, rng, 100 + k);
    s.lfu[0] = 77;
    const image = rdbSave(null, s, 1000);
    storeSet(s, 0, 2, Infinity, 2000, rng, 100); // an update after the snapshot
    storeSet(s, 20, 1, Infinity, 2000, rng, 100); // a new key after the snapshot
    s.evictions = 4;
    // 10 live keys + 1 new; key 0 rolled back and key 20 gone: 2 lost.
    expect(rdbLost(s, image, 3000)).toBe(2);
    rdbLoad(s, image, 6000, rng); // key 3 expired at 5000, while the shard was down
    expect(storeSize(s)).toBe(9);
    expect(storePeek(s, 0, 6000)?.version).toBe(1);
    expect(storePeek(s, 20, 6000)).toBeNull();
    expect(storePeek(s, 3, 6000)).toBeNull();
    expect(s.lfu[0]).toBe(77);
    // The nine entries, and a keyspace dict of 16 buckets (8 bytes each) for 9 keys; no TTLs left.
    expect(s.memoryBytes).toBe(100 + 101 + 102 + 104 + 105 + 106 + 107 + 108 + 109 + 8 * 16);
    expect(s.evictions).toBe(4);
  });

  it('a later save reuses the image and replaces its contents', () => {
    const s = createShardStore(null, 'allkeys-lru');
    storeSet(s, 1, 1, Infinity, 0, rng);
    const first = rdbSave(null, s, 0);
    storeSet(s, 2, 1, Infinity, 0, rng);
    const second = rdbSave(first, s, 10);
    expect(second).toBe(first);
    expect(second.size).toBe(2);
    expect(second.atMs).toBe(10);
    for (let k = 3; k < 200; k++) storeSet(s, k, 1, Infinity, 0, rng);
    expect(rdbSave(second, s, 20).size).toBe(199); // grows when the store outgrew it
  });

  it('without a snapshot a restart loses every live key', () => {
    const s = createShardStore(null, 'allkeys-lru');
    for (let k = 0; k < 5; k++) storeSet(s, k, 1, k === 0 ? 10 : Infinity, 0, rng);
    expect(rdbLost(s, null, 20)).toBe(4); // key 0 had expired already
    rdbLoad(s, null, 20, rng);
    expect(storeSize(s)).toBe(0);
  });
});
