/**
 * Playback speed as a factor of real time. The slider works on log10(speed) so 0.01x..100x gets the
 * same travel per decade; `[` and `]` move between round values people can read aloud.
 */
export const MIN_SPEED = 0.01;
export const MAX_SPEED = 100;
export const SPEED_STEPS: readonly number[] = [0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100];

export function clampSpeed(speed: number): number {
  if (!Number.isFinite(speed)) return 1;
  return Math.min(MAX_SPEED, Math.max(MIN_SPEED, speed));
}

/** Slider position (log10 of the speed, -2..2) to a speed factor. */
export function sliderToSpeed(position: number): number {
  return clampSpeed(Math.round(10 ** position * 1000) / 1000);
}

export function speedToSlider(speed: number): number {
  return Math.log10(clampSpeed(speed));
}

/** The next round speed above (`dir` 1) or below (`dir` -1) the current one. */
export function stepSpeed(speed: number, dir: 1 | -1): number {
  if (dir > 0) return SPEED_STEPS.find((s) => s > speed * 1.001) ?? MAX_SPEED;
  return [...SPEED_STEPS].reverse().find((s) => s < speed * 0.999) ?? MIN_SPEED;
}

export function formatSpeed(speed: number): string {
  if (speed >= 1) return `${Number(speed.toPrecision(3))}x`;
  return `${Number(speed.toPrecision(2))}x`;
}
