import type { Summary } from '../engine/types.ts';

/**
 * A run's summary crosses from the worker several times a second; its time series grows with the run
 * (86 400 points for a day), so only the points the page does not have yet are sent. `SeriesFrom` says
 * where the sent points start in each series; the page keeps everything before that.
 */
export interface SeriesFrom {
  points: number;
  writeBehind: number;
  cdc: number;
}

export const NO_SAMPLES: SeriesFrom = { points: 0, writeBehind: 0, cdc: 0 };

/** How many samples each series of `summary` has. */
export function seriesLengths(summary: Summary): SeriesFrom {
  return {
    points: summary.series.points.length,
    writeBehind: summary.writeBehind?.series.length ?? 0,
    cdc: summary.cdc?.series.length ?? 0,
  };
}

/** Worker side: how much of each series the page holds and is still right. */
export class SeriesSender {
  private sent: SeriesFrom = NO_SAMPLES;

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
   * as the timeline did not change (see `keepAtMost`).
   */
  cut(summary: Summary): { summary: Summary; from: SeriesFrom } {
    const points = summary.series.points;
    const wb = summary.writeBehind?.series ?? [];
    const cdc = summary.cdc?.series ?? [];
    const from: SeriesFrom = {
      points: Math.min(this.sent.points, points.length),
      writeBehind: Math.min(this.sent.writeBehind, wb.length),
      cdc: Math.min(this.sent.cdc, cdc.length),
    };
    this.sent = seriesLengths(summary);
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
