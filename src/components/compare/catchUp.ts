import type { SimMs } from '../../engine/types.ts';

/**
 * Whether runs A and B of a comparison stand at one time, so their figures may be compared. After a
 * link's `t=`, a seek or "Next notable event", one run (or both) re-simulates to the new time; until
 * both are there, the compare view says which is catching up and gives no verdicts. Pure, so the rule
 * is tested without a browser.
 */

/** One run's clock as its store holds it. */
export interface RunClock {
  nowMs: SimMs;
  /** Where a seek is going while the engine re-simulates; null when none is running. */
  seekTargetMs: SimMs | null;
}

export interface CatchUp {
  /** The run (or runs) not yet at the time both are going to. */
  runs: 'A' | 'B' | 'A and B';
  /** The time both are going to. */
  targetMs: SimMs;
  /** Where each run is now. */
  aMs: SimMs;
  bMs: SimMs;
}

/**
 * How far apart (simulated ms) the two clocks may be and still count as one time. Playing, each run's
 * store hears its clock at most ten times a second and its Summary four times, and the frames hold each
 * run at most two frames ahead of the other: half a second of wall time at the speed covers that. Paused,
 * the two stop at most two frames apart before B is moved to A's time: 50 ms of wall time covers that.
 */
export function clockTolerance(playing: boolean, speed: number): SimMs {
  return (playing ? 500 : 50) * speed;
}

/**
 * Null when A and B are at one time (within `toleranceMs`), else which run is catching up to where.
 *
 * @example catchingUp({ nowMs: 30_000, seekTargetMs: null }, { nowMs: 0, seekTargetMs: 30_000 }, 50)
 * // { runs: 'B', targetMs: 30_000, aMs: 30_000, bMs: 0 }
 */
export function catchingUp(a: RunClock, b: RunClock, toleranceMs: SimMs): CatchUp | null {
  const aTo = a.seekTargetMs ?? a.nowMs;
  const bTo = b.seekTargetMs ?? b.nowMs;
  const aBehind = Math.abs(aTo - a.nowMs) > toleranceMs;
  const bBehind = Math.abs(bTo - b.nowMs) > toleranceMs;
  if (!aBehind && !bBehind && Math.abs(a.nowMs - b.nowMs) <= toleranceMs) return null;
  // A run with no seek of its own, and behind the other, is catching up to the other's time (B is
  // moved to A's after a pause or "Next notable event").
  if (aBehind && bBehind) return { runs: 'A and B', targetMs: aTo, aMs: a.nowMs, bMs: b.nowMs };
  if (aBehind) return { runs: 'A', targetMs: aTo, aMs: a.nowMs, bMs: b.nowMs };
  if (bBehind) return { runs: 'B', targetMs: bTo, aMs: a.nowMs, bMs: b.nowMs };
  const targetMs = Math.max(a.nowMs, b.nowMs);
  return { runs: a.nowMs < b.nowMs ? 'A' : 'B', targetMs, aMs: a.nowMs, bMs: b.nowMs };
}
