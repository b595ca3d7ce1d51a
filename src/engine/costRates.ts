import { zipfBuckets, type KeyBucket } from './costKeys.ts';
import { ttlHit, type KeyGroup, type Window } from './costHits.ts';
import type { MechanismCost } from './costPart.ts';
import { COST_PARTS } from './costParts.ts';
import type { Scenario } from './types.ts';

/**
 * The cost of one configuration of a scenario, as it stands for a while: engine events per simulated
 * second at a given request rate (the hops each request makes, cache hit ratios estimated with the TTL
 * formula of fidelity.md 1 per key, the mechanisms that are on), and the per-key state it keeps.
 * `cost.ts` adds these up over the run, one configuration per stretch between live changes. A
 * mechanism's own terms (its timers, its writes, what a miss costs it, its tables) are in its folder's
 * `cost.ts`, listed in costParts.ts; this module adds them at their places.
 */

/** Ranks where a formula changes: the L1's and the L2's capacities, and the mechanisms' (costPart.ts). */
function capacityCuts(s: Scenario): number[] {
  const cuts: number[] = [];
  if (s.cache.l1.maxKeys !== null) cuts.push(s.cache.l1.maxKeys);
  if (s.cache.l2.maxKeys !== null) cuts.push(s.cache.l2.maxKeys * s.topology.redisShards);
  for (const part of COST_PARTS) if (part.rankCuts) cuts.push(...part.rankCuts(s));
  return cuts;
}

/** The most popular keys a mechanism puts in Redis before the first request (a warm-up), else 0. */
function warmAtStart(s: Scenario): number {
  let warm = 0;
  for (const part of COST_PARTS) if (part.warmKeys) warm = Math.max(warm, part.warmKeys(s));
  return warm;
}

/** Copies of a key a delete reaches (1, more where a mechanism keeps copies of hot keys). */
function deleteCopies(s: Scenario): number {
  for (const part of COST_PARTS) {
    const copies = part.deleteCopies?.(s) ?? null;
    if (copies !== null) return copies;
  }
  return 1;
}

/** Each group of keys (a mechanism's, or the workload as one) with its keys' shares of all requests. */
function keyGroups(s: Scenario): KeyGroup[] {
  const { workload, cache } = s;
  const hot = workload.hotKey?.share ?? 0;
  const cuts = capacityCuts(s);
  const scaled = (b: KeyBucket[], share: number) => b.map((k) => ({ ...k, p: k.p * share * (1 - hot) }));
  let parts = null;
  for (const part of COST_PARTS) {
    parts = part.keyGroups?.(s, cuts) ?? null;
    if (parts !== null) break;
  }
  const groups: KeyGroup[] =
    parts !== null
      ? parts.map(({ buckets, share, ...g }) => ({ ...g, buckets: scaled(buckets, share) }))
      : [
          {
            buckets: scaled(zipfBuckets(workload.keys, workload.zipf, cuts), 1),
            readRatio: workload.readRatio,
            l2TtlMs: cache.l2.ttlMs ?? Infinity,
            l1TtlMs: cache.l1.ttlMs ?? Infinity,
            bypass: false,
          },
        ];
  groups[0]!.buckets[0]!.p += hot;
  return groups;
}

/**
 * Events of an L2 miss of the key of rank `rank`, read from the L2 `perMs` times a ms: the query, its
 * reply, the SET and the mechanisms' extras.
 */
function missEvents(s: Scenario, rank: number, perMs: number): number {
  let events = 3 + 1;
  for (const part of COST_PARTS) if (part.missEvents) events += part.missEvents(s, rank, perMs);
  return events;
}

/** Events of a read that misses L1: the GET and its reply, and on a miss the query, its reply and the SET. */
function readEvents(s: Scenario, g: KeyGroup, rps: number, edgeHit: number, w: Window): number {
  const { cache, topology } = s;
  const perMs = (rps * (1 - edgeHit)) / 1000;
  const l1On = cache.l1.enabled && cache.strategy !== 'none';
  const l1Cap = l1On ? (cache.l1.maxKeys ?? Infinity) : 0;
  const l2Cap = (cache.l2.maxKeys ?? Infinity) * topology.redisShards;
  const warm = warmAtStart(s);
  let events = 0;
  for (const b of g.buckets) {
    const read = perMs * b.p * g.readRatio;
    if (read === 0) continue;
    if (g.bypass || cache.strategy === 'none') {
      events += 3 * read * b.count;
      continue;
    }
    const write = perMs * b.p * (1 - g.readRatio);
    const h1 = b.first < l1Cap ? ttlHit(read / topology.instances, g.l1TtlMs, w) : 0;
    const toL2 = read * (1 - h1);
    // Writes end a cached value's life early (cache-aside deletes it): the mean lifetime shrinks.
    const ttl = cache.strategy === 'ttl-only' || write === 0 ? g.l2TtlMs : 1 / (1 / g.l2TtlMs + write);
    const h2 = b.first < l2Cap ? ttlHit(toL2, ttl, w, b.first < Math.min(warm, l2Cap)) : 0;
    events += toL2 * (2 + (1 - h2) * missEvents(s, b.first, toL2)) * b.count;
  }
  return events;
}

