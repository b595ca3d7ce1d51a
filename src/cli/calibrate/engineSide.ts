import { runScenario } from '../../engine/index.ts';
import { EMPTY_NODE_BYTES } from '../../engine/redis/memory.ts';
import { scenarioSchema, type Scenario } from '../../scenario/schema.ts';
import type { CalibrationCase } from './cases.ts';
import type { DriveTiming } from './drive.ts';

/**
 * The engine's side of a case: the same workload as the drive on one app instance and one shard, run with
 * several seeds so the spread of the figures (the sampling noise of one run) is known.
 */

export type Limit =
  { kind: 'maxKeys'; keys: number } | { kind: 'maxmemory'; bytes: number } | { kind: 'none' };

/** Mean and standard deviation over the seeds. */
export interface Spread {
  mean: number;
  sd: number;
}

export interface EngineResult {
  hitRatio: Spread;
  keys: Spread;
  /** Memory above the empty node's. */
  dataBytes: Spread;
}

/**
 * The scenario the engine runs for a case under a limit, over the request stream the drive produced: its
 * rate and length as achieved, and the app's GET round trip as measured (a one-way hop of half its 10th
 * percentile, plus exponential jitter making up the mean). A miss's refill then takes one round trip, as
 * in the drive, which SETs as soon as the miss comes back (no database: it answers in no time).
 */
export function caseScenario(c: CalibrationCase, limit: Limit, seed: number, timing: DriveTiming): Scenario {
  const hopMs = timing.p10RoundTripMs / 2;
  return scenarioSchema.parse({
    version: 1,
    seed,
    durationMs: Math.round(timing.durationMs),
    workload: {
      rps: timing.requests / (timing.durationMs / 1000),
      readRatio: 1,
      keys: c.keys,
      zipf: c.zipf,
      valueBytes: c.valueBytes,
    },
    topology: { instances: 1, redisShards: 1 },
    network: {
      clientMs: 0,
      redisMs: hopMs,
      dbMs: 0,
      jitterMs: Math.max(0, timing.meanRoundTripMs / 2 - hopMs),
    },
    cache: {
      strategy: 'cache-aside',
      l1: { enabled: false },
      l2: {
        ttlMs: c.ttlMs,
        ttlReset: c.ttlReset,
        eviction: c.policy,
        maxKeys: limit.kind === 'maxKeys' ? limit.keys : null,
        maxMemoryBytes: limit.kind === 'maxmemory' ? EMPTY_NODE_BYTES + limit.bytes : null,
        serviceMs: 0.005,
      },
    },
    database: { connections: 1000, readMs: 0, serviceTime: 'constant' },
  });
}

function spread(xs: readonly number[]): Spread {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const sd = Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / Math.max(1, xs.length - 1));
  return { mean, sd };
}

/**
 * Runs the case on the engine with `seeds` seeds.
 *
 * @example
 * runEngine(CASES[0], { kind: 'maxKeys', keys: 50 }, 8, real.timing).hitRatio.mean; // 0.09
 */
export function runEngine(
  c: CalibrationCase,
  limit: Limit,
  seeds: number,
  timing: DriveTiming,
): EngineResult {
  const hit: number[] = [];
  const keys: number[] = [];
  const bytes: number[] = [];
  for (let seed = 1; seed <= seeds; seed++) {
    const scenario = caseScenario(c, limit, seed, timing);
    const s = runScenario(scenario, { sampleIntervalMs: scenario.durationMs });
    const shard = s.shards[0]!;
    hit.push(s.l2.hitRatio);
    keys.push(shard.keys);
    bytes.push(shard.memoryBytes - EMPTY_NODE_BYTES);
  }
  return { hitRatio: spread(hit), keys: spread(keys), dataBytes: spread(bytes) };
}
