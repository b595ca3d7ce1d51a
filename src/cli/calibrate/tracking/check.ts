import { performance } from 'node:perf_hooks';
import { createRng, random, randomInt } from '../../../engine/core/rng.ts';
import { EMPTY_NODE_BYTES, entryBytes } from '../../../engine/redis/memory.ts';
import { activeExpireCycle, createShardStore, storeGet, storeSet } from '../../../engine/redis/shardStore.ts';
import {
  changed,
  drain,
  limit,
  read,
  WRITE,
  type Rules,
  type Sink,
} from '../../../engine/mechanisms/tracking/rules.ts';
import { createTable } from '../../../engine/mechanisms/tracking/table.ts';
import { keyName } from '../../../engine/flow/keyspace.ts';
import { infoFields, RespClient, type Reply } from '../resp.ts';

/**
 * The tracking calibration: clients on RESP3 (`HELLO 3`) with `CLIENT TRACKING on` (BCAST or not) send
 * a real redis-server a seeded sequence of GETs and SETs with a TTL, one command at a time, and count
 * the keys Redis invalidates for each; the engine's own code (its store, with expiry and eviction, and
 * the tracking rules of src/engine/mechanisms/tracking/rules.ts) replays the same commands at the
 * times they were sent and counts the same. At the end every key has expired, and an EXISTS of each from
 * a client without tracking removes those still there, so each count is complete.
 */
export interface TrackingCase {
  id: string;
  bcast: boolean;
  prefixes: readonly string[];
  noloop: boolean;
  /** tracking-table-max-keys (0: none). */
  tableMaxKeys: number;
  clients: number;
  ops: number;
  keys: number;
  readShare: number;
  ttlMs: number;
  valueBytes: number;
  /** Keys the memory budget holds above the node's memory with the clients connected; null: no limit. */
  budgetKeys: number | null;
}

const base = {
  bcast: false,
  prefixes: [],
  noloop: false,
  tableMaxKeys: 0,
  clients: 3,
  ops: 12_000,
  keys: 400,
  readShare: 0.7,
  ttlMs: 300,
  valueBytes: 100,
  budgetKeys: null,
} as const;

export const TRACKING_CASES: readonly TrackingCase[] = [
  { ...base, id: 'tracking-default-expiry' },
  { ...base, id: 'tracking-default-cap', tableMaxKeys: 50 },
  // Redis counts its tracking table against maxmemory and the engine does not: the cap keeps the table
  // small beside a budget of values 10 times larger.
  {
    ...base,
    id: 'tracking-default-eviction',
    keys: 3000,
    valueBytes: 1000,
    budgetKeys: 1000,
    ttlMs: 2000,
    tableMaxKeys: 100,
  },
  { ...base, id: 'tracking-bcast-noloop', bcast: true, prefixes: ['key:1', 'key:2'], noloop: true },
];

interface Op {
  t: number;
  client: number;
  get: boolean;
  key: number;
}

export interface TrackingResult {
  case: TrackingCase;
  /** Keys invalidated per client: by the real server, and by the engine's replay. */
  real: number[];
  engine: number[];
  /** Pushes that invalidated everything (a flush): none expected. */
  flushes: number;
  ok: boolean;
  /** 2 when the first drive was out of tolerance and this is the second. */
  attempts: number;
}

/** What a client's count may differ by: 1 %, or one message for tiny counts. */
export const TRACKING_SHARE = 0.01;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function schedule(c: TrackingCase, seed: number): Omit<Op, 't'>[] {
  const rng = createRng(seed);
  return Array.from({ length: c.ops }, () => ({
    client: randomInt(rng, c.clients),
    get: random(rng) < c.readShare,
    key: randomInt(rng, c.keys),
  }));
}

async function drive(admin: RespClient, port: number, c: TrackingCase, seed: number) {
  await admin.send('CONFIG', 'SET', 'maxmemory', 0);
  await admin.send('FLUSHALL');
  await admin.send('CONFIG', 'SET', 'tracking-table-max-keys', c.tableMaxKeys);
  await admin.send('CONFIG', 'SET', 'maxmemory-policy', 'allkeys-lru');
  const real = new Array<number>(c.clients).fill(0);
  let flushes = 0;
  const clients: RespClient[] = [];
  for (let i = 0; i < c.clients; i++) {
    clients.push(
      await RespClient.connect3(port, (push: Reply[]) => {
        if (push[0] !== 'invalidate') return;
        if (Array.isArray(push[1])) real[i]! += push[1].length;
        else flushes++;
      }),
    );
    const opts = [...(c.bcast ? ['BCAST', ...c.prefixes.flatMap((p) => ['PREFIX', p])] : [])];
    await clients[i]!.send('CLIENT', 'TRACKING', 'on', ...opts, ...(c.noloop ? ['NOLOOP'] : []));
  }
  let budgetBytes: number | null = null;
  if (c.budgetKeys !== null) {
    budgetBytes = c.budgetKeys * entryBytes('key:1000', c.valueBytes);
    const used = infoFields(await admin.send('INFO', 'memory')).used_memory ?? 0;
    await admin.send('CONFIG', 'SET', 'maxmemory', used + budgetBytes);
  }
  const value = 'x'.repeat(c.valueBytes);
  const ops: Op[] = [];
  const t0 = performance.now();
  for (const op of schedule(c, seed)) {
    const t = performance.now() - t0;
    const cl = clients[op.client]!;
    const name = `key:${op.key}`;
    if (op.get) await cl.send('GET', name);
    else await cl.send('SET', name, value, 'PX', c.ttlMs).catch(() => null); // OOM: refused
    ops.push({ ...op, t });
  }
  await sleep(c.ttlMs + 200);
  const sweepAt = performance.now() - t0;
  for (let k = 0; k < c.keys; k++) await admin.send('EXISTS', `key:${k}`);
  await sleep(300);
  for (const cl of clients) cl.close();
  await admin.send('CONFIG', 'SET', 'maxmemory', 0);
  return { real, flushes, ops, sweepAt, budgetBytes };
}

