import { useMemo } from 'react';
import { ChartsPanel } from '../charts/ChartsPanel.tsx';
import { groupChanges } from '../config/liveChanges.ts';
import { useScenarioInForce } from '../stage/inForce.ts';
import { selectApplied, selectSummary } from '../../store/selectors.ts';
import { useAppStore } from '../../store/useAppStore.ts';
import { RunFigures } from './RunFigures.tsx';

/**
 * The live charts and the figures of the mechanisms that are on, fed from the coarse summary the bridge
 * publishes (at most 10 times a second); each live change is marked on the time charts, and the alert
 * lines follow the thresholds in force at the playhead.
 */
export function ChartsSection() {
  const summary = useAppStore(selectSummary);
  const applied = useAppStore(selectApplied);
  const scenario = useScenarioInForce();
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
      <h2 className="visually-hidden">Charts</h2>
      <RunFigures summary={summary} scenario={scenario} />
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
        monitoring={scenario.monitoring}
      />
    </>
  );
}
