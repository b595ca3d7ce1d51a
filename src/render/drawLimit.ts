import { DEFAULT_DRAWN } from './drawCounts.ts';

/**
 * How many requests the stage draws at most: "automatic" (as many as the screen draws at full frame
 * rate, `AutoDrawLimit`) or a fixed number. The worker's particle feed samples requests (by id, the
 * same ones on every run) so that about this many are in flight; every request is still counted.
 */
export type DrawSetting = 'auto' | number;

export { DEFAULT_DRAWN, DRAW_CHOICES, MAX_DRAWN } from './drawCounts.ts';

/** The levels "automatic" moves between, one step at a time. */
const AUTO_LEVELS: readonly number[] = [500, 1000, 2000, 5000, 10_000, 20_000];
/** Frames judged together: about a second's worth. */
const WINDOW = 60;
/** A frame interval longer than this is a pause (hidden tab, debugger), not a slow frame. */
const PAUSE_MS = 250;
/** After a level proved too slow, the wait before trying it again, doubling each time it fails. */
const RETRY_MS = 8000;
const RETRY_MAX_MS = 120_000;

/** The setting as words, for the control and the status line. */
export function drawSettingLabel(s: DrawSetting): string {
  return s === 'auto' ? 'Automatic' : s.toLocaleString('en-US');
}

/**
 * "Automatic": watches the page's frame intervals and moves the limit one level down when frames are
 * late while about that many are drawn, one level up when frames keep time and the feed is sampling
 * (more would be drawn). Hysteresis both ways: a level that proved too slow is not tried again for a
 * while (longer each time), and going up takes two good windows in a row. "Full frame rate" is the
 * display's own: its frame interval is estimated as the fastest tenth of the intervals seen, so a
 * 120 Hz screen and a 30 Hz one are judged against themselves.
 *
 * @example const auto = new AutoDrawLimit(); auto.observe(16.7, 5000, true, now) // 5000 until a window ends
 */
export class AutoDrawLimit {
  private level = AUTO_LEVELS.indexOf(DEFAULT_DRAWN);
  private readonly intervals = new Float64Array(WINDOW);
  private n = 0;
  private drawnMax = 0;
  private sampling = false;
  private good = 0;
  /** Per level: not to be tried before this time; the wait after its next failure. */
  private readonly notBefore = AUTO_LEVELS.map(() => 0);
  private readonly backoff = AUTO_LEVELS.map(() => RETRY_MS);

  get limit(): number {
    return AUTO_LEVELS[this.level]!;
  }

  /**
   * One frame: `intervalMs` since the last one, `drawn` particles painted, `sampling` whether the
   * feed drew a sample (so a higher limit would draw more). Returns the limit to use from now on.
   */
  observe(intervalMs: number, drawn: number, sampling: boolean, nowMs: number): number {
    if (!(intervalMs > 0) || intervalMs > PAUSE_MS) return this.limit;
    this.intervals[this.n++] = intervalMs;
    this.drawnMax = Math.max(this.drawnMax, drawn);
    this.sampling ||= sampling;
    if (this.n < WINDOW) return this.limit;
    this.judge(nowMs);
    this.n = 0;
    this.drawnMax = 0;
    this.sampling = false;
    return this.limit;
  }

  private judge(nowMs: number): void {
    const sorted = this.intervals.slice().sort();
    const vsync = sorted[Math.floor(WINDOW * 0.1)]!;
    const p90 = sorted[Math.floor(WINDOW * 0.9)]!;
    // Late: a tenth of the frames take half as long again as the display's frame.
    const late = p90 > vsync * 1.5 + 2;
    // Lowering the limit helps only when about that many are drawn.
    if (late && this.level > 0 && this.drawnMax >= this.limit * 0.6) {
      this.notBefore[this.level] = nowMs + this.backoff[this.level]!;
      this.backoff[this.level] = Math.min(RETRY_MAX_MS, this.backoff[this.level]! * 2);
      this.level--;
      this.good = 0;
      return;
    }
    const keepsTime = p90 <= vsync * 1.2 + 1;
    this.good = keepsTime ? this.good + 1 : 0;
    const up = this.level + 1;
    if (this.good >= 2 && this.sampling && up < AUTO_LEVELS.length && nowMs >= this.notBefore[up]!) {
      this.level = up;
      this.good = 0;
    }
  }
}
