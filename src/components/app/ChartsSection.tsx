import { ChartsPanel } from '../charts/ChartsPanel.tsx';
import { selectSummary } from '../../store/selectors.ts';
import { useAppStore } from '../../store/useAppStore.ts';
import { RunFigures } from './RunFigures.tsx';

/**
 * The live charts and the figures of the mechanisms that are on, fed from the coarse summary the bridge
 * publishes (at most 10 times a second).
 */
export function ChartsSection() {
  const summary = useAppStore(selectSummary);
  if (!summary) return null;
  return (
    <>
      <ChartsPanel
        points={summary.series.points}
        intervalMs={summary.series.intervalMs}
        staleAges={summary.staleAges}
        ttls={summary.ttlDistribution}
        memory={{
          bytes: summary.shards.map((sh) => sh.memoryBytes),
          maxBytes: summary.shards[0]?.maxMemoryBytes ?? null,
        }}
      />
      <RunFigures summary={summary} />
    </>
  );
}
