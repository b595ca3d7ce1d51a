import { createRng } from '../../engine/core/rng.ts';
import { exponential } from '../../engine/core/samplers.ts';
import { buildAliasTable, sampleAlias, zipfProbabilities } from '../../engine/core/zipf.ts';
import type { CalibrationCase } from './cases.ts';
import { infoFields, type RespClient } from './resp.ts';

/**
 * Drives a real Redis with a case's workload in real time: Poisson arrivals at the case's rate, keys drawn
 * from the same Zipf table the engine uses, each request a GET (GETEX ... PX under a sliding TTL) and, on
 * a miss, a SET of a value of the case's size (with PX under a TTL), sent as soon as the miss comes back.
 * Real time matters: Redis's LRU clock, LFU decay and expiry all read the wall clock.
 */

/** How the drive kept time: what the engine's runs take over so both see the same request stream. */
export interface DriveTiming {
  /** Requests sent: all of the schedule's, unless the drive ran MAX_STRETCH times late and was cut. */
  requests: number;
  /** From the first request sent to the last (ms): the schedule's length, or more when it ran late. */
  durationMs: number;
  /** How late a request went out at worst (ms), and the share sent more than LATE_MS late. */
  maxLagMs: number;
  lateShare: number;
  /** A GET's round trip as the app sees it, from sending it to handling the reply (ms): mean and 10th percentile. */
  meanRoundTripMs: number;
  p10RoundTripMs: number;
}

