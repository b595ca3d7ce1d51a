// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { SeriesPoint } from '../../src/engine/types.ts';
import { binDurations, binsFromBuckets } from '../../src/components/charts/bins.ts';
import { ChartsPanel } from '../../src/components/charts/ChartsPanel.tsx';
import { histogramPeak, StaleAgeHistogram, TtlHistogram } from '../../src/components/charts/Histograms.tsx';
import {
  hotShard,
  ShardKeysChart,
  ShardMemoryChart,
  ShardOpsChart,
} from '../../src/components/charts/ShardCharts.tsx';
import { scenarioSchema } from '../../src/scenario/schema.ts';
import { hasL1 } from '../../src/components/app/useChartsProps.ts';
import { chartThresholds } from '../../src/components/charts/timeSeries.ts';
import { formatBytesTick, formatTick } from '../../src/components/charts/ticks.ts';
import {
  DbPoolChart,
  DbQpsChart,
  HitRatioChart,
  LatencyChart,
  StaleRateChart,
} from '../../src/components/charts/TimeCharts.tsx';

function makePoints(n: number): SeriesPoint[] {
  return Array.from({ length: n }, (_, i) => ({
    tMs: (i + 1) * 1000,
    requests: 1000,
    l1Hits: 600,
    l1Misses: 400,
    l2Hits: 300,
    l2Misses: 100,
    dbReads: 100 + (i % 10),
    dbWrites: 20,
    staleReads: i % 3,
    errors: 0,
    timeouts: 0,
    retries: 0,
    p50: 0.8,
    p99: 3 + (i % 5),
    dbInUse: 4,
    dbQueue: i % 4,
    shardOps: [100, 400, 100],
    shardKeys: [3000, 3100, 2900],
    redisP99: 0.1,
    alerts: [],
    shardMemoryBytes: [3_000_000, 3_100_000, 2_900_000],
    evictions: 0,
    expired: 0,
    redisErrors: 0,
    instancesUp: 4,
  }));
}

const points = makePoints(600);
const texts = (c: HTMLElement) => Array.from(c.querySelectorAll('text')).map((t) => t.textContent);

/** The alert line is drawn on the plot, and its words are in the legend, never on top of the data. */
function expectThreshold(container: HTMLElement, label: string) {
  const threshold = container.querySelector('[data-threshold]');
  expect(threshold).not.toBeNull();
  expect(threshold?.querySelector('line')?.getAttribute('stroke-dasharray')).toBeTruthy();
  expect(threshold?.textContent).toBe('');
  const legend = Array.from(container.querySelectorAll('.chart-legend li')).map((li) => li.textContent);
  expect(legend).toContain(label);
}

const monitoring = scenarioSchema.parse({ version: 1 }).monitoring;
const thresholds = chartThresholds(monitoring);

