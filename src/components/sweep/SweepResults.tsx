import { useId } from 'react';
import { headlineFigure, type HeadlineFigure } from '../../report/headline.ts';
import { bands, sweepCsv, type SweepResult } from '../../sweep/results.ts';
import type { SweepRun } from '../../store/sweepSlice.ts';
import { formatFigure } from '../compare/differences.ts';
import { fieldFor } from '../config/fields.ts';
import { formatValue } from '../format.ts';
import { SweepChart } from './SweepChart.tsx';

/** The runs in plan order (values as listed, then seeds), whatever order they finished in. */
export function inPlanOrder(run: SweepRun): SweepResult[] {
  const at = (r: SweepResult) => run.values.indexOf(r.value) * run.seeds.length + run.seeds.indexOf(r.seed);
  return [...run.results].sort((a, b) => at(a) - at(b));
}

function downloadCsv(run: SweepRun) {
  const blob = new Blob([sweepCsv(run.path, inPlanOrder(run))], { type: 'text/csv' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = `sweep-${run.path}.csv`;
  a.click();
  URL.revokeObjectURL(url);
}

/** A mean over seeds: counts and rates to the unit once they are large (4,874.67 stale reads reads as noise). */
function formatMean(figure: HeadlineFigure, v: number): string {
  const whole = (figure.unit === 'count' || figure.unit === 'per-s') && Math.abs(v) >= 100;
  return formatFigure(figure, whole ? Math.round(v) : v);
}

/** How far a sweep got: a progress bar whose value is the count of runs finished. */
export function SweepProgress({ run }: { run: SweepRun }) {
  const words =
    run.status === 'cancelled' ? ' (cancelled)' : run.status === 'failed' ? ' (stopped by an error)' : '';
  return (
    <div className="sweep-progress">
      <progress
        max={run.total}
        value={run.done}
        aria-label="Sweep progress"
        aria-valuetext={`${run.done} of ${run.total} runs`}
      />
      <span>
        {run.done} / {run.total} runs{words}
      </span>
    </div>
  );
}

/**
 * A sweep's results so far: a chart per figure picked, the table of means (and spreads) per value with
 * a button to open the run at that value, and the CSV of every run.
 */
export function SweepResults({ run, onOpen }: { run: SweepRun; onOpen(value: number): void }) {
  const unit = fieldFor(run.path)?.unit ?? 'none';
  const xFormat = (v: number) => formatValue(unit, v);
  const spread = run.seeds.length > 1;
  const figures = run.metrics.map((id) => ({ figure: headlineFigure(id), rows: bands(run.results, id) }));
  const rowValues = figures[0]?.rows.map((b) => b.value) ?? [];
  const captionId = useId();
  if (run.results.length === 0) return null;
  return (
    <section className="sweep-results" aria-label="Sweep results">
      <div className="sweep-charts">
        {figures.map(({ figure, rows }) => (
          <SweepChart
            key={figure.id}
            figure={figure}
            bands={rows}
            xLabel={run.label}
            xFormat={xFormat}
            log={run.log}
            spread={spread}
          />
        ))}
      </div>
      {/* A heading, not a caption: a caption scrolls away with a table wider than the panel. */}
      <h3 id={captionId} className="sweep-caption">
        {run.label} on “{run.base.title}”
        {spread ? `: mean of ${run.seeds.length} seeds (lowest to highest)` : `: seed ${run.seeds[0]}`}
      </h3>
      <div className="sweep-table-wrap">
        <table className="sweep-table" aria-labelledby={captionId}>
          <thead>
            <tr>
              <th scope="col">{run.label}</th>
              {figures.map(({ figure }) => (
                <th key={figure.id} scope="col">
                  {figure.label}
                </th>
              ))}
              <th scope="col">Run</th>
            </tr>
          </thead>
          <tbody>
            {rowValues.map((value, i) => (
              <tr key={value}>
                <th scope="row">{xFormat(value)}</th>
                {figures.map(({ figure, rows }) => {
                  const b = rows[i]!;
                  return (
                    <td key={figure.id}>
                      {formatMean(figure, b.mean)}
                      {spread && b.runs > 1 && (
                        <span className="sweep-spread">
                          {formatMean(figure, b.min)} to {formatMean(figure, b.max)}
                        </span>
                      )}
                    </td>
                  );
                })}
                <td>
                  <button
                    type="button"
                    className="btn"
                    onClick={() => onOpen(value)}
                    aria-label={`Open the run at ${run.label} ${xFormat(value)}`}
                    title={`Loads the scenario with ${run.label} = ${xFormat(value)}, seed ${run.seeds[0]}`}
                  >
                    Open
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <button type="button" className="btn" onClick={() => downloadCsv(run)}>
        Download CSV
      </button>
    </section>
  );
}
