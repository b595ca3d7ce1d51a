import type { Scenario } from '../src/engine/types.ts';

export interface RefCoreParams {
  durationMs: number;
  seed: number;
  rps: number;
  readRatio: number;
  keys: number;
  zipf: number;
  instances: number;
  shards: number;
  l1TtlMs: number;
  l1MaxKeys: number;
  l2TtlMs: number;
  l2ServiceMs: number;
  connections: number;
  readMs: number;
  writeMs: number;
  clientMs: number;
  redisMs: number;
  dbMs: number;
  jitterMs: number;
}

export interface RefCoreResult {
  requests: number;
  reads: number;
  writes: number;
  events: number;
  l1HitRatio: number;
  l2HitRatio: number;
  dbReads: number;
  dbWrites: number;
  staleReads: number;
  meanLatencyMs: number;
  p99LatencyMs: number;
  shardOps: number[];
}

export function paramsFromScenario(scenario: Scenario, durationMs: number): RefCoreParams;
export function runRefCore(params: RefCoreParams): RefCoreResult;
