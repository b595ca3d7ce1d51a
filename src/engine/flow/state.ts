import { createRng } from '../core/rng.ts';
import { createQueue } from '../core/eventQueue.ts';
import { createL1, type L1Cache } from '../core/l1Cache.ts';
import { createShardStore } from '../redis/shardStore.ts';
import { REPLICA_STRIDE } from './addressing.ts';
import { createJobs } from './jobs.ts';
import type { Plan } from './mechanism.ts';
import { createMetrics } from './metrics.ts';
import type { Model } from './shapes.ts';
import type { Database, Shard, State } from './stateShapes.ts';

export type { Database, Shard, State };
import { createRedisCounters, storeOptionsOf } from './redisCore.ts';

/**
 * Direct L1 key indexes (4 bytes per key and instance) while they take at most 16 MB in all; past that,
 * each L1 hashes its keys instead (slower per lookup, sized by the L1's capacity).
 */
const DIRECT_L1_INDEX_ENTRIES = 1 << 22;

export function createState(m: Model, plan: Pick<Plan, 'mechanisms'>): State {
  const { topology, cache, workload } = m.scenario;
  const shards: Shard[] = [];
  // One key index for the cluster: each key (or copy of a replicated key) lives on exactly one shard.
  // Copies a live change adds beyond it make their store grow an index of its own (still correct).
  const replica = m.copies;
  const keyIndex = new Int32Array(replica.firstId + replica.replicatedKeys * REPLICA_STRIDE);
  for (let s = 0; s < topology.redisShards; s++) {
    shards.push({
      store: createShardStore(cache.l2.maxKeys, cache.l2.eviction, storeOptionsOf(m), keyIndex),
      busyUntil: 0,
      ops: 0,
      peakQueue: 0,
      up: true,
      rdb: null,
    });
  }
  const l1: L1Cache[] = [];
  const inflight: Map<number, number>[] = [];
  const l1KeyRange = m.keyCount * topology.instances <= DIRECT_L1_INDEX_ENTRIES ? m.keyCount : null;
  for (let i = 0; i < topology.instances; i++) {
    l1.push(createL1(cache.l1.maxKeys, m.l1Enabled ? l1KeyRange : null));
    inflight.push(new Map());
  }
  const mech: Record<string, unknown> = {};
  for (const x of plan.mechanisms) mech[x.name] = x.state ? x.state(m, m.mech[x.name]) : null;
  return {
    scenario: m.scenario,
    changesApplied: 0,
    now: 0,
    events: 0,
    rng: createRng(m.seed),
    queue: createQueue(),
    jobs: createJobs(),
    arrivalGen: 0,
    rps: workload.rps,
    rrNext: 0,
    l1,
    instanceInFlight: new Int32Array(topology.instances),
    inflight,
    redisLinks: new Float64Array(topology.instances * topology.redisShards * 2),
    flights: 0,
    shards,
    db: {
      versions: new Float64Array(m.keyCount),
      commitTime: new Float64Array(m.keyCount),
      latest: new Float64Array(m.keyCount),
      latestAt: new Float64Array(m.keyCount),
      inUse: 0,
      waiting: new Int32Array(64),
      waitHead: 0,
      waitLen: 0,
      latencyFactor: 1,
    },
    metrics: createMetrics(topology.redisShards),
    redis: createRedisCounters(),
    instanceUp: new Uint8Array(topology.instances).fill(1),
    mech,
  };
}

export function enqueueWaiting(db: Database, job: number): void {
  if (db.waitLen === db.waiting.length) {
    const bigger = new Int32Array(db.waiting.length * 2);
    for (let i = 0; i < db.waitLen; i++) bigger[i] = db.waiting[(db.waitHead + i) % db.waiting.length]!;
    db.waiting = bigger;
    db.waitHead = 0;
  }
  db.waiting[(db.waitHead + db.waitLen) % db.waiting.length] = job;
  db.waitLen++;
}

export function dequeueWaiting(db: Database): number {
  const job = db.waiting[db.waitHead]!;
  db.waitHead = (db.waitHead + 1) % db.waiting.length;
  db.waitLen--;
  return job;
}
