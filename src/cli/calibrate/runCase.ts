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

function hitRatioCheck(what: string, real: RealResult, e: EngineResult, seeds: number): Check {
  const r = real.hits / (real.hits + real.misses);
  const se = standardError(e.hitRatio.sd, seeds);
  const tolerance = Math.max(HIT_RATIO_POINTS, STANDARD_ERRORS * se);
  const basis = tolerance === HIT_RATIO_POINTS ? '1 point' : `3 SE (${se.toFixed(4)})`;
  return {
    what,
    real: r,
    engine: e.hitRatio.mean,
    tolerance,
    basis,
    ok: Math.abs(r - e.hitRatio.mean) <= tolerance,
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
  const checks = [
    hitRatioCheck(budgetBytes === null ? 'hit ratio' : 'hit ratio, maxmemory', real, engine, seeds),
  ];
  if (engineMaxKeys !== null) checks.push(hitRatioCheck('hit ratio, maxKeys', real, engineMaxKeys, seeds));
  const budget = budgetBytes === null ? null : { bytes: budgetBytes, keys: c.budgetKeys ?? 0 };
  checks.push(keysCheck(real, engine, seeds, budget));
  return { case: c, budgetBytes, real, engine, engineMaxKeys, checks, attempts: 1 };
}
