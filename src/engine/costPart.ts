import type { Scenario } from '../scenario/schema.ts';

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
   * Events per simulated second of its own clock (flush timers, refreshers), not driven by requests.
   * `keys`: the keys of the workload's first family (all of them without families).
   */
  clockEventsPerSecond?(s: Scenario, keys: number): number;
  /** Events of one client write after its arrival when it handles writes (the strategy is its), else null. */
  writeEvents?(s: Scenario): number | null;
  /**
   * Events an L2 miss of the key of popularity rank `rank` adds to the query, its reply and one SET;
   * `perMs`: the key's reads that reach the L2, per ms (what arrives while the miss is being filled).
   */
  missEvents?(s: Scenario, rank: number, perMs: number): number;
  /** Key operations it does before the first event, and bytes of per-key state it keeps, for `keys` keys. */
  keyState?(s: Scenario, keys: number): { setupKeys: number; stateBytes: number };
  /** Events after Redis comes back empty at `atMs` (a warm-up, say), until the run ends at `endMs`. */
  refillEvents?(s: Scenario, keys: number, atMs: number, endMs: number): number;
}
