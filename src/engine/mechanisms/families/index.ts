import { random } from '../../core/rng.ts';
import { sampleRank, type RankSampler } from '../../core/zipf.ts';
import type { Scenario } from '../../../scenario/schema.ts';
import type { Ctx } from '../../flow/context.ts';
import type { Mechanism, ModelEnv } from '../../flow/mechanism.ts';
import { startRequest } from '../../flow/requests.ts';
import type { LayerStats, Outcome } from '../../flow/types.ts';

/**
 * Key families (`workload.families`): product, price, inventory, session... each with its own share of
 * requests, popularity and read ratio, and, when its stale reads cost the business, a consequence. The
 * keyspace they lay out (names, TTLs, sizes, bypass) is the flow's (flow/keyspace.ts); this mechanism
 * picks each request's family and key, and counts each family's figures.
 */
export interface FamilyModel {
  names: string[];
  offsets: Int32Array;
  groupOf: Uint8Array;
  bypass: Uint8Array;
  /** Cumulative normalised shares, for picking a family with one uniform draw. */
  cumShare: Float64Array;
  popularity: RankSampler[];
  readRatio: Float64Array;
  /** Index into CONSEQUENCES (0: none). */
  consequence: Uint8Array;
}

/** Consequence codes, in the order of `Summary.consequences` after the leading 'none'. */
export const CONSEQUENCES = ['none', 'oversell', 'wrong-price', 'revoked-access', 'wrong-balance'] as const;

/** The families' tables, null without families. */
function buildFamilies(scenario: Scenario, env: ModelEnv): FamilyModel | null {
  const { workload } = scenario;
  const fams = workload.families;
  const n = fams.length;
  if (n === 0) return null;
  const offsets = new Int32Array(n + 1);
  fams.forEach((f, i) => (offsets[i + 1] = offsets[i]! + f.keys));
  const total = fams.reduce((sum, f) => sum + f.share, 0);
  const cumShare = new Float64Array(n);
  let acc = 0;
  fams.forEach((f, i) => (cumShare[i] = acc += f.share / total));
  cumShare[n - 1] = 1; // no rounding gap at the top
  return {
    names: fams.map((f) => f.name),
    offsets,
    groupOf: env.groups!.groupOf,
    bypass: Uint8Array.from(fams, (f) => (f.bypass ? 1 : 0)),
    cumShare,
    popularity: fams.map((f) => env.table(f.keys, f.zipf ?? workload.zipf)),
    readRatio: Float64Array.from(fams, (f) => f.readRatio ?? workload.readRatio),
    consequence: Uint8Array.from(fams, (f) => CONSEQUENCES.indexOf(f.consequence)),
  };
}

const modelOf = (c: Ctx): FamilyModel => c.m.mech.families as FamilyModel;
const statsOf = (c: Ctx): FamilyStats => c.s.mech.families as FamilyStats;

/**
 * A request at an arrival: the hot key (key 0) if the draw says so, else a family by share, then a rank
 * by Zipf, then read or write by the family's read ratio.
 */
function request(c: Ctx): void {
  const fm = modelOf(c);
  const rng = c.s.rng;
  const hot = c.m.scenario.workload.hotKey;
  let key: number;
  if (hot !== null && random(rng) < hot.share) key = 0;
  else {
    const u = random(rng);
    let f = 0;
    while (u >= fm.cumShare[f]!) f++;
    key = fm.offsets[f]! + sampleRank(fm.popularity[f]!, rng);
  }
  const isRead = random(rng) < fm.readRatio[fm.groupOf[key]!]!;
  startRequest(c, isRead, key, 0);
}

// Per-family counters, FIELDS numbers per family.
const F_REQ = 0;
const F_READS = 1;
const F_L1_HIT = 2;
const F_L1_MISS = 3;
const F_L2_HIT = 4;
const F_L2_MISS = 5;
const F_STALE = 6;
const FIELDS = 7;

export interface FamilyStats {
  counts: Float64Array;
  /** Stale reads served per consequence code (index 0, 'none', unused). */
  consequences: Float64Array;
}

