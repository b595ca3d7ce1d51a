import { createRng } from '../../engine/core/rng.ts';
import { entryBytes, memoryUsage } from '../../engine/redis/memory.ts';
import { createShardStore, storeSet } from '../../engine/redis/shardStore.ts';
import { infoFields, type RespClient } from './resp.ts';

/**
 * The memory model against the real server, apart from any workload: MEMORY USAGE of single keys of
 * several name and value sizes against memory.ts's formula, and used_memory's growth while keys are
 * loaded against what the engine's shard store counts for the same keys (entries, TTL entries and both
 * dicts' bucket arrays).
 */

export interface UsageRow {
  name: string;
  valueBytes: number;
  real: number;
  model: number;
}

export interface GrowthRow {
  what: string;
  keys: number;
  real: number;
  model: number;
}

const USAGE_CASES: readonly [string, number][] = [
  ['key:1', 1024],
  ['key:123456', 1024],
  ['key:42', 10],
  ['key:42', 44],
  ['key:42', 45],
  ['key:42', 300],
  ['product:catalogue:2024:{sku-000123}:details', 5000],
  ['key:42', 70_000],
];

const GROWTH_CASES: readonly { what: string; keys: number; valueBytes: number; ttlMs: number | null }[] = [
  { what: '1 KiB values', keys: 10_000, valueBytes: 1024, ttlMs: null },
  { what: '1 KiB values with a TTL', keys: 10_000, valueBytes: 1024, ttlMs: 3_600_000 },
  { what: '100-byte values', keys: 20_000, valueBytes: 100, ttlMs: null },
];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * used_memory without the connections' buffers, once the server has settled: its cron (every 100 ms)
 * finishes a dict's incremental rehash (the engine takes rehashing as instant) and samples the clients'
 * memory, which pipelined batches grow and the cron later shrinks.
 */
async function settledMemory(client: RespClient): Promise<number> {
  await sleep(400);
  const m = infoFields(await client.send('INFO', 'memory'));
  return (m.used_memory ?? NaN) - (m.mem_clients_normal ?? NaN);
}

/** MEMORY USAGE of single keys, real against the formula. */
export async function memoryUsageRows(client: RespClient): Promise<UsageRow[]> {
  await client.send('FLUSHALL', 'SYNC');
  const rows: UsageRow[] = [];
  for (const [name, valueBytes] of USAGE_CASES) {
    await client.send('SET', name, 'x'.repeat(valueBytes));
    const real = await client.send('MEMORY', 'USAGE', name);
    rows.push({
      name,
      valueBytes,
      real: typeof real === 'number' ? real : NaN,
      model: memoryUsage(name, valueBytes),
    });
    await client.send('DEL', name);
  }
  return rows;
}

/**
 * used_memory's growth while `keys` keys are SET (pipelined in batches), real against the engine's
 * store filled with the same keys.
 */
export async function growthRows(client: RespClient): Promise<GrowthRow[]> {
  const rows: GrowthRow[] = [];
  for (const c of GROWTH_CASES) {
    await client.send('FLUSHALL', 'SYNC');
    const before = await settledMemory(client);
    const store = createShardStore(null, 'allkeys-lru');
    const rng = createRng(1);
    const value = 'x'.repeat(c.valueBytes);
    const ttl = c.ttlMs === null ? [] : ['PX', c.ttlMs];
    for (let k = 0; k < c.keys; k += 100) {
      const batch: Promise<unknown>[] = [];
      for (let i = k; i < Math.min(c.keys, k + 100); i++) {
        batch.push(client.send('SET', `key:${i}`, value, ...ttl));
        const expiresAt = c.ttlMs === null ? Infinity : c.ttlMs;
        storeSet(store, i, 1, expiresAt, 0, rng, entryBytes(`key:${i}`, c.valueBytes));
      }
      await Promise.all(batch);
    }
    rows.push({
      what: c.what,
      keys: c.keys,
      real: (await settledMemory(client)) - before,
      model: store.memoryBytes,
    });
  }
  await client.send('FLUSHALL', 'SYNC');
  return rows;
}
