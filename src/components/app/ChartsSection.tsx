import { useMemo } from 'react';
import { ChartsPanel } from '../charts/ChartsPanel.tsx';
import { useController } from '../../runtime/controller.ts';
import { selectSummary } from '../../store/selectors.ts';
import { useAppStore } from '../../store/useAppStore.ts';

/** Keys sampled per shard for the TTL distribution: enough for its shape, cheap at 10 Hz. */
const TTL_SAMPLE = 400;

/** The live charts, fed from the coarse summary the bridge publishes (at most 10 times a second). */
export function ChartsSection() {
  const c = useController();
  const summary = useAppStore(selectSummary);
  const shards = useAppStore((s) => s.applied.topology.redisShards);
  const nowMs = useAppStore((s) => s.nowMs);
  const ttls = useMemo(() => {
    if (!summary) return [];
    const out: number[] = [];
    for (let i = 0; i < shards; i++) {
      for (const e of c.nodeKeys(`redis-${i}`, TTL_SAMPLE)) {
        if (e.expiresAtMs !== null) out.push(Math.max(0, e.expiresAtMs - nowMs));
      }
    }
    return out;
  }, [c, summary, shards, nowMs]);
  if (!summary) return null;
  return (
    <ChartsPanel
      points={summary.series.points}
      intervalMs={summary.series.intervalMs}
      staleAges={summary.staleAges}
      ttls={ttls}
    />
  );
}
