/**
 * The parts of a model a mechanism may supply in place of the scenario's (the copies of replicated keys,
 * value sizes and TTLs key by key), and what a mechanism is given to build its own part. Types only;
 * none refers to the context, so they live apart from the shapes that refer to one another (shapes.ts).
 */
import type { RankSampler } from '../core/zipf.ts';
import type { KeyGroups } from './keyspace.ts';

/** Value sizes and Redis TTLs key by key (a replayed trace's), in place of the scenario's. */
export interface PerKey {
  /** Bytes of each key's value (0: the scenario's). */
  valueBytes: Uint32Array | null;
  /** Redis TTL of each key in ms (0: the scenario's). */
  l2TtlMs: Float64Array | null;
}

/** The copies of hot keys in Redis: which keys have them, how many, and on which shards (see addressing.ts). */
export interface Copies {
  /** Copies per replicated key (1 = off). */
  replicas: number;
  /** Keys with a rank below this are replicated (0 when none are). */
  replicatedKeys: number;
  /** Store id of copy r of key k: `firstId + k * REPLICA_STRIDE + r`. */
  firstId: number;
  /** Shard of copy r of key k at `k * REPLICA_STRIDE + r` (-1: not computed yet). */
  copyShard: Int16Array;
}

/** What `Mechanism.model` gets besides the scenario. */
export interface ModelEnv {
  /** Keys the run addresses, and their groups (families; null without). */
  keyCount: number;
  groups: KeyGroups | null;
  /** The Zipf rank sampler for `keys` and exponent `zipf`, shared between the run's models. */
  table(keys: number, zipf: number): RankSampler;
  /** Tables a mechanism keeps from one model to the next in a run (by its name), e.g. lazily filled ones. */
  shared: Map<string, unknown>;
}