/** The engine's replay of the same commands: its store and the mechanism's tracking rules. */
function replay(c: TrackingCase, ops: Op[], sweepAt: number, budgetBytes: number | null): number[] {
  const counts = new Array<number>(c.clients).fill(0);
  const rng = createRng(1);
  const store = createShardStore(null, 'allkeys-lru', {
    maxMemoryBytes: budgetBytes === null ? null : EMPTY_NODE_BYTES + budgetBytes,
    baseBytes: EMPTY_NODE_BYTES,
  });
  const gone: number[] = [];
  store.gone = gone;
  const table = createTable();
  const rules: Rules = {
    bcast: c.bcast,
    optin: false,
    optout: false,
    optKeys: 0,
    noloop: c.noloop,
    tableMaxKeys: c.tableMaxKeys === 0 ? Infinity : c.tableMaxKeys,
    instances: c.clients,
  };
  const sink: Sink = {
    send: (inst) => void counts[inst]!++,
    randomInt: (n) => randomInt(rng, n),
    underPrefix: (key) => c.prefixes.length === 0 || c.prefixes.some((p) => keyName(key).startsWith(p)),
    name: (key) => keyName(key),
  };
  const bytes = (k: number) => entryBytes(`key:${k}`, c.valueBytes);
  let nextCron = 100; // Redis's active expiry, hz 10
  const cron = (t: number) => {
    for (; nextCron <= t; nextCron += 100) {
      activeExpireCycle(store, nextCron);
      drain(rules, table, sink, gone, -1, -1);
    }
  };
  let version = 0;
  for (const op of ops) {
    cron(op.t);
    limit(rules, table, sink, op.client);
    if (op.get) {
      storeGet(store, op.key, op.t, rng, null);
      drain(rules, table, sink, gone, -1, op.client);
      read(rules, table, sink, op.key, op.client);
      continue;
    }
    const before = store.rejectedWrites;
    storeSet(store, op.key, ++version, op.t + c.ttlMs, op.t, rng, bytes(op.key));
    const refused = store.rejectedWrites !== before;
    drain(rules, table, sink, gone, refused ? -1 : op.key, op.client);
    if (!refused) changed(rules, table, sink, op.key, op.client, WRITE);
  }
  cron(sweepAt);
  for (let k = 0; k < c.keys; k++) {
    limit(rules, table, sink, -1);
    storeGet(store, k, sweepAt, rng, null);
    drain(rules, table, sink, gone, -1, -1);
  }
  return counts;
}

export async function runTrackingCase(
  admin: RespClient,
  port: number,
  c: TrackingCase,
  seed: number,
): Promise<TrackingResult> {
  const d = await drive(admin, port, c, seed);
  const engine = replay(c, d.ops, d.sweepAt, d.budgetBytes);
  const ok =
    d.flushes === 0 && d.real.every((r, i) => Math.abs(engine[i]! - r) <= Math.max(1, TRACKING_SHARE * r));
  return { case: c, real: d.real, engine, flushes: d.flushes, ok, attempts: 1 };
}

/** The results as a Markdown table. */
export function trackingTable(results: readonly TrackingResult[]): string {
  const rows = results.flatMap((r) =>
    r.real.map((real, i) => {
      const e = r.engine[i]!;
      const diff = real === 0 ? 0 : (e - real) / real;
      const ok = Math.abs(e - real) <= Math.max(1, TRACKING_SHARE * real) && r.flushes === 0;
      const verdict = (ok ? 'ok' : '**OUT**') + (r.attempts > 1 ? ' (2nd drive)' : '');
      return `| ${r.case.id} | ${i} | ${real} | ${e} | ${diff >= 0 ? '+' : ''}${(100 * diff).toFixed(2)} % | ${verdict} |`;
    }),
  );
  return [
    '## Tracking: keys invalidated per client (real redis-server vs the engine, same commands)',
    '',
    '| case | client | real | engine | diff | within 1 % |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
}
