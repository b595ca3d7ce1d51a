import type { KeyBucket } from './costKeys.ts';

/**
 * The hit ratio formulas of the cost estimate (fidelity.md 1, a TTL cache per key), shared by the core's
 * formula (costRates.ts) and the mechanisms' terms (a CDN edge is a TTL cache too), and the shapes they
 * pass: the stretch of the run and the groups of keys.
 */

/** The stretch of the run a configuration is in force, in ms from the start. */
export interface Window {
  from: number;
  to: number;
}

/** Keys that share a read ratio and TTLs (a family, or the whole workload), with their popularity. */
export interface KeyGroup {
  buckets: KeyBucket[];
  readRatio: number;
  l2TtlMs: number;
  l1TtlMs: number;
  bypass: boolean;
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
export function ttlHit(rate: number, ttl: number, w: Window, warm = false): number {
  const reads = rate * (w.to - w.from);
  if (reads <= 0) return 0;
  const missesBy = warm ? warmMisses : coldMisses;
  const misses = missesBy(rate, ttl, w.to) - missesBy(rate, ttl, w.from);
  return Math.min(1, Math.max(0, 1 - misses / reads));
}
