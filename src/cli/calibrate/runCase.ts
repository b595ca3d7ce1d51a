import { createRng } from '../../engine/core/rng.ts';
import { entryBytes } from '../../engine/redis/memory.ts';
import { createShardStore, storeSet } from '../../engine/redis/shardStore.ts';
import type { CalibrationCase } from './cases.ts';
import { driveRedis, type RealResult } from './drive.ts';
import { runEngine, type EngineResult, type Limit } from './engineSide.ts';
import type { RespClient } from './resp.ts';

/**
 * One case end to end: the byte budget its key budget stands for, the real drive, the engine's runs
 * under the same limit (and under `maxKeys` when there is a budget), and the checks with their tolerance.
 */

/** Hit ratios agree within 1 point, or within 3 standard errors when the sampling noise is larger. */
export const HIT_RATIO_POINTS = 0.01;
export const STANDARD_ERRORS = 3;
/** Keys held under a byte budget agree within 3 % (see keysCheck). */
export const KEYS_SHARE = 0.03;

export interface Check {
  what: string;
  real: number;
  engine: number;
  /** The largest difference allowed, and what it is made of. */
  tolerance: number;
  basis: string;
  ok: boolean;
}

export interface CaseResult {
  case: CalibrationCase;
  budgetBytes: number | null;
  real: RealResult;
  engine: EngineResult;
  /** The engine with `maxKeys` of the budget's key count (null without a budget). */
  engineMaxKeys: EngineResult | null;
  checks: Check[];
  /** 2 when the first drive was disturbed and out of tolerance, and this is the second. */
  attempts: number;
}

/**
 * The bytes `keys` keys of the case take above an empty node, as the engine counts them: the most
 * popular ranks' entries (with their TTL entries) and the bucket arrays they need.
 *
 * @example
 * budgetBytesFor(CASES[0], 50); // about 50 x 1370
 */
export function budgetBytesFor(c: CalibrationCase, keys: number): number {
  const store = createShardStore(null, c.policy);
  const rng = createRng(1);
  const expiresAt = c.ttlMs === null ? Infinity : c.ttlMs;
  for (let k = 0; k < keys; k++)
    storeSet(store, k, 1, expiresAt, 0, rng, entryBytes(`key:${k}`, c.valueBytes));
  return store.memoryBytes;
}

/** The standard error of one real run against the mean of `seeds` engine runs, from the engine's spread. */
function standardError(sd: number, seeds: number): number {
  return sd * Math.sqrt(1 + 1 / seeds);
}

/**
 * The share of requests that go to the keys ranked `from` (exclusive) to `to` (inclusive) by
 * popularity, under the case's Zipf law.
 *
 * @example zipfShare({ keys: 10_000, zipf: 0.8 }, 71, 86) // about 0.018
 */
export function zipfShare(c: Pick<CalibrationCase, 'keys' | 'zipf'>, from: number, to: number): number {
  let part = 0;
  let total = 0;
  for (let rank = 1; rank <= c.keys; rank++) {
    const weight = rank ** -c.zipf;
    total += weight;
    if (rank > from && rank <= to) part += weight;
  }
  return part / total;
}

/**
 * Hit ratios within the tolerance. `lostShare` is how much lower the real one may also be because the
 * real run held fewer keys to reply blocks (see keysCheck): the popularity of the keys it went without.
 */
function hitRatioCheck(what: string, real: RealResult, e: EngineResult, seeds: number, lostShare = 0): Check {
  const r = real.hits / (real.hits + real.misses);
  const se = standardError(e.hitRatio.sd, seeds);
  const tolerance = Math.max(HIT_RATIO_POINTS, STANDARD_ERRORS * se);
  const lost = lostShare > 0 ? `, −${lostShare.toFixed(4)} for keys lost to reply blocks` : '';
  const basis = (tolerance === HIT_RATIO_POINTS ? '1 point' : `3 SE (${se.toFixed(4)})`) + lost;
  const diff = r - e.hitRatio.mean;
  return {
    what,
    real: r,
    engine: e.hitRatio.mean,
    tolerance,
    basis,
    ok: diff <= tolerance && diff >= -(tolerance + lostShare),
  };
}

/**
 * A reply block: when a connection's 16 KB reply buffer is full, Redis adds 16 KB blocks (20 KB as
 * allocated), and maxmemory counts them. A busy machine's drive reads its replies late enough for one to
 * appear now and then; Redis then evicts a block's worth of keys, which the next misses put back.
 */
export const REPLY_BLOCK_BYTES = 20_480;

/**
 * Keys held under a byte budget: within 3 %, and on the low side also within one reply block's worth of
 * keys (the engine models no connection buffers). Without a limit they are the live keys and the expired
 * ones active expiry has not reached yet, which vary from moment to moment: within 3 SE of the runs' spread.
 */
function keysCheck(
  real: RealResult,
  e: EngineResult,
  seeds: number,
  budget: { bytes: number; keys: number } | null,
): Check {
  const diff = real.keys - e.keys.mean;
  if (budget === null) {
    const se = standardError(e.keys.sd, seeds);
    const tolerance = STANDARD_ERRORS * se;
    const basis = `3 SE (${se.toFixed(0)})`;
    return {
      what: 'keys held',
      real: real.keys,
      engine: e.keys.mean,
      tolerance,
      basis,
      ok: Math.abs(diff) <= tolerance,
    };
  }
  const share = KEYS_SHARE * e.keys.mean;
  const block = REPLY_BLOCK_BYTES / (budget.bytes / budget.keys);
  const ok = diff <= share && diff >= -(share + block);
  const basis = `3 %, −${block.toFixed(0)} for a reply block`;
  return { what: 'keys held', real: real.keys, engine: e.keys.mean, tolerance: share, basis, ok };
}

/** Runs the case against the real server and on the engine, and checks the figures. */
export async function runCase(
  client: RespClient,
  c: CalibrationCase,
  seeds: number,
  seed: number,
): Promise<CaseResult> {
  const budgetBytes = c.budgetKeys === null ? null : budgetBytesFor(c, c.budgetKeys);
  const real = await driveRedis(client, c, budgetBytes, seed);
  const limit: Limit = budgetBytes === null ? { kind: 'none' } : { kind: 'maxmemory', bytes: budgetBytes };
  const engine = runEngine(c, limit, seeds, real.timing);
  const engineMaxKeys =
    c.budgetKeys === null ? null : runEngine(c, { kind: 'maxKeys', keys: c.budgetKeys }, seeds, real.timing);
  // Keys the real run held fewer than the engine, up to one reply block's worth (the keys check's allowance).
  const block = budgetBytes === null ? 0 : REPLY_BLOCK_BYTES / (budgetBytes / (c.budgetKeys ?? 1));
  const held = Math.max(real.keys, engine.keys.mean - block);
  const lostShare =
    budgetBytes === null || held >= engine.keys.mean ? 0 : zipfShare(c, held, engine.keys.mean);
  const checks = [
    hitRatioCheck(
      budgetBytes === null ? 'hit ratio' : 'hit ratio, maxmemory',
      real,
      engine,
      seeds,
      lostShare,
    ),
  ];
  // The maxKeys run is shown beside it, not held to the tolerance: Redis has no key-count limit, and a
  // real run that held a reply block's worth of keys fewer (see keysCheck) sits below it by that much.
  const budget = budgetBytes === null ? null : { bytes: budgetBytes, keys: c.budgetKeys ?? 0 };
  checks.push(keysCheck(real, engine, seeds, budget));
  return { case: c, budgetBytes, real, engine, engineMaxKeys, checks, attempts: 1 };
}
