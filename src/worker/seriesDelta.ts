import type { Summary } from '../engine/types.ts';

/**
 * A run's summary crosses from the worker several times a second; its time series grows with the run
 * (up to 2 048 points, see the engine's series.ts), so only the points the page does not have yet are
 * sent. `SeriesFrom` says
 * where the sent points start in each series; the page keeps everything before that.
 */
export interface SeriesFrom {
  points: number;
  writeBehind: number;
  cdc: number;
  tracking: number;
}

export const NO_SAMPLES: SeriesFrom = { points: 0, writeBehind: 0, cdc: 0, tracking: 0 };

type Timed = readonly { tMs: number }[];
type Name = keyof SeriesFrom;

/**
 * Each series of a summary: where it is read, and the summary with it replaced (a mechanism's part is
 * absent when the mechanism is off, and stays absent).
 */
const SERIES: Record<Name, { get(s: Summary): Timed; put(s: Summary, xs: Timed): Summary }> = {
  points: {
    get: (s) => s.series.points,
    put: (s, xs) => ({ ...s, series: { ...s.series, points: xs as Summary['series']['points'] } }),
  },
  writeBehind: {
    get: (s) => s.writeBehind?.series ?? [],
    put: (s, xs) => ({
      ...s,
      writeBehind: s.writeBehind && {
        ...s.writeBehind,
        series: xs as NonNullable<Summary['writeBehind']>['series'],
      },
    }),
  },
  cdc: {
    get: (s) => s.cdc?.series ?? [],
    put: (s, xs) => ({
      ...s,
      cdc: s.cdc && { ...s.cdc, series: xs as NonNullable<Summary['cdc']>['series'] },
    }),
  },
  tracking: {
    get: (s) => s.tracking?.series ?? [],
    put: (s, xs) =>
      s.tracking === undefined
        ? s
        : { ...s, tracking: { ...s.tracking, series: xs as NonNullable<Summary['tracking']>['series'] } },
  },
};
const NAMES = Object.keys(NO_SAMPLES) as Name[];

/** How many samples of each series `summary` holds at or before `atMs`. */
export function lengthsUpTo(summary: Summary, atMs: number): SeriesFrom {
  const from = { ...NO_SAMPLES };
  for (const name of NAMES) from[name] = SERIES[name].get(summary).filter((x) => x.tMs <= atMs).length;
  return from;
}

/**
 * How many items of `xs` can be sent once for all. A long run's series is coarsened (see the engine's
 * series.ts): its last item may be a bucket still filling, sent again until it is complete. A point is
 * complete when it ends on a multiple of the interval; a mechanism's log says nothing of its buckets,
 * so its last item is always sent again (one small item).
 */
function settled(name: Name, xs: Timed, intervalMs: number): number {
  if (xs.length === 0) return 0;
  if (name === 'points' && xs[xs.length - 1]!.tMs % intervalMs === 0) return xs.length;
  return xs.length - 1;
}

/** Worker side: how much of each series the page holds and is still right. */
export class SeriesSender {
  private sent: SeriesFrom = NO_SAMPLES;
  /** When the first item sent of each series ends: coarsening the series changes it. */
  private first: Record<Name, number | undefined> = {
    points: undefined,
    writeBehind: undefined,
    cdc: undefined,
    tracking: undefined,
  };

  /** The run's timeline changed after these lengths (all zero: the run was replaced). */
  keepAtMost(lengths: SeriesFrom): void {
    const kept = { ...NO_SAMPLES };
    for (const name of NAMES) kept[name] = Math.min(this.sent[name], lengths[name]);
    this.sent = kept;
  }

  /**
   * The summary with only the samples not sent yet. A seek back shortens the series: what the page
   * has beyond the new end is dropped, and a re-simulated stretch gives the very same samples as long
   * as the timeline did not change (see `keepAtMost`). A series coarsened since (or, after a seek,
   * coarsened less) starts at another time: it is sent whole.
   */
  cut(summary: Summary): { summary: Summary; from: SeriesFrom } {
    const from = { ...NO_SAMPLES };
    const sent = { ...NO_SAMPLES };
    let out = summary;
    for (const name of NAMES) {
      const xs = SERIES[name].get(summary);
      const same = xs.length > 0 && xs[0]!.tMs === this.first[name];
      from[name] = same ? Math.min(this.sent[name], xs.length) : 0;
      sent[name] = settled(name, xs, summary.series.intervalMs);
      this.first[name] = xs[0]?.tMs;
      out = SERIES[name].put(out, xs.slice(from[name]));
    }
    this.sent = sent;
    return { summary: out, from };
  }
}

/** Page side: puts the sent samples after the ones it kept, giving the whole summary back. */
export class SeriesReceiver {
  private held: Record<Name, Timed> = { points: [], writeBehind: [], cdc: [], tracking: [] };

  join(summary: Summary, from: SeriesFrom): Summary {
    let out = summary;
    for (const name of NAMES) {
      // `?? 0`: a message from a worker built before a series was sent in parts holds it whole.
      const kept = this.held[name].slice(0, from[name] ?? 0);
      this.held[name] = kept.concat(SERIES[name].get(summary));
      out = SERIES[name].put(out, this.held[name]);
    }
    return out;
  }
}
