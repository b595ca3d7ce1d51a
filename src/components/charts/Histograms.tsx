import { useMemo } from 'react';
import { OUTCOME_COLORS } from '../../render/palette.ts';
import { binLog, binsFromBuckets } from './bins.ts';
import { Histogram } from './Histogram.tsx';

/** Either raw ages or the engine's `Summary.staleAges` buckets. */
export interface StaleAgeHistogramProps {
  ages?: readonly number[] | undefined;
  buckets?: { edgesMs: readonly number[]; counts: readonly number[] } | undefined;
}

/** How old the stale values served were: time since the write the reader missed. */
export function StaleAgeHistogram({ ages, buckets }: StaleAgeHistogramProps) {
  const bins = useMemo(
    () => (buckets ? binsFromBuckets(buckets.edgesMs, buckets.counts) : binLog(ages ?? [])),
    [ages, buckets],
  );
  return (
    <Histogram
      title="Staleness age"
      bins={bins}
      xLabel="Age of stale value (log scale)"
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
  const bins = useMemo(() => binLog(ttlsMs, 4), [ttlsMs]);
  return (
    <Histogram
      title="TTL distribution"
      bins={bins}
      xLabel="TTL (log scale)"
      yLabel="Keys"
      color="var(--accent)"
    />
  );
}
