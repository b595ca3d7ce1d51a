import { detPow } from './detMath.ts';
import { nextUint32, random, type RngState } from './rng.ts';

/** Zipf popularity over ranks 0..n-1: p_i proportional to 1/(i+1)^s (s = 0 is uniform). */
export function zipfProbabilities(n: number, s: number): Float64Array {
  const p = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const w = 1 / detPow(i + 1, s);
    p[i] = w;
    total += w;
  }
  for (let i = 0; i < n; i++) p[i]! /= total;
  return p;
}

/** Walker's alias table: an exact O(1) sampler over a discrete distribution. */
export interface AliasTable {
  prob: Float64Array;
  alias: Int32Array;
  /**
   * The table as a draw uses it, 8 bytes an entry: the coin threshold as a 32-bit integer, then the alias.
   * Half the memory of two float arrays, so 10^5 keys fit in a core's cache, and the coin is compared
   * with a full 32-bit draw of its own instead of the leftover bits of the index draw.
   */
  packed: Uint32Array;
}

/**
 * Builds an alias table (Vose's method) for the given probabilities.
 *
 * @example
 * const table = buildAliasTable(zipfProbabilities(100_000, 0.99));
 * const rank = sampleAlias(table, rng);
 */
export function buildAliasTable(p: Float64Array): AliasTable {
  const n = p.length;
  const prob = new Float64Array(n);
  const alias = new Int32Array(n);
  const scaled = new Float64Array(n);
  const small = new Int32Array(n);
  const large = new Int32Array(n);
  let ns = 0;
  let nl = 0;
  for (let i = 0; i < n; i++) {
    scaled[i] = p[i]! * n;
    if (scaled[i]! < 1) small[ns++] = i;
    else large[nl++] = i;
  }
  while (ns > 0 && nl > 0) {
    const s = small[--ns]!;
    const l = large[--nl]!;
    prob[s] = scaled[s]!;
    alias[s] = l;
    scaled[l] = scaled[l]! + scaled[s]! - 1;
    if (scaled[l]! < 1) small[ns++] = l;
    else large[nl++] = l;
  }
  // Entries left over keep their own index (alias to themselves), so a draw lands on them whatever the coin.
  while (nl > 0) {
    const l = large[--nl]!;
    prob[l] = 1;
    alias[l] = l;
  }
  while (ns > 0) {
    const s = small[--ns]!; // rounding leftovers
    prob[s] = 1;
    alias[s] = s;
  }
  const packed = new Uint32Array(2 * n);
  for (let i = 0; i < n; i++) {
    // A full entry (prob 1) saturates at 2^32 - 1; its alias is itself, so the rare failed coin is harmless.
    packed[2 * i] = Math.min(4294967295, Math.floor(prob[i]! * 4294967296));
    packed[2 * i + 1] = alias[i]!;
  }
  return { prob, alias, packed };
}

export function sampleAlias(t: AliasTable, rng: RngState): number {
  const i = Math.floor(random(rng) * t.prob.length);
  return nextUint32(rng) < t.packed[2 * i]! ? i : t.packed[2 * i + 1]!;
}

/**
 * Draws ranks from a popularity distribution, cache-friendly for large ones: the first `headSize` ranks
 * (the most popular under Zipf) get an alias table of their own, small enough to stay in the CPU cache,
 * the rest another, and a 32-bit draw against the head's total mass picks which. That is an exact
 * mixture (its weights to 2^-32, as fine as the alias coin), and most draws never touch the big table,
 * where every draw would be a cache miss. A distribution that fits in the head is one table, drawn from
 * exactly as sampleAlias does.
 */
export interface RankSampler {
  head: AliasTable;
  /** Ranks from head size on, or null when there are none (or they have no mass). */
  tail: AliasTable | null;
  /** The head's mass times 2^32: a 32-bit draw below it picks the head. */
  headCut: number;
}

/** 4096 ranks: 32 KB of packed alias entries. Under Zipf 0.99 over 10^5 keys they take ~3/4 of draws. */
export const RANK_HEAD_SIZE = 4096;

/**
 * Builds a rank sampler for the given probabilities (summing to 1).
 *
 * @example
 * const popularity = buildRankSampler(zipfProbabilities(100_000, 0.99));
 * const rank = sampleRank(popularity, rng);
 */
export function buildRankSampler(p: Float64Array, headSize = RANK_HEAD_SIZE): RankSampler {
  let headMass = 0;
  for (let i = 0; i < Math.min(headSize, p.length); i++) headMass += p[i]!;
  let tailMass = 0;
  for (let i = headSize; i < p.length; i++) tailMass += p[i]!;
  // Nothing to split off (or nothing left in the head): one table over everything.
  if (tailMass === 0 || headMass === 0) return { head: buildAliasTable(p), tail: null, headCut: 0 };
  const total = headMass + tailMass;
  const scaled = (from: number, to: number, mass: number): Float64Array =>
    p.slice(from, to).map((x) => x / mass);
  return {
    head: buildAliasTable(scaled(0, headSize, headMass)),
    tail: buildAliasTable(scaled(headSize, p.length, tailMass)),
    headCut: Math.round((headMass / total) * 4294967296),
  };
}

/** Ranks a sampler draws from. */
export function rankCount(t: RankSampler): number {
  return t.head.prob.length + (t.tail?.prob.length ?? 0);
}

/**
 * One rank: from the head's table with the head's probability, else from the tail's.
 *
 * @example
 * const key = sampleRank(model.popularity, rng); // 0 is the most popular
 */
export function sampleRank(t: RankSampler, rng: RngState): number {
  if (t.tail === null || nextUint32(rng) < t.headCut) return sampleAlias(t.head, rng);
  return t.head.prob.length + sampleAlias(t.tail, rng);
}
