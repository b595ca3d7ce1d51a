import type { TraceAnalysis } from '../../trace/job.ts';
import { fmtBytes } from '../../report/figures.ts';
import { formatCount, formatDuration, formatPercent } from '../format.ts';
import { TraceBars } from './TraceBars.tsx';
import { formatTick } from '../charts/ticks.ts';
import { RateChart, PopularityChart } from './TraceLines.tsx';

const FORMAT_NAMES = {
  twitter: 'Twitter cache trace',
  oracle: 'libCacheSim oracleGeneral',
  csv: 'plain CSV',
} as const;

/** "2^b": the lower edge of a power-of-two bucket, as a size. */
const bucketSize = (b: number) => fmtBytes(b === 0 ? 0 : 2 ** b).replace('.0 ', ' ');
/** Reuse bucket b: distance 0, then 2^(b-1) to 2^b - 1 other keys. */
const reuseLabel = (b: number) => (b === 0 ? '0' : formatTick(2 ** (b - 1)));

/**
 * The workload card: what a trace is made of (requests, keys, one-hit wonders, the operation mix, its
 * rate over time, object sizes, a Zipf exponent fitted to its popularity, reuse distances).
 */
export function WorkloadCard({ analysis }: { analysis: TraceAnalysis }) {
  const { stats: s, fileName, format, truncated, notes } = analysis;
  const sampled = s.sampleRate < 1;
  const ops = s.reads + s.writes + s.deletes;
  // Size buckets from the smallest object's: the empty ones below it say nothing.
  const firstSize = Math.max(
    0,
    s.sizeBuckets.findIndex((c) => c > 0),
  );
  const sizeValues = s.sizeBuckets.slice(firstSize);
  const figures: [string, string][] = [
    ['Requests', formatCount(s.requests) + (sampled ? ` (${formatCount(s.kept)} in the sample)` : '')],
    ['Unique keys', formatCount(s.uniqueKeys) + (sampled ? ' in the sample' : '')],
    [
      'One-hit wonders',
      `${formatCount(s.oneHitWonders)} (${formatPercent(s.oneHitWonders / Math.max(1, s.uniqueKeys))} of keys)`,
    ],
    [
      'Reads / writes / deletes',
      `${formatPercent(s.reads / Math.max(1, ops))} / ${formatPercent(s.writes / Math.max(1, ops))} / ${formatPercent(s.deletes / Math.max(1, ops))}`,
    ],
    [
      'Time span',
      `${formatDuration(s.durationMs)}, ${formatCount(s.requests / Math.max(0.001, s.durationMs / 1000))} requests/s on average`,
    ],
    [
      'Object size',
      s.hasSizes
        ? `mean ${fmtBytes(Math.round(s.meanObjectBytes))}, largest ${fmtBytes(s.largestObject)}`
        : 'not in the trace (1 byte each)',
    ],
    [
      'Zipf exponent',
      s.zipf
        ? `${s.zipf.alpha.toFixed(2)} (fitted over the ${formatCount(s.zipf.ranks)} keys requested twice or more; R² ${s.zipf.r2.toFixed(2)})`
        : 'too few keys requested twice to fit',
    ],
  ];
  return (
    <section className="trace-card" aria-label="Workload">
      <h3>
        {fileName} <span className="muted">({FORMAT_NAMES[format]})</span>
      </h3>
      {truncated && <p className="trace-note">The file is cut short: {truncated}.</p>}
      {notes.map((n) => (
        <p key={n} className="trace-note">
          {n}.
        </p>
      ))}
      {sampled && (
        <p className="trace-note">
          Sampled by key (SHARDS), 1 key in {Math.round(1 / s.sampleRate)}: the figures below but the request
          count are the sample&apos;s.
        </p>
      )}
      <dl className="trace-figures">
        {figures.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      <div className="trace-charts">
        <RateChart stats={s} />
        <PopularityChart stats={s} />
        <TraceBars
          title="Object sizes"
          values={sizeValues}
          barLabel={(i) => bucketSize(i + firstSize)}
          barName={(i) => `${bucketSize(i + firstSize)} to ${bucketSize(i + firstSize + 1)}`}
          xLabel="Size (from)"
          yLabel="Objects"
          color="#0072B2"
        />
        <TraceBars
          title="Reuse distance"
          values={s.reuseBuckets}
          barLabel={reuseLabel}
          barName={(b) =>
            b === 0
              ? 'the same key again'
              : `${formatTick(2 ** (b - 1))} to ${formatTick(2 ** b - 1)} other keys between`
          }
          xLabel="Other keys requested in between (from)"
          yLabel="Re-requests"
          color="#009E73"
        />
      </div>
    </section>
  );
}
