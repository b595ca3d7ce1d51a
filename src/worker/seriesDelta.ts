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
}

export const NO_SAMPLES: SeriesFrom = { points: 0, writeBehind: 0, cdc: 0 };

type Timed = readonly { tMs: number }[];

/** Each series of `summary`, by name. */
const listsOf = (summary: Summary): Record<keyof SeriesFrom, Timed> => ({
  points: summary.series.points,
  writeBehind: summary.writeBehind?.series ?? [],
  cdc: summary.cdc?.series ?? [],
});
const NAMES = ['points', 'writeBehind', 'cdc'] as const;

/**
 * How many items of `xs` can be sent once for all. A long run's series is coarsened (see the engine's
 * series.ts): its last item may be a bucket still filling, sent again until it is complete. A point is
 * complete when it ends on a multiple of the interval; a mechanism's log says nothing of its buckets,
 * so its last item is always sent again (one small item).
 */
function settled(name: keyof SeriesFrom, xs: Timed, intervalMs: number): number {
  if (xs.length === 0) return 0;
  if (name === 'points' && xs[xs.length - 1]!.tMs % intervalMs === 0) return xs.length;
  return xs.length - 1;
}

/** Worker side: how much of each series the page holds and is still right. */
export class SeriesSender {
  private sent: SeriesFrom = NO_SAMPLES;
  /** When the first item sent of each series ends: coarsening the series changes it. */
  private first: Record<keyof SeriesFrom, number | undefined> = {
    points: undefined,
    writeBehind: undefined,
    cdc: undefined,
  };

  /** The run's timeline changed after these lengths (all zero: the run was replaced). */
  keepAtMost(lengths: SeriesFrom): void {
    this.sent = {
      points: Math.min(this.sent.points, lengths.points),
      writeBehind: Math.min(this.sent.writeBehind, lengths.writeBehind),
      cdc: Math.min(this.sent.cdc, lengths.cdc),
    };
  }

  /**
   * The summary with only the samples not sent yet. A seek back shortens the series: what the page
   * has beyond the new end is dropped, and a re-simulated stretch gives the very same samples as long
   * as the timeline did not change (see `keepAtMost`). A series coarsened since (or, after a seek,
   * coarsened less) starts at another time: it is sent whole.
   */
  cut(summary: Summary): { summary: Summary; from: SeriesFrom } {
    const lists = listsOf(summary);
    const from = { ...NO_SAMPLES };
    const sent = { ...NO_SAMPLES };
    for (const name of NAMES) {
      const xs = lists[name];
      const same = xs.length > 0 && xs[0]!.tMs === this.first[name];
      from[name] = same ? Math.min(this.sent[name], xs.length) : 0;
      sent[name] = settled(name, xs, summary.series.intervalMs);
      this.first[name] = xs[0]?.tMs;
    }
    this.sent = sent;
    const {
      points,
      writeBehind: wb,
      cdc,
    } = lists as {
      points: Summary['series']['points'];
      writeBehind: NonNullable<Summary['writeBehind']>['series'];
      cdc: NonNullable<Summary['cdc']>['series'];
    };
    return {
      summary: {
        ...summary,
        series: { ...summary.series, points: points.slice(from.points) },
        writeBehind: summary.writeBehind && {
          ...summary.writeBehind,
          series: wb.slice(from.writeBehind),
        },
        cdc: summary.cdc && { ...summary.cdc, series: cdc.slice(from.cdc) },
      },
      from,
    };
  }
}

/** Page side: puts the sent samples after the ones it kept, giving the whole summary back. */
export class SeriesReceiver {
  private points: Summary['series']['points'] = [];
  private wb: NonNullable<Summary['writeBehind']>['series'] = [];
  private cdc: NonNullable<Summary['cdc']>['series'] = [];

  join(summary: Summary, from: SeriesFrom): Summary {
    this.points = this.points.slice(0, from.points).concat(summary.series.points);
    this.wb = this.wb.slice(0, from.writeBehind).concat(summary.writeBehind?.series ?? []);
    this.cdc = this.cdc.slice(0, from.cdc).concat(summary.cdc?.series ?? []);
    return {
      ...summary,
      series: { ...summary.series, points: this.points },
      writeBehind: summary.writeBehind && { ...summary.writeBehind, series: this.wb },
      cdc: summary.cdc && { ...summary.cdc, series: this.cdc },
    };
  }
}
