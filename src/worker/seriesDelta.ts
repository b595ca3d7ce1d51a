import type { Summary } from '../engine/types.ts';
import { SERIES_LOGS } from '../series/fields.ts';

/**
 * A run's summary crosses from the worker several times a second; its time series grows with the run
 * (up to 2 048 points, see the engine's series.ts), so only the points the page does not have yet are
 * sent. `SeriesFrom` says where the sent points start in each series (`points`, and each mechanism's
 * log by name, src/series/fields.ts's `SERIES_LOGS`: writeBehind, cdc, tracking); the page keeps
 * everything before that.
 */
export type SeriesFrom = { points: number } & Record<string, number>;

/** The names of the series, the points first. */
const NAMES: readonly string[] = ['points', ...SERIES_LOGS];

const zeros = (): SeriesFrom => Object.fromEntries(NAMES.map((n) => [n, 0])) as SeriesFrom;

export const NO_SAMPLES: Readonly<SeriesFrom> = zeros();

type Timed = readonly { tMs: number }[];
type Parts = Record<string, { series: Timed } | null | undefined>;

/**
 * Where series `name` is read in a summary: the points, or a mechanism's log (its Summary part's
 * `series`, absent when the mechanism is off).
 */
function getSeries(s: Summary, name: string): Timed {
  if (name === 'points') return s.series.points;
  return (s as unknown as Parts)[name]?.series ?? [];
}

/** The summary with series `name` replaced (a mechanism's part absent stays absent). */
function putSeries(s: Summary, name: string, xs: Timed): Summary {
  if (name === 'points') return { ...s, series: { ...s.series, points: xs as Summary['series']['points'] } };
  const part = (s as unknown as Parts)[name];
  if (part === undefined || part === null) return s;
  return { ...s, [name]: { ...part, series: xs } };
}

/** How many samples of each series `summary` holds at or before `atMs`. */
export function lengthsUpTo(summary: Summary, atMs: number): SeriesFrom {
  const from = zeros();
  for (const name of NAMES) from[name] = getSeries(summary, name).filter((x) => x.tMs <= atMs).length;
  return from;
}

/**
 * How many items of `xs` can be sent once for all. A long run's series is coarsened (see the engine's
 * series.ts): its last item may be a bucket still filling, sent again until it is complete. A point is
 * complete when it ends on a multiple of the interval; a mechanism's log says nothing of its buckets,
 * so its last item is always sent again (one small item).
 */
function settled(name: string, xs: Timed, intervalMs: number): number {
  if (xs.length === 0) return 0;
  if (name === 'points' && xs[xs.length - 1]!.tMs % intervalMs === 0) return xs.length;
  return xs.length - 1;
}

/** Worker side: how much of each series the page holds and is still right. */
export class SeriesSender {
  private sent: SeriesFrom = zeros();
  /** When the first item sent of each series ends: coarsening the series changes it. */
  private first: Record<string, number | undefined> = {};

  /** The run's timeline changed after these lengths (all zero: the run was replaced). */
  keepAtMost(lengths: SeriesFrom): void {
    const kept = zeros();
    for (const name of NAMES) kept[name] = Math.min(this.sent[name]!, lengths[name] ?? 0);
    this.sent = kept;
  }

  /**
   * The summary with only the samples not sent yet. A seek back shortens the series: what the page
   * has beyond the new end is dropped, and a re-simulated stretch gives the very same samples as long
   * as the timeline did not change (see `keepAtMost`). A series coarsened since (or, after a seek,
   * coarsened less) starts at another time: it is sent whole.
   */
  cut(summary: Summary): { summary: Summary; from: SeriesFrom } {
    const from = zeros();
    const sent = zeros();
    let out = summary;
    for (const name of NAMES) {
      const xs = getSeries(summary, name);
      const same = xs.length > 0 && xs[0]!.tMs === this.first[name];
      from[name] = same ? Math.min(this.sent[name]!, xs.length) : 0;
      sent[name] = settled(name, xs, summary.series.intervalMs);
      this.first[name] = xs[0]?.tMs;
      out = putSeries(out, name, xs.slice(from[name]));
    }
    this.sent = sent;
    return { summary: out, from };
  }
}

/** Page side: puts the sent samples after the ones it kept, giving the whole summary back. */
export class SeriesReceiver {
  private held: Record<string, Timed> = Object.fromEntries(NAMES.map((n) => [n, []]));

  join(summary: Summary, from: SeriesFrom): Summary {
    let out = summary;
    for (const name of NAMES) {
      // `?? 0`: a message from a worker built before a series was sent in parts holds it whole.
      const kept = this.held[name]!.slice(0, from[name] ?? 0);
      this.held[name] = kept.concat(getSeries(summary, name));
      out = putSeries(out, name, this.held[name]);
    }
    return out;
  }
}
