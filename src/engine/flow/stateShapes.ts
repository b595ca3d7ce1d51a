/**
 * Everything that changes during a run, as plain data: the state, its shards and database, and the
 * Redis counters. Types only; `state.ts` builds them. None refers to the context or the model, so they
 * live apart from the shapes that refer to one another (shapes.ts).
 */
import type { Scenario } from '../../scenario/schema.ts';
import type { EventQueue } from '../core/eventQueue.ts';
import type { L1Cache } from '../core/l1Cache.ts';
import type { RngState } from '../core/rng.ts';
import type { RdbImage } from '../redis/persistence.ts';
import type { ShardStore } from '../redis/shardStore.ts';
import type { Jobs } from './jobs.ts';
import type { Metrics } from './metrics.ts';

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

export interface RedisCounters {
  /** Commands refused because their shard was down or full (requests and background SET/DEL alike). */
  redisErrors: number;
  /** Reads that went to the database because Redis was down (`redisDownPolicy: "fallback"`). */
  redisFallbacks: number;
}