describe('time charts', () => {
  it('hit ratio: axes with units, two series, the 70 % alert line', () => {
    const { container } = render(
      <HitRatioChart points={points} intervalMs={1000} threshold={thresholds.hitRatio} />,
    );
    expect(
      screen.getByRole('img', { name: /^Hit ratio per layer\. Latest: L1 60 %, L2 75 %\.$/ }),
    ).toBeTruthy();
    expect(texts(container)).toEqual(expect.arrayContaining(['Hit ratio (%)', 'Time (s)', '100 %', '0 %']));
    expect(container.querySelectorAll('path.series')).toHaveLength(2);
    for (const p of container.querySelectorAll('path.series')) expect(p.getAttribute('d')).toMatch(/^M/);
    expectThreshold(container, 'Alert: L2 hit ratio below 70 %');
  });

  it('hit ratio of a run with no L1: L2 alone, in the lines and the legend', () => {
    const { container } = render(<HitRatioChart points={points} intervalMs={1000} l1={false} />);
    expect(screen.getByRole('img', { name: /^Hit ratio per layer\. Latest: L2 75 %\.$/ })).toBeTruthy();
    expect(container.querySelectorAll('path.series')).toHaveLength(1);
    const legend = Array.from(container.querySelectorAll('.chart-legend li')).map((li) => li.textContent);
    expect(legend.some((l) => /L1/.test(l ?? ''))).toBe(false);
    const base = scenarioSchema.parse({ version: 1, cache: { l1: { enabled: false } } });
    expect(hasL1(base)).toBe(false);
    expect(hasL1({ ...base, changes: [{ atMs: 5000, path: 'cache.l1.enabled', value: true }] })).toBe(true);
    expect(hasL1(scenarioSchema.parse({ version: 1 }))).toBe(
      scenarioSchema.parse({ version: 1 }).cache.l1.enabled,
    );
  });

  it('latency: p50 and p99 in ms, and Redis p99 with the 5 ms alert line the rule watches', () => {
    const { container } = render(
      <LatencyChart points={points} intervalMs={1000} threshold={thresholds.redisP99} />,
    );
    expect(texts(container)).toEqual(expect.arrayContaining(['Latency (ms)', 'Time (s)']));
    expect(container.querySelectorAll('path.series')).toHaveLength(3);
    expectThreshold(container, 'Alert: Redis p99 over 5 ms');
  });

  it('an all-zero count series gets whole-number ticks, with no SI prefix below 1', () => {
    const zero = points.map((p) => ({ ...p, dbInUse: 0, dbQueue: 0 }));
    const { container } = render(<DbPoolChart points={zero} intervalMs={1000} />);
    const ticks = Array.from(container.querySelectorAll('.axis-y .tick')).map((t) => t.textContent);
    expect(ticks).toEqual(['0', '1']);
  });

  it('database, pool and stale charts label their units', () => {
    const { container } = render(
      <>
        <DbQpsChart points={points} intervalMs={500} />
        <DbPoolChart points={points} intervalMs={500} />
        <StaleRateChart points={points} intervalMs={500} />
      </>,
    );
    expect(texts(container)).toEqual(expect.arrayContaining(['Queries/s', 'Connections', 'Stale reads/s']));
    // Counts per 500 ms interval become rates per second.
    expect(
      screen.getByRole('img', { name: /Database queries per second\. Latest: Reads 218, Writes 40/ }),
    ).toBeTruthy();
  });

  it('says so when there are no points yet', () => {
    render(<HitRatioChart points={[]} intervalMs={1000} />);
    expect(screen.getByText('No data yet')).toBeTruthy();
  });
});

describe('shard charts', () => {
  it('highlights the hot shard in the latest interval', () => {
    const { container } = render(<ShardOpsChart points={points} intervalMs={1000} />);
    expect(container.querySelectorAll('rect.bar')).toHaveLength(3);
    const hot = container.querySelectorAll('rect.bar-hot');
    expect(hot).toHaveLength(1);
    expect(hot[0]?.textContent).toBe('Redis shard 2: 400');
    // Bars are numbered from 1, as the stage numbers its shards.
    expect(texts(container)).toEqual(expect.arrayContaining(['Ops/s', 'Redis shard', 'hot ×2.0', '1', '3']));
  });

  it('flags no shard when the load is even', () => {
    expect(hotShard([100, 110, 95])).toBeNull();
    expect(hotShard([10, 90])?.index).toBe(1);
  });

  it('draws keys per shard', () => {
    const { container } = render(<ShardKeysChart points={points} intervalMs={1000} />);
    expect(container.querySelectorAll('rect.bar')).toHaveLength(3);
    expect(texts(container)).toEqual(expect.arrayContaining(['Keys', 'Redis shard']));
  });
});

