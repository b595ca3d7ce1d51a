import { ChartsPanel } from '../charts/ChartsPanel.tsx';
import { useMemo } from 'react';
import { groupChanges } from '../config/liveChanges.ts';
import { selectApplied, selectSummary } from '../../store/selectors.ts';
import { useAppStore } from '../../store/useAppStore.ts';
import { RunFigures } from './RunFigures.tsx';

/**
 * The live charts and the figures of the mechanisms that are on, fed from the coarse summary the bridge
 * publishes (at most 10 times a second).
 */
export function ChartsSection() {
  const summary = useAppStore(selectSummary);
  const applied = useAppStore(selectApplied);
  const markers = useMemo(
    () =>
      groupChanges(applied, applied.changes).map((g) => ({
        tMs: g.fromMs,
        label: `${g.label} → ${g.after}`,
      })),
    [applied],
  );
  if (!summary) return null;
  return (
    <>
      <ChartsPanel
        points={summary.series.points}
        intervalMs={summary.series.intervalMs}
        staleAges={summary.staleAges}
        ttls={summary.ttlDistribution}
        markers={markers}
        memory={{
          bytes: summary.shards.map((sh) => sh.memoryBytes),
          maxBytes: summary.shards[0]?.maxMemoryBytes ?? null,
        }}
      />
      <RunFigures summary={summary} />
    </>
  );
}
