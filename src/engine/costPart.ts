import type { Scenario } from '../scenario/schema.ts';
import type { KeyBucket } from './costKeys.ts';
import type { KeyGroup, Window } from './costHits.ts';

/** A group of keys as a mechanism lays them out (families): its popularity, its share of the requests. */
export interface KeyGroupPart extends Omit<KeyGroup, 'buckets'> {
  /** The group's popularity, its shares adding up to 1 (`zipfBuckets`, cut at `cuts`). */
  buckets: KeyBucket[];
  /** The group's share of all requests. */
  share: number;
}

/**
 * A mechanism's term of the cost estimate (costRates.ts): the engine events and per-key state it adds
 * to a configuration of a scenario. Each mechanism keeps it in its folder (`cost.ts`), listed in
 * costParts.ts; every member is optional, and each is called whatever the scenario, so it returns its
 * neutral value (0, null) when the mechanism is off. Pure arithmetic on the scenario: the app's main
 * thread estimates a cost without loading the engine.
 */
export interface MechanismCost {
  /** The mechanism's name, as in its Mechanism object. */
  name: string;
  /**
   * Attempts per client request, the first included, when it makes clients try again (overload's
   * retries); the product over the mechanisms multiplies the request rate.
   */
  attemptsPerRequest?(s: Scenario): number;
  /** Events of each attempt besides its arrival (overload's client timer). */
  requestEvents?(s: Scenario): number;
  /**
   * The key space as groups, when the mechanism lays it out (families), else null: the first that
   * answers is used; with none, one group of `workload.keys`. `cuts`: ranks where a formula changes.
   */
  keyGroups?(s: Scenario, cuts: readonly number[]): KeyGroupPart[] | null;
  /** Keys of the key space, when the mechanism lays it out (as `keyGroups`), else null. */
  keyCount?(s: Scenario): number | null;
  /**
   * Share of reads answered before the balancer (a CDN edge), when the mechanism puts something there,
   * else null: the first that answers is used. `rps`: attempts a second, `groups` the key space.
   */
  edgeHitRatio?(s: Scenario, groups: readonly KeyGroup[], rps: number, w: Window): number | null;
  /** Events of the hop before the balancer that each write and each read not answered there makes. */
  edgeEvents?(s: Scenario): number;
  /**
   * Events per simulated second of timers that run whatever the keys (Redis's active expiry cycle),
   * added to the sampler's one before the clocks below.
   */
  timerEventsPerSecond?(s: Scenario): number;
  /**
   * Events per simulated second of its own clock (flush timers, refreshers), not driven by requests.
   * `keys`: the keys of the workload's first family (all of them without families).
   */
  clockEventsPerSecond?(s: Scenario, keys: number): number;
  /**
   * Events of one client write after its arrival when it handles writes (the strategy is its), else
   * null. `deletes`: copies of the key a delete reaches (see `deleteCopies`).
   */
  writeEvents?(s: Scenario, deletes: number): number | null;
  /** Copies of a key a delete reaches, on average over the written keys, when it keeps copies, else null. */
  deleteCopies?(s: Scenario): number | null;
  /** Ranks of popularity where what it does changes (the hot keys it replicates, the keys it warms). */
  rankCuts?(s: Scenario): number[];
  /** The most popular keys it puts in Redis before the first request (a warm-up). */
  warmKeys?(s: Scenario): number;
  /**
   * Events an L2 miss of the key of popularity rank `rank` adds to the query, its reply and one SET;
   * `perMs`: the key's reads that reach the L2, per ms (what arrives while the miss is being filled).
   */
  missEvents?(s: Scenario, rank: number, perMs: number): number;
  /** Key operations it does before the first event, and bytes of per-key state it keeps, for `keys` keys. */
  keyState?(s: Scenario, keys: number): { setupKeys: number; stateBytes: number };
  /** Times Redis comes back empty after it restarts Redis or a shard (the failure timeline's). */
  redisEmptiedAt?(s: Scenario): number[];
  /** Events after Redis comes back empty at `atMs` (a warm-up, say), until the run ends at `endMs`. */
  refillEvents?(s: Scenario, keys: number, atMs: number, endMs: number): number;
}
