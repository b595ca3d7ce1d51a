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
/** Keys held under a byte budget agree within 3 %. */
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
 * Keys held: within 3 % under a byte budget (the store fills to it). Without a limit they are the live
 * keys and the expired ones active expiry has not reached yet, which vary from moment to moment, so the
 * tolerance is then the runs' spread.
 */
function keysCheck(real: RealResult, e: EngineResult, seeds: number, budget: boolean): Check {
  const se = standardError(e.keys.sd, seeds);
  const tolerance = budget ? KEYS_SHARE * e.keys.mean : STANDARD_ERRORS * se;
  const basis = budget ? '3 %' : `3 SE (${se.toFixed(0)})`;
  const ok = Math.abs(real.keys - e.keys.mean) <= tolerance;
  return { what: 'keys held', real: real.keys, engine: e.keys.mean, tolerance, basis, ok };
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
  checks.push(keysCheck(real, engine, seeds, budgetBytes !== null));
  return { case: c, budgetBytes, real, engine, engineMaxKeys, checks, attempts: 1 };
}
