import { useMemo } from 'react';
import { FIGURES } from '../../labels/figures.ts';
import { OUTCOME_COLORS } from '../../render/palette.ts';
import { binDurations, binsFromBuckets } from './bins.ts';
import { Histogram } from './Histogram.tsx';

/** Either raw ages or the engine's `Summary.staleAges` buckets. */
export interface StaleAgeHistogramProps {
  ages?: readonly number[] | undefined;
  buckets?: { edgesMs: readonly number[]; counts: readonly number[] } | undefined;
}

/** How old the stale values served were: time since the write the reader missed. */
export function StaleAgeHistogram({ ages, buckets }: StaleAgeHistogramProps) {
  const data = useMemo(
    () => (buckets ? binsFromBuckets(buckets.edgesMs, buckets.counts) : binDurations(ages ?? [])),
    [ages, buckets],
  );
  return (
    <Histogram
      title={FIGURES.staleAgeChart}
      data={data}
      xLabel="Age of stale value"
      yLabel="Stale reads"
      color={OUTCOME_COLORS.stale}
    />
  );
}

/** Either raw TTLs or the engine's buckets of TTL left (`counts[i]` below `edgesMs[i]`). */
export interface TtlHistogramProps {
  ttlsMs?: readonly number[] | undefined;
  buckets?: { edgesMs: readonly number[]; counts: readonly number[]; noExpiry?: number } | undefined;
}

/** TTLs of the cached keys: a spike at one value is the synchronized expiry that feeds a stampede. */
export function TtlHistogram({ ttlsMs, buckets }: TtlHistogramProps) {
  const data = useMemo(
    () => (buckets ? binsFromBuckets(buckets.edgesMs, buckets.counts) : binDurations(ttlsMs ?? [], 4)),
    [ttlsMs, buckets],
  );
  // Keys without expiry have no place on a time axis; say how many rather than drop them silently.
  const noExpiry = buckets?.noExpiry ?? 0;
  const title = noExpiry > 0 ? `${FIGURES.ttlChart} (${noExpiry} keys never expire)` : FIGURES.ttlChart;
  return <Histogram title={title} data={data} xLabel="TTL" yLabel="Keys" color="var(--c-accent)" />;
}