describe('memory chart', () => {
  it('draws memory per shard in bytes with the 80 % maxmemory alert', () => {
    const { container } = render(
      <ShardMemoryChart bytes={[3e6, 7e6, 2e6]} maxBytes={8e6} alertAt={thresholds.memory} />,
    );
    expect(texts(container)).toEqual(expect.arrayContaining(['Memory', 'Redis shard', '2 MB']));
    expectThreshold(container, 'Alert: memory over 80 % of maxmemory');
    expect(container.querySelector('rect.bar')?.textContent).toBe('Redis shard 1: 3 MB');
  });

  it('labels only every n-th of many bars, so the numbers never run together', () => {
    const { container } = render(<ShardMemoryChart bytes={Array(64).fill(1e6)} maxBytes={null} />);
    const labels = Array.from(container.querySelectorAll('.axis-x .tick')).map((t) => t.textContent);
    expect(labels.length).toBeLessThan(64);
    expect(labels[0]).toBe('1');
  });

  it('draws no alert line when memory is unbounded', () => {
    const { container } = render(<ShardMemoryChart bytes={[1e6]} maxBytes={null} />);
    expect(container.querySelector('[data-threshold]')).toBeNull();
  });
});

describe('histograms', () => {
  it('bins stale ages on a log axis labelled in durations', () => {
    const ages = [5, 8, 40, 900, 1500, 12_000];
    const { container } = render(<StaleAgeHistogram ages={ages} />);
    const bars = Array.from(container.querySelectorAll('rect.bar'));
    const total = bars.reduce((s, b) => s + Number(b.textContent?.split(': ')[1]), 0);
    expect(total).toBe(ages.length);
    expect(texts(container)).toEqual(
      expect.arrayContaining(['Age of stale value (log scale)', 'Stale reads', '10 ms', '1 s']),
    );
  });

  it('accepts the engine buckets for stale ages', () => {
    const { log, bins } = binsFromBuckets([1, 10, 100], [2, 3, 4, 1]);
    expect(log).toBe(true);
    expect(bins.map((b) => b.count)).toEqual([2, 3, 4, 1]);
    expect(bins[3]).toEqual({ x0: 2, x1: 3, count: 1 });
  });

  it('draws a jittered TTL distribution on a linear axis, where the spread shows', () => {
    // 60 s with +-10 % jitter: a log axis would squeeze this into one or two bars.
    const ttls = Array.from({ length: 200 }, (_, i) => 54_000 + i * 60);
    const { container } = render(<TtlHistogram ttlsMs={ttls} />);
    expect(texts(container)).toEqual(expect.arrayContaining(['TTL', 'Keys']));
    const { log, bins } = binDurations(ttls);
    expect(log).toBe(false);
    expect(bins.length).toBeGreaterThan(5);
    expect(bins.reduce((s, b) => s + b.count, 0)).toBe(200);
    expect(container.querySelectorAll('rect.bar').length).toBe(bins.length);
  });

  it('draws the engine TTL buckets and counts the keys that never expire', () => {
    render(
      <TtlHistogram buckets={{ edgesMs: [1000, 10_000, 100_000], counts: [1, 5, 40, 2], noExpiry: 12 }} />,
    );
    expect(screen.getByText('TTL distribution (12 keys never expire)')).toBeTruthy();
  });

  it("compared side by side, two histograms share one y scale: the taller run's peak", () => {
    const a = { edgesMs: [10, 100, 1000], counts: [3, 12, 5, 0] };
    const b = { edgesMs: [10, 100, 1000], counts: [1, 2, 240, 7] };
    const yMax = Math.max(histogramPeak('staleAgeChart', a), histogramPeak('staleAgeChart', b));
    expect(yMax).toBe(240);
    // The y ticks of each: alone, A's axis stops near its own 12; on the shared scale both read as B's.
    const ticks = (c: HTMLElement) => Array.from(c.querySelectorAll('.axis-y .tick'), (t) => t.textContent);
    const alone = render(<StaleAgeHistogram buckets={a} />).container;
    const sharedA = render(<StaleAgeHistogram buckets={a} yMax={yMax} />).container;
    const sharedB = render(<StaleAgeHistogram buckets={b} yMax={yMax} />).container;
    expect(Number(ticks(alone).at(-1))).toBeLessThan(20);
    expect(ticks(sharedA)).toEqual(ticks(sharedB));
    expect(Number(ticks(sharedA).at(-1))).toBeGreaterThanOrEqual(200);
    // One read on both: a bar's height per read is the same in A and in B.
    const perRead = (c: HTMLElement, i: number, count: number) =>
      Number(c.querySelectorAll('rect.bar')[i]!.getAttribute('height')) / count;
    expect(perRead(sharedA, 1, 12)).toBeCloseTo(perRead(sharedB, 2, 240), 6);
    // Raw TTLs are binned as the chart bins them (four bins a decade on a log axis).
    expect(histogramPeak('ttlChart', [5000, 5000, 5000])).toBe(3);
  });

  it('switches to a log axis when TTLs span decades, and survives one repeated value', () => {
    const { container } = render(<TtlHistogram ttlsMs={[100, 1000, 60_000, 3_600_000]} />);
    expect(texts(container)).toContain('TTL (log scale)');
    expect(binDurations([5000, 5000]).bins.reduce((s, b) => s + b.count, 0)).toBe(2);
  });
});