/**
 * Events of one write after its arrival, by strategy: the query, then what it does to the cache (a
 * mechanism's strategy, write-behind's or CDC's, says so in its cost term).
 */
function writeEvents(s: Scenario): number {
  const deletes = deleteCopies(s);
  for (const part of COST_PARTS) {
    const events = part.writeEvents?.(s, deletes) ?? null;
    if (events !== null) return events;
  }
  switch (s.cache.strategy) {
    case 'none':
    case 'ttl-only':
      return 3;
    case 'write-through':
      return 5;
    default:
      // Cache-aside's delete, of each copy of the key.
      return 3 + deletes;
  }
}

/** Share of reads answered before the balancer (a CDN edge, see the mechanisms' terms), else 0. */
function edgeHitRatio(s: Scenario, groups: KeyGroup[], rps: number, w: Window): number {
  for (const part of COST_PARTS) {
    const hit = part.edgeHitRatio?.(s, groups, rps, w) ?? null;
    if (hit !== null) return hit;
  }
  return 0;
}

/** The sum over the mechanisms' terms of one member, from `from` (whole numbers: the order is free). */
function sumOf(
  s: Scenario,
  from: number,
  term: (p: MechanismCost) => ((s: Scenario) => number) | undefined,
): number {
  let n = from;
  for (const part of COST_PARTS) {
    const f = term(part);
    if (f) n += f(s);
  }
  return n;
}

/**
 * Engine events per simulated second of `s` while requests arrive at `requestRps` a second (the mean of
 * the workload's rate, its phases and changes over `w`), in force over the window `w` of the run.
 */
export function eventsPerSecond(s: Scenario, requestRps: number, w: Window): number {
  let attempts = 1;
  for (const part of COST_PARTS) if (part.attemptsPerRequest) attempts *= part.attemptsPerRequest(s);
  const rps = requestRps * attempts;
  const groups = keyGroups(s);
  const edgeHit = edgeHitRatio(s, groups, rps, w);
  const edge = sumOf(s, 0, (p) => p.edgeEvents);
  const readRatio = groups.reduce(
    (n, g) => n + g.buckets.reduce((a, b) => a + b.p * b.count, 0) * g.readRatio,
    0,
  );
  const perRequest = sumOf(s, 1, (p) => p.requestEvents);
  let perSecond = rps * perRequest;
  perSecond += rps * (1 - readRatio) * (writeEvents(s) + edge);
  for (const g of groups) perSecond += readEvents(s, g, rps, edgeHit, w) * 1000;
  perSecond += rps * readRatio * (1 - edgeHit) * edge;
  // What runs on its own clock: the sampler and the mechanisms' fixed timers, then their other clocks.
  perSecond += sumOf(s, 1, (p) => p.timerEventsPerSecond);
  const keys = groups[0]!.buckets.reduce((n, b) => n + b.count, 0);
  for (const part of COST_PARTS) {
    const events = part.clockEventsPerSecond?.(s, keys) ?? 0;
    if (events !== 0) perSecond += events;
  }
  return perSecond;
}

/** What `s` sets up before its first event and keeps per key. */
export interface KeyState {
  /** Key operations before the first event: key tables, popularity tables, warm-up, CDN tables. */
  setupKeys: number;
  /** Bytes of per-key state: database rows, Redis entries of a warm-up, CDN tables. */
  stateBytes: number;
  /** Keys of the key space. */
  keys: number;
}

/** Keys of the key space: as a mechanism lays it out (families), or the workload's. */
function keyCount(s: Scenario): number {
  for (const part of COST_PARTS) {
    const keys = part.keyCount?.(s) ?? null;
    if (keys !== null) return keys;
  }
  return s.workload.keys;
}

/** Events after Redis comes back empty at `atMs` (a warm-up, see the mechanisms' terms), to `endMs`. */
export function warmUpEvents(s: Scenario, atMs: number, endMs: number): number {
  let events = 0;
  for (const part of COST_PARTS)
    if (part.refillEvents) events += part.refillEvents(s, keyCount(s), atMs, endMs);
  return events;
}

export function keyState(s: Scenario): KeyState {
  const keys = keyCount(s);
  // 4 float64 columns per database row, then what the mechanisms set up and keep (whole numbers, so
  // the order of the sum does not matter).
  let setupKeys = keys;
  let stateBytes = keys * 32;
  for (const part of COST_PARTS) {
    if (!part.keyState) continue;
    const k = part.keyState(s, keys);
    setupKeys += k.setupKeys;
    stateBytes += k.stateBytes;
  }
  return { setupKeys, stateBytes, keys };
}
