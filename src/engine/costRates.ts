import { parseCacheControl } from '../scenario/cacheControl.ts';
import { zipfBuckets, type KeyBucket } from './costKeys.ts';
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

/** The stretch of the run a configuration is in force, in ms from the start. */
export interface Window {
  from: number;
  to: number;
}

/**
 * Misses of a key read at `rate` per ms in the first `t` ms of a run that starts with the key not cached,
 * kept `ttl` ms after insertion: at least the first read (if there is one), and at least what the TTL
 * formula of fidelity.md 1 gives in the steady state. Short runs are mostly their cold start.
 */
function coldMisses(rate: number, ttl: number, t: number): number {
  const first = -Math.expm1(-rate * t);
  return ttl === Infinity ? first : Math.max(first, (rate * t) / (1 + rate * ttl));
}

/**
 * Misses of such a key in the first `t` ms when the run starts with it cached (a warm-up put it there at
 * time 0): none until its first copy expires, then as a cold key's from that moment.
 */
function warmMisses(rate: number, ttl: number, t: number): number {
  return t <= ttl ? 0 : coldMisses(rate, ttl, t - ttl);
}

/** Share of a key's reads in `w` that hit a TTL cache, cold at the start of the run unless `warm`. */
function ttlHit(rate: number, ttl: number, w: Window, warm = false): number {
  const reads = rate * (w.to - w.from);
  if (reads <= 0) return 0;
  const missesBy = warm ? warmMisses : coldMisses;
  const misses = missesBy(rate, ttl, w.to) - missesBy(rate, ttl, w.from);
  return Math.min(1, Math.max(0, 1 - misses / reads));
}

interface KeyGroup {
  buckets: KeyBucket[];
  readRatio: number;
  l2TtlMs: number;
  l1TtlMs: number;
  bypass: boolean;
}

/** Ranks where a formula changes: the L1's and the L2's capacities. */
function capacityCuts(s: Scenario): number[] {
  const cuts: number[] = [];
  if (s.cache.l1.maxKeys !== null) cuts.push(s.cache.l1.maxKeys);
  if (s.cache.l2.maxKeys !== null) cuts.push(s.cache.l2.maxKeys * s.topology.redisShards);
  if (s.cache.hotKeys.replicas > 1) cuts.push(s.cache.hotKeys.topKeys);
  const warm = warmAtStart(s);
  if (warm > 0) cuts.push(warm);
  return cuts;
}

/**
 * Keys a warm-up puts in Redis before the first request (the most popular ranks of a run without
 * families; with families, their ranks are not one order, and no key is taken as warm).
 */
function warmAtStart(s: Scenario): number {
  const { warming, strategy } = s.cache;
  if (!warming.enabled || !warming.onStart || strategy === 'none' || s.workload.families.length > 0) return 0;
  return warming.topKeys;
}

/** Each family (or the one implicit family) with its keys' shares of all requests. */
function keyGroups(s: Scenario): KeyGroup[] {
  const { workload, cache } = s;
  const hot = workload.hotKey?.share ?? 0;
  const cuts = capacityCuts(s);
  const fams = workload.families;
  const totalShare = fams.reduce((n, g) => n + g.share, 0);
  const scaled = (b: KeyBucket[], share: number) => b.map((k) => ({ ...k, p: k.p * share * (1 - hot) }));
  const groups: KeyGroup[] =
    fams.length > 0
      ? fams.map((f) => ({
          buckets: scaled(zipfBuckets(f.keys, f.zipf ?? workload.zipf, cuts), f.share / totalShare),
          readRatio: f.readRatio ?? workload.readRatio,
          l2TtlMs: f.ttlMs ?? Infinity,
          l1TtlMs: f.l1TtlMs ?? cache.l1.ttlMs ?? Infinity,
          bypass: f.bypass,
        }))
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
function readEvents(s: Scenario, g: KeyGroup, rps: number, cdnHit: number, w: Window): number {
  const { cache, topology } = s;
  const perMs = (rps * (1 - cdnHit)) / 1000;
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
  for (const part of COST_PARTS) {
    const events = part.writeEvents?.(s) ?? null;
    if (events !== null) return events;
  }
  switch (s.cache.strategy) {
    case 'none':
    case 'ttl-only':
      return 3;
    case 'write-through':
      return 5;
    default:
      // Cache-aside's delete, of each copy of a replicated hot key.
      return 3 + (s.cache.hotKeys.replicas > 1 ? 1.1 : 1);
  }
}

/** Share of reads the CDN edge answers (0 without a CDN), with the TTL formula per route and key. */
function cdnHitRatio(s: Scenario, groups: KeyGroup[], rps: number, w: Window): number {
  if (!s.topology.cdn) return 0;
  const routes = s.cdn.routes.length > 0 ? s.cdn.routes : [{ share: 1, cacheControl: 'public, max-age=60' }];
  const total = routes.reduce((n, r) => n + r.share, 0);
  let hits = 0;
  let reads = 0;
  for (const r of routes) {
    const cc = parseCacheControl(r.cacheControl);
    const ttl = cc.ok && cc.value.storable ? cc.value.edgeTtlMs : 0;
    for (const g of groups) {
      for (const b of g.buckets) {
        const read = (rps / 1000) * (r.share / total) * b.p * g.readRatio;
        reads += read * b.count;
        hits += read * ttlHit(read, ttl, w) * b.count;
      }
    }
  }
  return reads > 0 ? hits / reads : 0;
}

/**
 * Engine events per simulated second of `s` while requests arrive at `requestRps` a second (the mean of
 * the workload's rate, its phases and changes over `w`), in force over the window `w` of the run.
 */
export function eventsPerSecond(s: Scenario, requestRps: number, w: Window): number {
  // How many attempts a request takes depends on failures no formula here foresees (a retry storm is an
  // overload feeding itself). Between none failing (1 attempt) and all failing (1 + retries), the
  // geometric mean is within 2x of either for up to 3 retries.
  const rps = requestRps * Math.sqrt(1 + s.workload.client.retries);
  const groups = keyGroups(s);
  const cdnHit = cdnHitRatio(s, groups, rps, w);
  const readRatio = groups.reduce(
    (n, g) => n + g.buckets.reduce((a, b) => a + b.p * b.count, 0) * g.readRatio,
    0,
  );
  const perRequest = 1 + (s.workload.client.timeoutMs !== null ? 1 : 0);
  let perSecond = rps * perRequest;
  perSecond += rps * (1 - readRatio) * (writeEvents(s) + (s.topology.cdn ? 1 : 0));
  for (const g of groups) perSecond += readEvents(s, g, rps, cdnHit, w) * 1000;
  perSecond += rps * readRatio * (1 - cdnHit) * (s.topology.cdn ? 1 : 0);
  // What runs on its own clock: the sampler and Redis's active expiry, then the mechanisms' timers.
  perSecond += 1 + s.cache.l2.hz * s.topology.redisShards;
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

/** Keys of the key space: the families' total, or the workload's. */
function keyCount(s: Scenario): number {
  const { workload } = s;
  return workload.families.length > 0 ? workload.families.reduce((n, f) => n + f.keys, 0) : workload.keys;
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
