import { zipfProbabilities } from './core/zipf.ts';
import { parseCacheControl } from '../scenario/cacheControl.ts';
import type { Scenario } from './types.ts';

/**
 * What a scenario will cost to run, estimated before running it: engine events per simulated second
 * from the request rate, the hops each request makes (cache hit ratios estimated with the TTL formula of
 * fidelity.md 1, per key) and the mechanisms that are on, plus the set-up work for the key tables and
 * the warm-up. Within a factor of 2 of the measured events on every preset (test/engine/cost.test.ts).
 * Pure and fast: O(keys) arithmetic, no simulation.
 */
export interface CostEstimate {
  /** Engine events per second of simulated time, averaged over the run. */
  eventsPerSimSecond: number;
  /** Events of the whole run. */
  events: number;
  /** Key operations before the first event: key tables, popularity tables, warm-up, CDN tables. */
  setupKeys: number;
  /** Events plus set-up, in event equivalents (a key of set-up costs about what an event does). */
  work: number;
  /**
   * Bytes of per-key state the run keeps (database rows, Redis entries of a warm-up, CDN tables): what a
   * snapshot for seeking copies, so what makes a big key space slow to scrub in the app.
   */
  stateBytes: number;
  /** More than `COST_BUDGET`: the app asks before running it, the CLI wants `--force`. */
  overBudget: boolean;
}

/** Work above which a run is worth a question: about a minute of wall time on a 2-core machine. */
export const COST_BUDGET = 300_000_000;

/** Per-key TTL hit probability for a key read at `rate` per ms, kept `ttl` ms after insertion. */
const ttlHit = (rate: number, ttl: number): number =>
  ttl === Infinity ? (rate > 0 ? 1 : 0) : (rate * ttl) / (1 + rate * ttl);

/** Mean requests per second over the run, phases included. */
function meanRps(s: Scenario): number {
  let t = 0;
  let rps = s.workload.rps;
  let area = 0;
  for (const p of s.workload.phases) {
    const at = Math.min(p.atMs, s.durationMs);
    area += rps * (at - t);
    t = at;
    rps = p.rps;
  }
  return (area + rps * (s.durationMs - t)) / s.durationMs;
}

interface KeyGroup {
  p: Float64Array;
  readRatio: number;
  l2TtlMs: number;
  l1TtlMs: number;
  bypass: boolean;
}

/** Each family (or the one implicit family) with its keys' shares of all requests. */
function keyGroups(s: Scenario): KeyGroup[] {
  const { workload, cache } = s;
  const hot = workload.hotKey?.share ?? 0;
  const fams = workload.families.length > 0 ? workload.families : null;
  const groups: KeyGroup[] = fams
    ? fams
        .map((f) => ({
          p: zipfProbabilities(f.keys, f.zipf ?? workload.zipf),
          share: f.share / fams.reduce((n, g) => n + g.share, 0),
          readRatio: f.readRatio ?? workload.readRatio,
          l2TtlMs: f.ttlMs ?? Infinity,
          l1TtlMs: f.l1TtlMs ?? cache.l1.ttlMs ?? Infinity,
          bypass: f.bypass,
        }))
        .map(({ share, ...g }) => ({ ...g, p: g.p.map((x) => x * share * (1 - hot)) }))
    : [
        {
          p: zipfProbabilities(workload.keys, workload.zipf).map((x) => x * (1 - hot)),
          readRatio: workload.readRatio,
          l2TtlMs: cache.l2.ttlMs ?? Infinity,
          l1TtlMs: cache.l1.ttlMs ?? Infinity,
          bypass: false,
        },
      ];
  groups[0]!.p[0]! += hot;
  return groups;
}

/** Events of a read that misses L1: the GET and its reply, and on a miss the query, its reply and the SET. */
function readEvents(s: Scenario, g: KeyGroup, rps: number, cdnHit: number): number {
  const { cache, topology } = s;
  const perMs = (rps * (1 - cdnHit)) / 1000;
  const l1On = cache.l1.enabled && cache.strategy !== 'none';
  const l1Cap = l1On ? (cache.l1.maxKeys ?? Infinity) : 0;
  const l2Cap = (cache.l2.maxKeys ?? Infinity) * topology.redisShards;
  const copies = cache.hotKeys.replicas > 1 ? cache.hotKeys.replicas : 1;
  const lockExtra = cache.stampede.mode === 'lock' ? 6 : 0;
  let events = 0;
  for (let i = 0; i < g.p.length; i++) {
    const read = perMs * g.p[i]! * g.readRatio;
    if (read === 0) continue;
    if (g.bypass || cache.strategy === 'none') {
      events += 3 * read;
      continue;
    }
    const write = perMs * g.p[i]! * (1 - g.readRatio);
    const h1 = i < l1Cap ? ttlHit(read / topology.instances, g.l1TtlMs) : 0;
    const toL2 = read * (1 - h1);
    // Writes end a cached value's life early (cache-aside deletes it): the mean lifetime shrinks.
    const ttl = cache.strategy === 'ttl-only' || write === 0 ? g.l2TtlMs : 1 / (1 / g.l2TtlMs + write);
    const h2 = i < l2Cap ? ttlHit(toL2, ttl) : 0;
    events += toL2 * (2 + (1 - h2) * (3 + copies + lockExtra));
  }
  return events;
}

