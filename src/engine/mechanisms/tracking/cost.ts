import type { MechanismCost } from '../../costPart.ts';

/**
 * Tracking: each invalidation message is one event at the instance it reaches. In BCAST mode every
 * write reaches every instance (all but the writer with NOLOOP). In the default modes a write reaches
 * the instances that read the key since its last change: after a write, the next thing to happen to
 * the key at one instance is a read of it there (rate ρλp/n) or the next write (rate (1 − ρ)λp), so an
 * instance holds it with probability (ρ/n)/(ρ/n + 1 − ρ), the same for every key, whatever its p.
 * Invalidations of keys that expire or are evicted are left out (a key read often enough to be held is
 * mostly rewritten before its TTL).
 */
export const trackingCost: MechanismCost = {
  name: 'tracking',
  clockEventsPerSecond: (s) => {
    const t = s.cache.tracking;
    if (!t.enabled || !s.cache.l1.enabled) return 0;
    const n = s.topology.instances;
    const read = s.workload.readRatio;
    const writes = s.workload.rps * (1 - read);
    if (writes === 0) return 0;
    const reached = t.noloop ? n - 1 : n;
    if (t.mode === 'bcast') return writes * reached;
    const holds = read / n / (read / n + (1 - read));
    return writes * reached * holds;
  },
};
