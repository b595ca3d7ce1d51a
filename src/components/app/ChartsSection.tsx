import { useMemo } from 'react';
import { ChartsPanel } from '../charts/ChartsPanel.tsx';
import { ChartWindowContext } from '../charts/WindowShade.tsx';
import { windowSpan } from '../../lessons/span.ts';
import { useScenarioInForce } from '../stage/inForce.ts';
import { selectSummary } from '../../store/selectors.ts';
import { useAppStore } from '../../store/useAppStore.ts';
import { RunFigures } from './RunFigures.tsx';
import { useChartsProps } from './useChartsProps.ts';

/**
 * The live charts and the figures of the mechanisms that are on, fed from the coarse summary the bridge
 * publishes (at most 10 times a second); each live change is marked on the time charts, and the alert
 * lines follow the thresholds in force at the playhead. In a comparison the time charts draw B's lines
 * over A's; the figures, histograms and shard charts are A's. While a lesson step is checked, the time
 * charts shade the window its answer was measured in.
 */
export function ChartsSection() {
  const summary = useAppStore(selectSummary);
  const scenario = useScenarioInForce();
  const charts = useChartsProps();
  // A checked lesson step's window, shaded on every time chart.
  const stepWindow = useAppStore((s) => s.stepWindow);
  const shade = useMemo(
    () =>
      stepWindow && {
        fromMs: stepWindow.fromMs,
        untilMs: stepWindow.untilMs,
        label: windowSpan(stepWindow.fromMs, stepWindow.untilMs),
      },
    [stepWindow],
  );
  if (!summary || !charts) return null;
  return (
    <ChartWindowContext.Provider value={shade}>
      <h2 className="visually-hidden">Charts</h2>
      {shade && (
        <p className="window-note">
          These figures and charts cover the run so far; the shaded stretch, {shade.label}, is the lesson
          step&apos;s window, whose figures the strip under the stage shows.
        </p>
      )}
      <RunFigures summary={summary} scenario={scenario} />
      <ChartsPanel {...charts} />
    </ChartWindowContext.Provider>
  );
}
