import { ChartsPanel } from '../charts/ChartsPanel.tsx';
import { selectApplied, selectSummary } from '../../store/selectors.ts';
import { useAppStore } from '../../store/useAppStore.ts';
import { RunFigures } from './RunFigures.tsx';

/**
 * The live charts and the figures of the mechanisms that are on, fed from the coarse summary the bridge
 * publishes (at most 10 times a second).
 */
export function ChartsSection() {
  const summary = useAppStore(selectSummary);
  const scenario = useAppStore(selectApplied);
  if (!summary) return null;
  return (
    <>
      <h2 className="visually-hidden">Charts</h2>
      <RunFigures summary={summary} scenario={scenario} />
      <ChartsPanel
        points={summary.series.points}
        intervalMs={summary.series.intervalMs}
        staleAges={summary.staleAges}
        ttls={summary.ttlDistribution}
        memory={{
          bytes: summary.shards.map((sh) => sh.memoryBytes),
          maxBytes: summary.shards[0]?.maxMemoryBytes ?? null,
        }}
        monitoring={scenario.monitoring}
      />
    </>
  );
}
