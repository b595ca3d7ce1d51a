import { useStore } from 'zustand';
import type { AppStore } from '../../store/appStore.ts';
import { FIGURES } from '../../labels/figures.ts';
import { selectSummary } from '../../store/selectors.ts';
import { useChartsProps } from '../app/useChartsProps.ts';
import { OneChart } from '../charts/ChartsPanel.tsx';
import { histogramPeak } from '../charts/Histograms.tsx';
import '../charts/charts.css';

/** The time charts that show the table's figures over time, A's lines with B's drawn over them. */
const OVERLAID = ['hitRatioChart', 'dbQpsChart', 'latencyChart'] as const;
/** The histograms, one per run, side by side (two distributions do not overlay legibly). */
const SIDE_BY_SIDE = ['staleAgeChart', 'ttlChart'] as const;

/**
 * Under the difference table, the charts to check it against: hit ratio, database queries and latency
 * over time with A and B overlaid (B dotted, "· B" in the legend), then each histogram for A beside
 * the same for B, the two on one y scale (the taller run's peak) so their bars compare by eye.
 */
export function CompareCharts({ bStore }: { bStore: AppStore }) {
  const charts = useChartsProps();
  const b = useStore(bStore, selectSummary);
  if (!charts || !b) return null;
  const histogramMax = {
    staleAgeChart: Math.max(
      histogramPeak('staleAgeChart', charts.staleAges),
      histogramPeak('staleAgeChart', b.staleAges),
    ),
    ttlChart: Math.max(histogramPeak('ttlChart', charts.ttls), histogramPeak('ttlChart', b.ttlDistribution)),
  };
  const aCharts = { ...charts, histogramMax };
  const bCharts = { ...charts, staleAges: b.staleAges, ttls: b.ttlDistribution, histogramMax };
  return (
    <section className="compare-charts" aria-label="Charts of A and B">
      <h2 className="compare-charts-title">A and B over time</h2>
      <div className="compare-chart-grid">
        {OVERLAID.map((id) => (
          <OneChart key={id} id={id} {...charts} />
        ))}
      </div>
      {SIDE_BY_SIDE.map((id) => (
        <div key={id} className="compare-chart-pair">
          <section aria-label={`${FIGURES[id]}, run A`}>
            <h3 className="compare-chart-run">
              <span className="run-tag run-a">A</span>
            </h3>
            <OneChart id={id} {...aCharts} />
          </section>
          <section aria-label={`${FIGURES[id]}, run B`}>
            <h3 className="compare-chart-run">
              <span className="run-tag run-b">B</span>
            </h3>
            <OneChart id={id} {...bCharts} />
          </section>
        </div>
      ))}
    </section>
  );
}
