import { random } from '../core/rng.ts';
import { buildRankSampler, sampleRank, zipfProbabilities, type RankSampler } from '../core/zipf.ts';
import type { FamilySummary, LayerStats, Outcome, Scenario, Summary } from '../types.ts';
import type { Ctx } from './context.ts';

/**
 * Key families (`workload.families`): product, price, inventory, session... each with its own share of
 * requests, key count, popularity, read ratio, TTLs, value size and policy. A family's keys occupy a
 * contiguous block of global key ids (offset + rank), so every per-key array in the engine keeps working
 * and a key's family is one table lookup.
 */
export interface FamilyModel {
  names: string[];
  /** First global key id of each family, and the total key count at the end (length F + 1). */
  offsets: Int32Array;
  /** Cumulative normalised shares, for picking a family with one uniform draw. */
  cumShare: Float64Array;
  popularity: RankSampler[];
  familyOf: Uint8Array;
  readRatio: Float64Array;
  l1TtlMs: Float64Array;
  l2TtlMs: Float64Array;
  valueBytes: Float64Array;
  bypass: Uint8Array;
  /** Index into CONSEQUENCES (0: none). */
  consequence: Uint8Array;
}

/** Consequence codes, in the order of `Summary.consequences` after the leading 'none'. */
export const CONSEQUENCES = ['none', 'oversell', 'wrong-price', 'revoked-access', 'wrong-balance'] as const;

/** Keys the run addresses: the families' total when there are families, else `workload.keys`. */
export function keyCountOf(scenario: Scenario): number {
  const fams = scenario.workload.families;
  return fams.length === 0 ? scenario.workload.keys : fams.reduce((n, f) => n + f.keys, 0);
}

type TableOf = (keys: number, zipf: number) => RankSampler;
const freshTable: TableOf = (keys, zipf) => buildRankSampler(zipfProbabilities(keys, zipf));

/** The parts of the family tables that no live change can touch: laid out once per run. */
export type FamilyLayout = Omit<FamilyModel, 'popularity' | 'readRatio' | 'l1TtlMs'>;

/**
 * Derives the family tables from the scenario; null when it has no families (one implicit family).
 * Three columns follow workload or cache fields that may change mid-run (a family's null Zipf, read
 * ratio and L1 TTL take those); the rest comes from `layout`, the run's own, when it is given.
 * `table` builds (or finds) a Zipf alias table.
 *
 * @example
 * const fm = buildFamilies(scenario); // fm.offsets -> [0, 1000, 1100] for families of 1000 and 100 keys
 */
export function buildFamilies(
  scenario: Scenario,
  table: TableOf = freshTable,
  layout: FamilyLayout | null = null,
): FamilyModel | null {
  const { workload, cache } = scenario;
  const fams = workload.families;
  if (fams.length === 0) return null;
  return {
    ...(layout ?? familyLayout(scenario)),
    popularity: fams.map((f) => table(f.keys, f.zipf ?? workload.zipf)),
    readRatio: Float64Array.from(fams, (f) => f.readRatio ?? workload.readRatio),
    l1TtlMs: Float64Array.from(fams, (f) => f.l1TtlMs ?? cache.l1.ttlMs ?? Infinity),
  };
}

/** The family layout of a scenario with families. */
export function familyLayout(scenario: Scenario): FamilyLayout {
  const fams = scenario.workload.families;
  const n = fams.length;
  const offsets = new Int32Array(n + 1);
  fams.forEach((f, i) => (offsets[i + 1] = offsets[i]! + f.keys));
  const familyOf = new Uint8Array(offsets[n]!);
  fams.forEach((_, i) => familyOf.fill(i, offsets[i]!, offsets[i + 1]!));
  const total = fams.reduce((sum, f) => sum + f.share, 0);
  const cumShare = new Float64Array(n);
  let acc = 0;
  fams.forEach((f, i) => (cumShare[i] = acc += f.share / total));
  cumShare[n - 1] = 1; // no rounding gap at the top
  return {
    names: fams.map((f) => f.name),
    offsets,
    cumShare,
    familyOf,
    l2TtlMs: Float64Array.from(fams, (f) => f.ttlMs ?? Infinity),
    valueBytes: Float64Array.from(fams, (f) => f.valueBytes),
    bypass: Uint8Array.from(fams, (f) => (f.bypass ? 1 : 0)),
    consequence: Uint8Array.from(fams, (f) => CONSEQUENCES.indexOf(f.consequence)),
  };
}

/** A request's key: the hot key (global key 0) if the draw says so, else a family by share, then a rank by Zipf. */
export function pickFamilyKey(c: Ctx, fm: FamilyModel): number {
  const rng = c.s.rng;
  const hot = c.m.scenario.workload.hotKey;
  if (hot !== null && random(rng) < hot.share) return 0;
  const u = random(rng);
  let f = 0;
  while (u >= fm.cumShare[f]!) f++;
  return fm.offsets[f]! + sampleRank(fm.popularity[f]!, rng);
}

/** `<family>:<rank>` for a global key id. */
export function familyKeyName(fm: FamilyModel, key: number): string {
  const f = fm.familyOf[key] ?? 0;
  return `${fm.names[f]}:${key - fm.offsets[f]!}`;
}

/**
 * Bytes one cached value of `key` takes: its family's `valueBytes`, or `workload.valueBytes` without
 * families. For Redis memory accounting.
 *
 * @example valueBytesOf(model, 42) // 1024 by default
 */
export function valueBytesOf(m: { scenario: Scenario; families: FamilyModel | null }, key: number): number {
  const fm = m.families;
  return fm === null ? m.scenario.workload.valueBytes : fm.valueBytes[fm.familyOf[key]!]!;
}

type TtlModel = { families: FamilyModel | null; l1TtlMs: number; l2TtlMs: number };

/** Redis TTL of `key` (ms, Infinity for none): its family's, or `cache.l2.ttlMs`. */
export function l2TtlOf(m: TtlModel, key: number): number {
  const fm = m.families;
  return fm === null ? m.l2TtlMs : fm.l2TtlMs[fm.familyOf[key]!]!;
}

/** L1 TTL of `key` (ms, Infinity for none): its family's, or `cache.l1.ttlMs`. */
export function l1TtlOf(m: TtlModel, key: number): number {
  const fm = m.families;
  return fm === null ? m.l1TtlMs : fm.l1TtlMs[fm.familyOf[key]!]!;
}

/** False for keys of a `bypass` family: never read from or written to a cache. */
export function isCached(m: { families: FamilyModel | null }, key: number): boolean {
  const fm = m.families;
  return fm === null || fm.bypass[fm.familyOf[key]!] === 0;
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

export function createFamilyStats(fm: FamilyModel | null): FamilyStats | null {
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
export function recordFamilyResponse(
  c: Ctx,
  key: number,
  outcome: Outcome,
  stale: boolean,
  isWrite: boolean,
): void {
  const fm = c.m.families!;
  const st = c.s.famStats!;
  const f = fm.familyOf[key]!;
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

/** The per-family rows and the business consequences for the Summary. */
export function familySummary(
  fm: FamilyModel | null,
  st: FamilyStats | null,
): Pick<Summary, 'families' | 'consequences'> {
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
