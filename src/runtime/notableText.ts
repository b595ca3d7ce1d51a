import type { SimMs } from '../engine/types.ts';

/** How far ahead "Next notable event" looks for an alert before giving up (simulated ms). */
export const HORIZON_MS = 30_000;

/** What the stage says when a jump from `nowMs` found nothing: within the horizon, or to the run's end. */
export function nothingAhead(nowMs: SimMs, durationMs: SimMs): string {
  return nowMs + HORIZON_MS >= durationMs
    ? 'Nothing notable before the run ends'
    : `Nothing notable ahead in the next ${HORIZON_MS / 1000} s`;
}
