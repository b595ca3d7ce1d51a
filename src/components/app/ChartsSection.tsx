import { useMemo, useSyncExternalStore } from 'react';
import type { CompareRun } from '../../runtime/compareRun.ts';
import { ChartsPanel } from '../charts/ChartsPanel.tsx';
import { groupChanges } from '../config/liveChanges.ts';
import { useScenarioInForce } from '../stage/inForce.ts';
import { selectApplied, selectSummary } from '../../store/selectors.ts';
import { useAppStore } from '../../store/useAppStore.ts';
import { RunFigures } from './RunFigures.tsx';

const noSubscription = () => () => {};

/** Run B's series while a comparison is open (B has a store of its own), else null. */
function useBSeries(compare: CompareRun | null) {
  return useSyncExternalStore(
    compare ? compare.store.subscribe : noSubscription,
    () => compare?.store.getState().summary?.series ?? null,
  );
}

/**
 * The live charts and the figures of the mechanisms that are on, fed from the coarse summary the bridge
 * publishes (at most 10 times a second); each live change is marked on the time charts, and the alert
 * lines follow the thresholds in force at the playhead. In a comparison the time charts draw B's lines
 * over A's; the figures, histograms and shard charts are A's.
 */
export function ChartsSection() {
  const summary = useAppStore(selectSummary);
  const applied = useAppStore(selectApplied);
  const scenario = useScenarioInForce();
  const b = useBSeries(useAppStore((s) => s.compare));
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
        b={b}
        memory={{
          bytes: summary.shards.map((sh) => sh.memoryBytes),
          maxBytes: summary.shards[0]?.maxMemoryBytes ?? null,
        }}
        monitoring={scenario.monitoring}
      />
    </>
  );
}
