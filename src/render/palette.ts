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

// The words for each outcome are in the label map; re-exported beside the colours they go with.
export { OUTCOME_LABELS } from '../labels/options.ts';

/** Requests whose outcome the engine has not decided yet (still travelling). */
export const PENDING_COLOR = '#8a8f98';

/**
 * How each outcome is drawn on the canvas and in the legend: shape is a second cue besides colour,
 * and the stale diamond is drawn larger so a stale response stands out.
 */
export type ParticleShape = 'dot' | 'diamond' | 'square' | 'triangle';

export const OUTCOME_SHAPES: Readonly<Record<Outcome, ParticleShape>> = {
  'l1-hit': 'dot',
  'l2-hit': 'dot',
  'cdn-hit': 'dot',
  db: 'dot',
  stale: 'diamond',
  write: 'triangle',
  error: 'square',
};

/** Outcomes as small integers so particles can store them in a Uint8Array (0 = pending). */
export const OUTCOME_CODES: readonly (Outcome | 'pending')[] = [
  'pending',
  'l1-hit',
  'l2-hit',
  'cdn-hit',
  'db',
  'stale',
  'write',
  'error',
];

export function outcomeCode(outcome: Outcome | null): number {
  if (outcome === null) return 0;
  const i = OUTCOME_CODES.indexOf(outcome);
  return i < 0 ? 0 : i;
}

export function codeColor(code: number): string {
  const o = OUTCOME_CODES[code];
  return o === undefined || o === 'pending' ? PENDING_COLOR : OUTCOME_COLORS[o];
}

export function codeShape(code: number): ParticleShape {
  const o = OUTCOME_CODES[code];
  return o === undefined || o === 'pending' ? 'dot' : OUTCOME_SHAPES[o];
}
