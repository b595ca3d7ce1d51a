import { useMemo } from 'react';
import { FIGURES } from '../../labels/figures.ts';
import { OUTCOME_COLORS } from '../../render/palette.ts';
import { binDurations, binsFromBuckets, type DurationBins } from './bins.ts';
import { Histogram } from './Histogram.tsx';

/** Either raw ages or the engine's `Summary.staleAges` buckets. */
export interface StaleAgeHistogramProps {
  ages?: readonly number[] | undefined;
  buckets?: { edgesMs: readonly number[]; counts: readonly number[] } | undefined;
  /** The y axis's top at least this: A and B compared share one scale (see histogramPeak). */
  yMax?: number | undefined;
}

const staleBins = (ages?: readonly number[], buckets?: StaleAgeHistogramProps['buckets']) =>
  buckets ? binsFromBuckets(buckets.edgesMs, buckets.counts) : binDurations(ages ?? []);
const ttlBins = (ttlsMs?: readonly number[], buckets?: TtlHistogramProps['buckets']) =>
  buckets ? binsFromBuckets(buckets.edgesMs, buckets.counts) : binDurations(ttlsMs ?? [], 4);
const peak = (d: DurationBins) => d.bins.reduce((m, b) => Math.max(m, b.count), 0);

/**
 * The tallest bar a histogram draws for these values (raw or bucketed, binned as the chart bins them):
 * the shared y scale of A's and B's histograms is the larger of their peaks.
 *
 * @example histogramPeak('ttlChart', { edgesMs: [1000, 2000], counts: [3, 7] }); // 7
 */
export function histogramPeak(
  chart: 'staleAgeChart' | 'ttlChart',
  values: readonly number[] | NonNullable<TtlHistogramProps['buckets']>,
): number {
  const raw = 'edgesMs' in values ? undefined : values;
  const buckets = 'edgesMs' in values ? values : undefined;
  return peak(chart === 'staleAgeChart' ? staleBins(raw, buckets) : ttlBins(raw, buckets));
}

/** How old the stale values served were: time since the write the reader missed. */
export function StaleAgeHistogram({ ages, buckets, yMax }: StaleAgeHistogramProps) {
  const data = useMemo(() => staleBins(ages, buckets), [ages, buckets]);
  return (
    <Histogram
      title={FIGURES.staleAgeChart}
      data={data}
      xLabel="Age of stale value"
      yLabel="Stale reads"
      color={OUTCOME_COLORS.stale}
      yMax={yMax}
    />
  );
}

/** Either raw TTLs or the engine's buckets of TTL left (`counts[i]` below `edgesMs[i]`). */
export interface TtlHistogramProps {
  ttlsMs?: readonly number[] | undefined;
  buckets?: { edgesMs: readonly number[]; counts: readonly number[]; noExpiry?: number } | undefined;
  /** The y axis's top at least this: A and B compared share one scale (see histogramPeak). */
  yMax?: number | undefined;
}

/** TTLs of the cached keys: a spike at one value is the synchronized expiry that feeds a stampede. */
export function TtlHistogram({ ttlsMs, buckets, yMax }: TtlHistogramProps) {
  const data = useMemo(() => ttlBins(ttlsMs, buckets), [ttlsMs, buckets]);
  // Keys without expiry have no place on a time axis; say how many rather than drop them silently.
  const noExpiry = buckets?.noExpiry ?? 0;
  const title = noExpiry > 0 ? `${FIGURES.ttlChart} (${noExpiry} keys never expire)` : FIGURES.ttlChart;
  return (
    <Histogram title={title} data={data} xLabel="TTL" yLabel="Keys" color="var(--c-accent)" yMax={yMax} />
  );
}