describe('axis numbers', () => {
  it('use SI prefixes only from a thousand up', () => {
    expect([0, 0.2, 0.5, 1, 12.5, 999, 1500, 2e6, 3e9].map(formatTick)).toEqual([
      '0',
      '0.2',
      '0.5',
      '1',
      '12.5',
      '999',
      '1.5k',
      '2M',
      '3B',
    ]);
    expect(formatBytesTick(0.5)).toBe('0.5 B');
    expect(formatBytesTick(2_000_000)).toBe('2 MB');
  });
});

describe('ChartsPanel', () => {
  it('lays out all ten charts over 600 points, with the alert lines monitoring asks for', () => {
    render(
      <ChartsPanel
        points={points}
        intervalMs={1000}
        staleAges={[10, 100]}
        ttls={[1000, 60_000]}
        monitoring={monitoring}
      />,
    );
    const panel = screen.getByRole('region', { name: 'Charts' });
    expect(panel.querySelectorAll('figure.chart')).toHaveLength(10);
    expect(panel.querySelectorAll('[data-threshold]')).toHaveLength(2);
  });
});

describe('time charts in a comparison', () => {
  it("draw run B's lines in a pattern of their own, named with · B in the legend and the description", () => {
    const a = makePoints(20);
    const b = makePoints(20).map((p) => ({ ...p, dbReads: 3 * p.dbReads }));
    const { container } = render(
      <DbQpsChart points={a} intervalMs={1000} b={{ points: b, intervalMs: 1000 }} />,
    );
    const aPaths = container.querySelectorAll('path.series:not([data-run])');
    const bPaths = container.querySelectorAll('path.series[data-run="b"]');
    expect(aPaths).toHaveLength(2);
    expect(bPaths).toHaveLength(2);
    // Told apart by pattern: no B line shares a dash pattern with an A line.
    const aDashes = [...aPaths].map((p) => p.getAttribute('stroke-dasharray'));
    for (const p of bPaths) expect(aDashes).not.toContain(p.getAttribute('stroke-dasharray'));
    const legend = [...container.querySelectorAll('.chart-legend li')].map((li) => li.textContent);
    expect(legend).toEqual(['Reads · A', 'Writes · A', 'Reads · B', 'Writes · B']);
    // The y axis reaches B's highest reads (3 x 109 per second), which A alone would not.
    const label = screen.getByRole('img').getAttribute('aria-label')!;
    expect(label).toMatch(/A: Reads \d+.*; B: Reads \d+/);
    const ticks = [...container.querySelectorAll('text')].map((t) =>
      Number(t.textContent?.replace(/[^\d.]/g, '')),
    );
    expect(Math.max(...ticks.filter(Number.isFinite))).toBeGreaterThanOrEqual(300);
  });
});
