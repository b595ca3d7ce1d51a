/**
 * Redis's LFU counter (evict.c, LFULogIncr and LFUDecrAndReturn): 8 bits per key that count accesses
 * logarithmically, so a byte is enough to tell a key read a million times from one read a thousand times.
 * A new key starts at LFU_INIT_VAL so that it is not the first thing evicted before it had a chance to be
 * read again. Idle keys lose one point per `lfu-decay-time` minutes, measured from the last access, which
 * lets yesterday's hot key make room for today's.
 */
import { random, type RngState } from '../core/rng.ts';
import { lfuMinutes, lfuMinutesElapsed } from './clocks.ts';

/** The counter a new key starts with (LFU_INIT_VAL in Redis). */
export const LFU_INIT_VAL = 5;
/** The counter saturates at 255: it is one byte. */
export const LFU_MAX = 255;

/**
 * One access: increments the counter with probability 1 / ((counter - LFU_INIT_VAL) * logFactor + 1),
 * so going from c to c + 1 takes (c - 5) * logFactor + 1 accesses on average. A counter below the
 * initial value (after decay) always increments, as in Redis where the base is clamped at 0.
 *
 * @example
 * let c = LFU_INIT_VAL;
 * for (let i = 0; i < 1000; i++) c = lfuLogIncr(c, 10, rng); // about 19
 */
export function lfuLogIncr(counter: number, logFactor: number, rng: RngState): number {
  if (counter >= LFU_MAX) return LFU_MAX;
  const base = counter > LFU_INIT_VAL ? counter - LFU_INIT_VAL : 0;
  return random(rng) < 1 / (base * logFactor + 1) ? counter + 1 : counter;
}

/**
 * The counter after idle decay (LFUDecrAndReturn): one point per `decayTimeMin` whole minutes elapsed on
 * Redis's 16-bit minute clock between the last access and now (see clocks.ts: a key touched at 0:59
 * loses a point at 1:00, and the clock wraps every 45.5 days). A decay time of 0 turns decay off, as
 * `lfu-decay-time 0` does in Redis's code. `originMs` is the wall time the simulation's t = 0 stands for.
 *
 * @example
 * lfuDecayed(20, 0, 180_000, 1); // 17: three minutes idle
 */
export function lfuDecayed(
  counter: number,
  lastAccessMs: number,
  nowMs: number,
  decayTimeMin: number,
  originMs = 0,
): number {
  if (decayTimeMin <= 0) return counter;
  const elapsedMin = lfuMinutesElapsed(lfuMinutes(nowMs, originMs), lfuMinutes(lastAccessMs, originMs));
  const periods = Math.floor(elapsedMin / decayTimeMin);
  if (periods <= 0) return counter;
  return periods > counter ? 0 : counter - periods;
}

/**
 * What a read or an overwrite does to a key's counter in Redis's updateLFU: decay for the idle time,
 * then one logarithmic increment. The caller then records the access time.
 *
 * @example
 * s.lfu[slot] = lfuOnAccess(s.lfu[slot], s.lastAccess[slot], now, 10, 1, rng);
 */
export function lfuOnAccess(
  counter: number,
  lastAccessMs: number,
  nowMs: number,
  logFactor: number,
  decayTimeMin: number,
  rng: RngState,
  originMs = 0,
): number {
  return lfuLogIncr(lfuDecayed(counter, lastAccessMs, nowMs, decayTimeMin, originMs), logFactor, rng);
}
