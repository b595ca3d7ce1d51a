import { ChartsPanel } from '../charts/ChartsPanel.tsx';
import { useScenarioInForce } from '../stage/inForce.ts';
import { selectSummary } from '../../store/selectors.ts';
import { useAppStore } from '../../store/useAppStore.ts';
import { RunFigures } from './RunFigures.tsx';
import { useChartsProps } from './useChartsProps.ts';

/**
 * The live charts and the figures of the mechanisms that are on, fed from the coarse summary the bridge
 * publishes (at most 10 times a second); each live change is marked on the time charts, and the alert
 * lines follow the thresholds in force at the playhead. In a comparison the time charts draw B's lines
 * over A's; the figures, histograms and shard charts are A's.
 */
export function ChartsSection() {
  const summary = useAppStore(selectSummary);
  const scenario = useScenarioInForce();
  const charts = useChartsProps();
  if (!summary || !charts) return null;
  return (
    <>
      <h2 className="visually-hidden">Charts</h2>
      <RunFigures summary={summary} scenario={scenario} />
      <ChartsPanel {...charts} />
    </>
  );
}
