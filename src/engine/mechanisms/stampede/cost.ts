import type { Scenario } from '../../../scenario/schema.ts';
import type { MechanismCost } from '../../costPart.ts';

/** Engine events of one warm-up read: the paced step, the query, its reply and the SET with its reply. */
const WARM_READ_EVENTS = 5;

function warmAtStart(s: Scenario): number {
  const { warming, strategy } = s.cache;
  if (!warming.enabled || !warming.onStart || strategy === 'none' || s.workload.families.length > 0) return 0;
  return warming.topKeys;
}

/**
 * The stampede mitigations and warming: a lock's SET NX, its reply, release and waits on a miss; the
 * background refresher's reads; the warm-up's reads and the entries it writes before the first event.
 */
export const stampedeCost: MechanismCost = {
  name: 'stampede',
  // Keys a warm-up puts in Redis before the first request: the most popular ranks of a run without
  // families (with families, their ranks are not one order, and no key is taken as warm).
  warmKeys: (s) => warmAtStart(s),
  rankCuts: (s) => (warmAtStart(s) > 0 ? [warmAtStart(s)] : []),
  missEvents: (s) => (s.cache.stampede.mode === 'lock' ? 6 : 0),
  clockEventsPerSecond: (s, keys) => {
    const { stampede, l2 } = s.cache;
    if (stampede.mode !== 'background-refresh' || l2.ttlMs === null) return 0;
    return (Math.min(stampede.refreshTopKeys, keys) * 6 * 1000) / (l2.ttlMs * stampede.refreshAt);
  },
  // About 70 bytes per Redis entry the warm-up writes.
  keyState: (s, keys) => {
    const warmed = s.cache.warming.enabled ? Math.min(s.cache.warming.topKeys, keys) : 0;
    return { setupKeys: warmed, stateBytes: warmed * 70 };
  },
  // Warming after a restart, paced at one key per two reads' time of the pool, so cut short by the end.
  refillEvents: (s, keys, atMs, endMs) => {
    const { warming } = s.cache;
    if (!warming.enabled || !warming.afterRestart) return 0;
    const paced = ((endMs - atMs) * s.database.connections) / (2 * s.database.readMs);
    return WARM_READ_EVENTS * Math.max(0, Math.min(warming.topKeys, keys, paced));
  },
};