/** What the real server reports after a drive, and how the drive kept time. */
export interface RealResult {
  hits: number;
  misses: number;
  evicted: number;
  expired: number;
  /**
   * Keys held: the median of DBSIZE read every KEYS_SAMPLE_MS over the run's second half, a steadier
   * figure than the count at the end.
   */
  keys: number;
  /** used_memory at the end, and of the empty node just before the drive. */
  usedMemory: number;
  emptyMemory: number;
  timing: DriveTiming;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Length of the warm-up drive that sizes the connection's buffers. */
const WARM_UP_MS = 2000;
/** The drive wakes up every millisecond to send what has fallen due. */
const TICK_MS = 1;
/** A request sent this much after its time counts as late. */
const LATE_MS = 10;
/** Requests awaiting their reply at most (with 1 KiB values, their replies fit the 16 KB reply buffer). */
const MAX_IN_FLIGHT = 16;
/** How often the drive reads DBSIZE over the run's second half. */
const KEYS_SAMPLE_MS = 250;
/**
 * A drive held back this many times its scheduled length stops sending: it bounds the calibration's time
 * on a starved machine. The engine then runs over what was sent (`requests`, `durationMs`), so the
 * comparison stays like for like.
 */
const MAX_STRETCH = 2;

function median(xs: readonly number[]): number {
  const sorted = Float64Array.from(xs).sort();
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

/** The case's arrival times (ms from the start) and keys (ranks), fixed by the seed. */
function schedule(c: CalibrationCase, seed: number): { at: Float64Array; key: Int32Array } {
  const rng = createRng(seed);
  const table = buildAliasTable(zipfProbabilities(c.keys, c.zipf));
  const at: number[] = [];
  const key: number[] = [];
  for (let t = exponential(rng, 1000 / c.rps); t < c.durationMs; t += exponential(rng, 1000 / c.rps)) {
    at.push(t);
    key.push(sampleAlias(table, rng));
  }
  return { at: Float64Array.from(at), key: Int32Array.from(key) };
}

async function memoryNow(client: RespClient): Promise<number> {
  return infoFields(await client.send('INFO', 'memory')).used_memory ?? NaN;
}

/**
 * Empties the server, sets the case's policy and a maxmemory of `budgetBytes` above the empty node's
 * memory (none when null), then drives the case and reads the server's counters.
 *
 * @example
 * const real = await driveRedis(redis.client, CASES[0], 1_400_000, 7);
 */
export async function driveRedis(
  client: RespClient,
  c: CalibrationCase,
  budgetBytes: number | null,
  seed: number,
): Promise<RealResult> {
  await client.send('CONFIG', 'SET', 'maxmemory', 0);
  await client.send('CONFIG', 'SET', 'maxmemory-policy', c.policy);
  // The connection's buffers count in used_memory, and so against maxmemory: bring them to the size this
  // traffic keeps them at, with a short drive on other keys, before taking the empty node's memory.
  await play(client, c, schedule({ ...c, durationMs: WARM_UP_MS }, seed + 1), 'warm-up:', false);
  await client.send('FLUSHALL', 'SYNC');
  await client.send('CONFIG', 'RESETSTAT');
  const emptyMemory = await memoryNow(client);
  if (budgetBytes !== null) await client.send('CONFIG', 'SET', 'maxmemory', emptyMemory + budgetBytes);
  const timing = await play(client, c, schedule(c, seed), 'key:', true);
  const stats = infoFields(await client.send('INFO', 'stats'));
  return {
    hits: stats.keyspace_hits ?? NaN,
    misses: stats.keyspace_misses ?? NaN,
    evicted: stats.evicted_keys ?? NaN,
    expired: stats.expired_keys ?? NaN,
    keys: timing.keysMedian,
    usedMemory: await memoryNow(client),
    emptyMemory,
    timing,
  };
}

/**
 * Sends the scheduled requests at their times (to the millisecond) and waits for the last reply. A miss's
 * SET goes out as soon as its reply is handled, so the app's refill takes one GET round trip.
 */
async function play(
  client: RespClient,
  c: CalibrationCase,
  { at, key }: { at: Float64Array; key: Int32Array },
  prefix: string,
  countKeys: boolean,
): Promise<DriveTiming & { keysMedian: number }> {
  const value = 'x'.repeat(c.valueBytes);
  const ttl = c.ttlMs === null ? [] : ['PX', c.ttlMs];
  const roundTrips = new Float64Array(at.length);
  let outstanding = 0;
  let failure: unknown = null;
  // Requests for a key still being read (or refilled) wait for it: the drive sends what fell due in each
  // millisecond together, and two reads of a hot key in one batch would both miss before the first's SET
  // lands, where Poisson arrivals about a millisecond apart would see the second hit.
  const busy = new Map<number, Promise<unknown>>();
  const request = (i: number) => {
    const rank = key[i]!;
    const name = prefix + rank;
    outstanding++;
    const run = async () => {
      const sent = performance.now();
      const reply = await (c.ttlReset && c.ttlMs !== null
        ? client.send('GETEX', name, 'PX', c.ttlMs)
        : client.send('GET', name));
      roundTrips[i] = performance.now() - sent;
      if (reply === null) await client.send('SET', name, value, ...ttl);
    };
    const chain = (busy.get(rank) ?? Promise.resolve())
      .then(run)
      .catch((e: unknown) => (failure ??= e))
      .finally(() => {
        outstanding--;
        if (busy.get(rank) === chain) busy.delete(rank);
      });
    busy.set(rank, chain);
  };
  // After a stall (a busy machine can hold this process or Redis back for tens of milliseconds), the
  // requests that fell due are sent at twice the rate rather than all at once: a burst would make
  // repeated reads of a key miss before the first miss's SET lands, which Poisson arrivals rarely do.
  // And no more than MAX_IN_FLIGHT wait for their reply: replies Redis cannot send yet sit in the
  // connection's buffers, which count against maxmemory; a few fit in its fixed 16 KB reply buffer, more
  // take 16 KB blocks that cost a small byte budget a dozen keys while they last (see runCase.ts).
  const perTick = Math.max(1, Math.ceil((2 * c.rps * TICK_MS) / 1000));
  const t0 = performance.now();
  let maxLagMs = 0;
  let late = 0;
  let lastSent = 0;
  const keyCounts: number[] = [];
  let nextCount = c.durationMs / 2;
  let i = 0;
  while (i < at.length) {
    const elapsed = performance.now() - t0;
    if (elapsed > MAX_STRETCH * c.durationMs) break;
    if (countKeys && elapsed >= nextCount) {
      nextCount += KEYS_SAMPLE_MS;
      client
        .send('DBSIZE')
        .then((n) => typeof n === 'number' && keyCounts.push(n))
        .catch((e: unknown) => (failure ??= e));
    }
    for (let n = 0; n < perTick && i < at.length && at[i]! <= elapsed && outstanding < MAX_IN_FLIGHT; n++) {
      const lag = elapsed - at[i]!;
      if (lag > maxLagMs) maxLagMs = lag;
      if (lag > LATE_MS) late++;
      lastSent = elapsed;
      request(i++);
    }
    await sleep(TICK_MS);
  }
  while (outstanding > 0) await sleep(TICK_MS);
  if (failure !== null) throw failure instanceof Error ? failure : new Error(String(failure));
  const sent = roundTrips.subarray(0, i);
  const sorted = Float64Array.from(sent).sort();
  return {
    keysMedian: median(keyCounts),
    requests: i,
    durationMs: i < at.length ? lastSent : Math.max(c.durationMs, lastSent),
    maxLagMs,
    lateShare: late / Math.max(1, i),
    meanRoundTripMs: sent.reduce((a, b) => a + b, 0) / Math.max(1, i),
    p10RoundTripMs: sorted[Math.floor(0.1 * sorted.length)] ?? 0,
  };
}
