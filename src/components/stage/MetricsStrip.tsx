import { selectSummary } from '../../store/selectors.ts';
import { useScenarioInForce } from './inForce.ts';
import { useAppStore } from '../../store/useAppStore.ts';
import { stripItems } from '../app/stripItems.ts';
import type { FigureId } from '../../labels/figures.ts';
import { WindowMetrics } from '../lessons/WindowMetrics.tsx';
import { MetricTile } from './MetricTile.tsx';

/**
 * The headline numbers under the stage; every request is counted, whatever the canvas samples. `omit`
 * leaves out figures shown elsewhere beside it (the compact stage's nodes). A checked lesson step shows
 * its window's figures instead.
 */
export function MetricsStrip({ omit }: { omit?: readonly FigureId[] } = {}) {
  const summary = useAppStore(selectSummary);
  // Which figures show, and their warnings, follow the settings in force (L1 may be switched on live).
  const scenario = useScenarioInForce();
  // Once a lesson step is measured, the strip shows the window its answer was measured in.
  const stepWindow = useAppStore((s) => s.stepWindow);
  if (stepWindow) return <WindowMetrics {...stepWindow} />;
  if (!summary) return null;
  return (
    <dl className="metrics" aria-label="Key metrics so far">
      {stripItems(scenario, summary)
        .filter((m) => !omit?.includes(m.id))
        .map((m) => (
          <MetricTile
            key={m.id}
            className={`metric${m.warn ? ' warn' : ''}`}
            title={m.why}
            color={m.color}
            label={m.label}
            value={m.value}
          />
        ))}
    </dl>
  );
}
