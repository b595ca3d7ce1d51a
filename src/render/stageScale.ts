/**
 * How much the stage is drawn larger than it is laid out. The cards, their text, the captions and the
 * requests in flight are laid out in a box of STAGE_REF's proportions and drawn `k` times larger, so a
 * stage that fills a projector reads from the back row (its smallest text, 12 px, is 24 px and more at
 * 1920x1080 in the presenter view) and its requests grow with it. It never draws smaller than laid out
 * (a small box gets the layouts made for it: compact cards, the top-to-bottom stage, the compact stage).
 */

/** The box a stage's text sizes are made for: about the stage of a 1280x720 laptop screen. */
export const STAGE_REF = { width: 860, height: 290 };
/** The status line under the stage at scale 1 (2.1rem): it grows with the stage. */
export const STAGE_BAR_PX = 33.6;

/**
 * The scale for a stage section of `width` x `height` CSS px (its status line included, whose height
 * grows with the scale, so the drawing area is `height - STAGE_BAR_PX * k`).
 *
 * @example
 * stageScale(852, 302); // 1: a laptop's stage is drawn as laid out
 * stageScale(1886, 684); // 2.11: a projector's
 */
export function stageScale(width: number, height: number): number {
  if (!(width > 0 && height > 0)) return 1;
  return Math.max(1, Math.min(width / STAGE_REF.width, height / (STAGE_REF.height + STAGE_BAR_PX)));
}
