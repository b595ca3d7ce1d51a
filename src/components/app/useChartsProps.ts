import { useMemo, useSyncExternalStore } from 'react';
import type { Scenario } from '../../engine/types.ts';
import type { CompareRun } from '../../runtime/compareRun.ts';
import type { ChartsPanelProps } from '../charts/ChartsPanel.tsx';
import { groupChanges } from '../config/liveChanges.ts';
import { useScenarioInForce } from '../stage/inForce.ts';
import { selectApplied, selectSummary } from '../../store/selectors.ts';
import { useAppStore } from '../../store/useAppStore.ts';

const noSubscription = () => () => {};

/** Whether a run has an L1 at some time: from its start, or switched on by a live change. */
export function hasL1(scenario: Scenario): boolean {
  return (
    scenario.cache.l1.enabled ||
    scenario.changes.some((c) => c.path === 'cache.l1.enabled' && c.value === true)
  );
}

/** Run B's series while a comparison is open (B has a store of its own), else null. */
function useBSeries(compare: CompareRun | null) {
  return useSyncExternalStore(
    compare ? compare.store.subscribe : noSubscription,
    () => compare?.store.getState().summary?.series ?? null,
  );
}

/**
 * What the charts draw, from the coarse summary the bridge publishes (at most 10 times a second): the
 * series, each live change as a marker, and the alert lines of the thresholds in force at the
 * playhead; in a comparison, B's series, which the time charts draw over A's. Null until the engine
 * has sent a summary. The Charts tab and the Export dialog share it,
 * so an exported chart is the one the tab shows.
 */
export function useChartsProps(): ChartsPanelProps | null {
  const summary = useAppStore(selectSummary);
  const applied = useAppStore(selectApplied);
  const scenario = useScenarioInForce();
  const compare = useAppStore((s) => s.compare);
  const b = useBSeries(compare);
  const markers = useMemo(
    () =>
      groupChanges(applied, applied.changes).map((g) => ({
        tMs: g.fromMs,
        label: `${g.label} → ${g.after}`,
      })),
    [applied],
  );
  if (!summary) return null;
  return {
    points: summary.series.points,
    intervalMs: summary.series.intervalMs,
    staleAges: summary.staleAges,
    ttls: summary.ttlDistribution,
    markers,
    b,
    memory: {
      bytes: summary.shards.map((sh) => sh.memoryBytes),
      maxBytes: summary.shards[0]?.maxMemoryBytes ?? null,
    },
    monitoring: scenario.monitoring,
    l1: hasL1(applied) || (compare !== null && hasL1(compare.side.scenario)),
    tracking: summary.tracking && {
      samples: summary.tracking.series,
      instances: summary.tracking.receivedPerInstance.length,
    },
  };
}