/** Events of one write after its arrival, by strategy: the query, then what it does to the cache. */
function writeEvents(s: Scenario): number {
  const copies = s.cache.hotKeys.replicas > 1 ? 1.1 : 1;
  switch (s.cache.strategy) {
    case 'none':
    case 'ttl-only':
      return 3;
    case 'write-through':
      return 5;
    case 'write-behind':
      return 2 + 3 / s.cache.writeBehind.batchSize;
    case 'cdc':
      return 5 + copies;
    default:
      return 3 + copies;
  }
}

/** Share of reads the CDN edge answers (0 without a CDN), with the TTL formula per route and key. */
function cdnHitRatio(s: Scenario, groups: KeyGroup[], rps: number): number {
  if (!s.topology.cdn) return 0;
  const routes = s.cdn.routes.length > 0 ? s.cdn.routes : [{ share: 1, cacheControl: 'public, max-age=60' }];
  const total = routes.reduce((n, r) => n + r.share, 0);
  let hits = 0;
  let reads = 0;
  for (const r of routes) {
    const cc = parseCacheControl(r.cacheControl);
    const ttl = cc.ok && cc.value.storable ? cc.value.edgeTtlMs : 0;
    for (const g of groups) {
      for (let i = 0; i < g.p.length; i++) {
        const read = (rps / 1000) * (r.share / total) * g.p[i]! * g.readRatio;
        reads += read;
        hits += read * ttlHit(read, ttl);
      }
    }
  }
  return reads > 0 ? hits / reads : 0;
}

/**
 * Estimates the cost of running `scenario`.
 *
 * @example
 * const cost = estimateCost(getPreset('baseline'));
 * if (cost.overBudget) console.log(`about ${cost.events} events: ask first`);
 */
export function estimateCost(scenario: Scenario): CostEstimate {
  const s = scenario;
  // How many attempts a request takes depends on failures no formula here foresees (a retry storm is an
  // overload feeding itself). Between none failing (1 attempt) and all failing (1 + retries), the
  // geometric mean is within 2x of either for up to 3 retries.
  const rps = meanRps(s) * Math.sqrt(1 + s.workload.client.retries);
  const groups = keyGroups(s);
  const cdnHit = cdnHitRatio(s, groups, rps);
  const readRatio = groups.reduce((n, g) => n + g.p.reduce((a, x) => a + x, 0) * g.readRatio, 0);
  const perRequest = 1 + (s.workload.client.timeoutMs !== null ? 1 : 0);
  let perSecond = rps * perRequest;
  perSecond += rps * (1 - readRatio) * (writeEvents(s) + (s.topology.cdn ? 1 : 0));
  for (const g of groups) perSecond += readEvents(s, g, rps, cdnHit) * 1000;
  perSecond += rps * readRatio * (1 - cdnHit) * (s.topology.cdn ? 1 : 0);
  // Mechanisms that run on their own clock.
  const { cache, topology } = s;
  perSecond += 1 + cache.l2.hz * topology.redisShards;
  if (cache.strategy === 'write-behind')
    perSecond += (topology.instances * 1000) / cache.writeBehind.flushIntervalMs;
  if (cache.stampede.mode === 'background-refresh' && cache.l2.ttlMs !== null) {
    perSecond +=
      (Math.min(cache.stampede.refreshTopKeys, groups[0]!.p.length) * 6 * 1000) /
      (cache.l2.ttlMs * cache.stampede.refreshAt);
  }
  const keys = groups.reduce((n, g) => n + g.p.length, 0);
  const warmed = cache.warming.enabled ? Math.min(cache.warming.topKeys, keys) : 0;
  const cdnTables = topology.cdn ? Math.max(1, s.cdn.routes.length) * keys : 0;
  const setupKeys = keys + warmed + cdnTables;
  const events = (perSecond * s.durationMs) / 1000;
  const work = events + setupKeys;
  // 4 float64 columns per database row, about 70 bytes per Redis entry, 16 per CDN slot.
  const stateBytes = keys * 32 + warmed * 70 + cdnTables * 16;
  return {
    eventsPerSimSecond: perSecond,
    events,
    setupKeys,
    work,
    stateBytes,
    overBudget: work > COST_BUDGET,
  };
}
