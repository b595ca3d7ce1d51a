import type { Outcome } from '../engine/types.ts';

/**
 * One colour per outcome, shared by the stage, the charts and the legend.
 * Okabe-Ito, so the seven outcomes stay distinguishable for colour-blind viewers; stale gets the
 * vermillion that no other outcome is near, so a stale response is unmistakable.
 * `error` is black; dark themes should swap it for a light grey via a CSS variable.
 */
export const OUTCOME_COLORS: Record<Outcome, string> = {
  'l1-hit': '#009E73',
  'l2-hit': '#56B4E9',
  'cdn-hit': '#CC79A7',
  db: '#E69F00',
  stale: '#D55E00',
  write: '#0072B2',
  error: '#000000',
};

/** Legend text for each outcome, in plain words. */
export const OUTCOME_LABELS: Record<Outcome, string> = {
  'l1-hit': 'L1 hit',
  'l2-hit': 'L2 hit',
  'cdn-hit': 'CDN hit',
  db: 'Miss to database',
  stale: 'Stale value served',
  write: 'Write',
  error: 'Error or lost',
};
