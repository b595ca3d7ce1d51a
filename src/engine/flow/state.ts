import type { Scenario } from '../../scenario/schema.ts';
import { createRng, type RngState } from '../core/rng.ts';
import { createQueue, type EventQueue } from '../core/eventQueue.ts';
import { createL1, type L1Cache } from '../core/l1Cache.ts';
import type { RdbImage } from '../redis/persistence.ts';
import { createShardStore, type ShardStore } from '../redis/shardStore.ts';
import { REPLICA_STRIDE } from './addressing.ts';
import { createJobs, type Jobs } from './jobs.ts';
import type { Plan } from './mechanism.ts';
import { createMetrics, type Metrics } from './metrics.ts';
import type { Model } from './model.ts';
import { createRedisCounters, storeOptionsOf, type RedisCounters } from './redisCore.ts';

export interface Shard {
  store: ShardStore;
  /** The single thread is busy until this time; commands queue behind it (FIFO). */
  busyUntil: number;
  ops: number;
  peakQueue: number;
  up: boolean;
  /** The shard's last RDB snapshot (null before the first save): what a restart loads. */
  rdb: RdbImage | null;
}

export interface Database {
  /** The source of truth: one version number per row (key), and when it last changed. */
  versions: Float64Array;
  commitTime: Float64Array;
  /**
   * The truth clients were told: the newest acknowledged version per key, and when it was. It moves
   * with `versions` at each commit, except under write-behind, where a write is acknowledged before
   * it reaches the database. Staleness is judged against it.
   */
  latest: Float64Array;
  latestAt: Float64Array;
  inUse: number;
  /** FIFO of job ids waiting for a connection (ring buffer). */
  waiting: Int32Array;
  waitHead: number;
  waitLen: number;
  /** Service times are multiplied by this (1 but during a latency spike). */
  latencyFactor: number;
}

/**
 * Everything that changes during a run, as plain data: a snapshot is `structuredClone(state)`.
 */
export interface State {
  /**
   * The scenario in force: the run's scenario with the changes applied so far (`changes` empty). The
   * model is built from it, so a snapshot carries the settings its state was made under.
   */
  scenario: Scenario;
  /** How many of the run's changes are applied: always the first ones of its time-ordered list. */
  changesApplied: number;
  now: number;
  events: number;
  rng: RngState;
  queue: EventQueue;
  jobs: Jobs;
  /** Arrival events carry the generation they were made in; a phase change starts a new one. */
  arrivalGen: number;
  rps: number;
  rrNext: number;
  l1: L1Cache[];
  /** Client requests each instance is working on. */
  instanceInFlight: Int32Array;
  /** Single-flight: per instance, key -> the job fetching it from the database. */
  inflight: Map<number, number>[];
  /**
   * Per instance and shard, the arrival time of the last message on their connection, toward the shard
   * (even index) and back (odd): see redisLinkArrival.
   */
  redisLinks: Float64Array;
  /** Entries in all `inflight` maps: reads may wait on a leader even after coalescing is switched off. */
  flights: number;
  shards: Shard[];
  db: Database;
  metrics: Metrics;
  /** Commands refused, reads that fell back, and the Redis totals at the last sample. */
  redis: RedisCounters;
  /** Per instance: 1 while it serves, 0 while crashed (the load balancer skips it). */
  instanceUp: Uint8Array;
  /** Each mechanism's state, by name (see Mechanism.state): plain data, snapshotted with the rest. */
  mech: Record<string, unknown>;
}

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
