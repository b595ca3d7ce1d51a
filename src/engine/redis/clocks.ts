/**
 * The two coarse clocks Redis keeps in each object's 24-bit `lru` field (server.h, evict.c):
 *
 * - LRU policies store the LRU clock: wall time in whole seconds (LRU_CLOCK_RESOLUTION = 1000 ms), kept in
 *   24 bits, so it wraps every 2^24 s (194 days). Idle time is estimated from two clock readings, so two
 *   accesses within the same second look equally recent: when a cache turns over in under a second,
 *   sampled LRU can no longer tell its keys apart and behaves much like random eviction.
 * - LFU policies store the last decrement time in 16 bits of minutes (wrapping every 45.5 days) next to
 *   the 8-bit counter; decay is counted in whole minutes elapsed on that clock.
 *
 * Both wrap as Redis's do, including Redis's way of measuring across the wrap (one tick short). The
 * simulation's t = 0 stands for a wall time `originMs` (0 by default, so a run never reaches a wrap;
 * tests move the origin to just before one). Redis reads its LRU clock from a copy its cron refreshes
 * every 1000/hz ms; that only moves the moment each second's tick is seen by up to 100 ms, which is the
 * same as a different origin, so it is left out.
 */

/** LRU_CLOCK_RESOLUTION: milliseconds per LRU clock tick. */
export const LRU_CLOCK_RESOLUTION_MS = 1000;
/** LRU_CLOCK_MAX: the largest value of the 24-bit clock. */
export const LRU_CLOCK_MAX = 2 ** 24 - 1;
/** The largest value of the LFU's 16-bit minute clock. */
export const LFU_MINUTES_MAX = 65_535;
const MS_PER_MINUTE = 60_000;

/**
 * The LRU clock at simulated time `ms`: whole seconds of wall time, modulo 2^24.
 *
 * @example
 * lruClock(2_500); // 2
 * lruClock(0, (2 ** 24 - 1) * 1000); // 16777215, the last value before the wrap
 */
export function lruClock(ms: number, originMs = 0): number {
  return Math.floor((ms + originMs) / LRU_CLOCK_RESOLUTION_MS) % (LRU_CLOCK_MAX + 1);
}

/**
 * Redis's estimateObjectIdleTime: the idle time in ms between an object's clock reading and now's. Across
 * the wrap Redis computes `now + (LRU_CLOCK_MAX - lru)`, one tick less than the true distance; kept as is.
 *
 * @example
 * lruIdleMs(10, 7); // 3000
 * lruIdleMs(1, LRU_CLOCK_MAX); // 1000 (two ticks apart, estimated as one)
 */
export function lruIdleMs(nowClock: number, objClock: number): number {
  const ticks = nowClock >= objClock ? nowClock - objClock : nowClock + (LRU_CLOCK_MAX - objClock);
  return ticks * LRU_CLOCK_RESOLUTION_MS;
}

/**
 * The idle time Redis sees for a key last touched at `lastAccessMs`, now at `nowMs` (both simulated ms).
 *
 * @example
 * estimateIdleMs(1_999, 1_001); // 0: the same second
 * estimateIdleMs(2_000, 1_999); // 1000: one tick apart
 */
export function estimateIdleMs(nowMs: number, lastAccessMs: number, originMs = 0): number {
  return lruIdleMs(lruClock(nowMs, originMs), lruClock(lastAccessMs, originMs));
}

/**
 * LFUGetTimeInMinutes: the LFU clock at simulated time `ms`, whole minutes modulo 2^16.
 *
 * @example
 * lfuMinutes(125_000); // 2
 */
export function lfuMinutes(ms: number, originMs = 0): number {
  return Math.floor((ms + originMs) / MS_PER_MINUTE) % (LFU_MINUTES_MAX + 1);
}

/**
 * LFUTimeElapsed: minutes between a stored minute reading and now's; across the wrap Redis computes
 * `65535 - ldt + now`, one minute short, kept as is.
 *
 * @example
 * lfuMinutesElapsed(5, 2); // 3
 * lfuMinutesElapsed(0, 65_535); // 0 (one minute apart, estimated as none)
 */
export function lfuMinutesElapsed(nowMinutes: number, ldt: number): number {
  return nowMinutes >= ldt ? nowMinutes - ldt : LFU_MINUTES_MAX - ldt + nowMinutes;
}
