import type { Outcome } from '../engine/types.ts';

/**
 * One colour per outcome, shared by the stage, the charts and the legend, chosen (from Okabe-Ito where
 * it could be) so that people with protanopia or deuteranopia tell them apart in both themes: the
 * outcomes drawn as dots differ by CIEDE2000 >= 20 under both simulations, every other pair and each
 * colour against the stage by >= 10 (test/render/palette.test.ts computes it). Stale gets the
 * vermillion no other outcome is near; writes a violet far from the blue of L2 hits.
 * `error` follows the theme (black on the light stage, white on the dark one) through a CSS variable.
 */
export const OUTCOME_COLORS: Record<Outcome, string> = {
  'l1-hit': '#008F6C',
  'l2-hit': '#56B4E9',
  'cdn-hit': '#730088',
  db: '#E69F00',
  stale: '#D55E00',
  write: '#B538E3',
  error: 'var(--outcome-error)',
};

/** The error colour per theme: the value of `--outcome-error` in theme.css (the palette test reads both). */
export const ERROR_COLORS = { light: '#000000', dark: '#ffffff' } as const;

// The words for each outcome are in the label map; re-exported beside the colours they go with.
export { OUTCOME_LABELS } from '../labels/options.ts';

/** Requests whose outcome the engine has not decided yet (still travelling), drawn as hollow rings. */
export const PENDING_COLOR = '#8a8f98';

/**
 * How each outcome is drawn on the canvas and in the legend: shape is a second cue besides colour,
 * and the stale diamond is drawn larger so a stale response stands out. A ring (hollow) is a request
 * whose outcome is not known yet.
 */
export type ParticleShape = 'dot' | 'ring' | 'diamond' | 'square' | 'triangle' | 'cross';

/**
 * Particles that are no request's outcome: an invalidation Redis pushes to an instance under client
 * tracking (a hop whose `op` is `invalidate`), drawn as a dark teal cross (a copy struck out) from the shard
 * to the instance. The teal keeps >= 10 CIEDE2000 from every outcome under both deficiencies (palette test).
 */
export const INVALIDATION_COLOR = '#0A5C5C';
export const INVALIDATION_SHAPE: ParticleShape = 'cross';
export const INVALIDATION_LABEL = 'Invalidation (Redis to instance)';

export const OUTCOME_SHAPES: Readonly<Record<Outcome, ParticleShape>> = {
  'l1-hit': 'dot',
  'l2-hit': 'dot',
  'cdn-hit': 'dot',
  db: 'dot',
  stale: 'diamond',
  write: 'triangle',
  error: 'square',
};

/** Outcomes (and the invalidation kind, last) as small integers for a Uint8Array (0 = pending). */
export const OUTCOME_CODES: readonly (Outcome | 'pending' | 'invalidation')[] = [
  'pending',
  'l1-hit',
  'l2-hit',
  'cdn-hit',
  'db',
  'stale',
  'write',
  'error',
  'invalidation',
];

/** The code of an invalidation particle. */
export const INVALIDATION_CODE = OUTCOME_CODES.indexOf('invalidation');

export function outcomeCode(outcome: Outcome | null): number {
  if (outcome === null) return 0;
  const i = OUTCOME_CODES.indexOf(outcome);
  return i < 0 ? 0 : i;
}

/** The canvas colour of an outcome code; `error` is the theme's, read from CSS by the caller. */
export function codeColor(code: number, errorColor: string): string {
  const o = OUTCOME_CODES[code];
  if (o === undefined || o === 'pending') return PENDING_COLOR;
  if (o === 'invalidation') return INVALIDATION_COLOR;
  return o === 'error' ? errorColor : OUTCOME_COLORS[o];
}

export function codeShape(code: number): ParticleShape {
  const o = OUTCOME_CODES[code];
  if (o === 'invalidation') return INVALIDATION_SHAPE;
  return o === undefined || o === 'pending' ? 'ring' : OUTCOME_SHAPES[o];
}
