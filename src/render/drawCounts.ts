/**
 * The draw counts the page and the engine's worker share, apart from the "automatic" controller
 * (drawLimit.ts) so that the worker's bundle carries only these numbers.
 */

/** The fixed choices, in the app's control and the embed's `particles=` option. */
export const DRAW_CHOICES: readonly number[] = [1000, 2000, 5000, 10_000, 20_000];
/** The most any setting draws: the page's particle buffer holds twice this (see session.ts). */
export const MAX_DRAWN = 20_000;
/** What a run draws before the page said anything (and what "automatic" starts from). */
export const DEFAULT_DRAWN = 5000;
