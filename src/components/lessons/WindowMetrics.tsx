import type { WindowFigure } from '../../lessons/windowStrip.ts';
import { windowSpan } from '../../lessons/span.ts';
import { MetricTile } from '../stage/MetricTile.tsx';

/**
 * The metrics strip while a lesson step is checked: the figures of the window its answer was measured
 * in, led by that window ("60-72 s"), so every number the explanation quotes is here with the same
 * value. Each tile carries its lesson figure's id (`data-figure`), as the explanation's numbers do.
 * The presenter view keeps the window and the figures the step names, in its large type on one row.
 * The window's styles live in lessons.css, which the open lesson panel has loaded.
 */
export function WindowMetrics({
  fromMs,
  untilMs,
  strip,
}: {
  fromMs: number;
  untilMs: number;
  strip: readonly WindowFigure[];
}) {
  const span = windowSpan(fromMs, untilMs);
  return (
    <dl className="metrics metrics-window" aria-label={`Key metrics from ${span.replace('-', ' to ')}`}>
      <div className="metric metric-span" title="The stretch of the run the step's answer was measured over">
        <dt>Step window</dt>
        <dd data-window-span="">{span}</dd>
      </div>
      {strip.map((m) => (
        <MetricTile
          key={m.id}
          className={m.named ? 'metric named' : 'metric'}
          figure={m.id}
          color={m.color}
          label={m.label}
          value={m.value}
        />
      ))}
    </dl>
  );
}
