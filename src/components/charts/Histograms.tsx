import { useMemo } from 'react';
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
      title="Staleness age"
      data={data}
      xLabel="Age of stale value"
      yLabel="Stale reads"
      color={OUTCOME_COLORS.stale}
    />
  );
}

export interface TtlHistogramProps {
  ttlsMs: readonly number[];
}

/** TTLs of the cached keys: a spike at one value is the synchronized expiry that feeds a stampede. */
export function TtlHistogram({ ttlsMs }: TtlHistogramProps) {
  const data = useMemo(() => binDurations(ttlsMs, 4), [ttlsMs]);
  return (
    <Histogram title="TTL distribution" data={data} xLabel="TTL" yLabel="Keys" color="var(--c-accent)" />
  );
}