function createFamilyStats(fm: FamilyModel | null): FamilyStats | null {
  if (fm === null) return null;
  return {
    counts: new Float64Array(fm.names.length * FIELDS),
    consequences: new Float64Array(CONSEQUENCES.length),
  };
}

/**
 * Counts a response against its family. Layer hits and misses follow from the outcome: a read answered
 * from L1 hit it, any other read of a cached family missed L1 (when there is one) and then hit or missed
 * Redis. A stale value served from a cache, for a family with a consequence, counts one business incident.
 */
function recordFamilyResponse(c: Ctx, key: number, outcome: Outcome, stale: boolean, isWrite: boolean): void {
  const fm = modelOf(c);
  const st = statsOf(c);
  const f = fm.groupOf[key]!;
  const b = f * FIELDS;
  const n = st.counts;
  n[b + F_REQ]!++;
  if (isWrite || outcome === 'error') return;
  n[b + F_READS]!++;
  if (outcome === 'l1-hit') n[b + F_L1_HIT]!++;
  else if (c.m.l1Enabled && fm.bypass[f] === 0 && outcome !== 'cdn-hit') n[b + F_L1_MISS]!++;
  if (outcome === 'l2-hit') n[b + F_L2_HIT]!++;
  else if (outcome === 'db' && fm.bypass[f] === 0 && c.m.scenario.cache.strategy !== 'none')
    n[b + F_L2_MISS]!++;
  if (stale) {
    n[b + F_STALE]!++;
    // A business incident is a stale value a cache handed out; a direct read that loses the race with a
    // write committed while its answer travels back is counted stale, but no cache could have helped.
    if (outcome !== 'db') st.consequences[fm.consequence[f]!]!++;
  }
}

const layer = (hits: number, misses: number): LayerStats => ({
  hits,
  misses,
  hitRatio: hits + misses > 0 ? hits / (hits + misses) : 0,
});

/** One key family's figures (`workload.families`). */
export interface FamilySummary {
  name: string;
  keys: number;
  requests: number;
  reads: number;
  l1: LayerStats;
  l2: LayerStats;
  staleReads: number;
  consequence: string;
}

export interface FamiliesSummary {
  families: FamilySummary[];
  /** Stale reads of families whose staleness costs the business, one incident per read. */
  consequences: { oversold: number; wrongPrices: number; revokedAllowed: number; wrongBalances: number };
}

/** The per-family rows and the business consequences for the Summary. */
function familySummary(fm: FamilyModel | null, st: FamilyStats | null): FamiliesSummary {
  const cons = st?.consequences;
  const consequences = {
    oversold: cons?.[1] ?? 0,
    wrongPrices: cons?.[2] ?? 0,
    revokedAllowed: cons?.[3] ?? 0,
    wrongBalances: cons?.[4] ?? 0,
  };
  if (fm === null || st === null) return { families: [], consequences };
  const families: FamilySummary[] = fm.names.map((name, f) => {
    const n = (i: number) => st.counts[f * FIELDS + i]!;
    return {
      name,
      keys: fm.offsets[f + 1]! - fm.offsets[f]!,
      requests: n(F_REQ),
      reads: n(F_READS),
      l1: layer(n(F_L1_HIT), n(F_L1_MISS)),
      l2: layer(n(F_L2_HIT), n(F_L2_MISS)),
      staleReads: n(F_STALE),
      consequence: CONSEQUENCES[fm.consequence[f]!]!,
    };
  });
  return { families, consequences };
}

export const families: Mechanism<FamilyModel | null, FamilyStats | null, FamiliesSummary> = {
  name: 'families',
  reads: ['workload.families', 'workload.hotKey', 'workload.zipf', 'workload.readRatio', 'cache.strategy'],
  model: buildFamilies,
  // No reconcile: its counts are per family (`workload.families`, restart-only); the popularity tables
  // that `workload.zipf` and `hotKey` change are the model's, rebuilt at the change.
  state: (_m, fm) => createFamilyStats(fm),
  request: (fm) => (fm === null ? null : request),
  hooks: (fm) => (fm === null ? {} : { outcome: recordFamilyResponse }),
  summary: (c) =>
    familySummary(c.m.mech.families as FamilyModel | null, c.s.mech.families as FamilyStats | null),
};
