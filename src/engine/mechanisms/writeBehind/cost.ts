import type { MechanismCost } from '../../costPart.ts';

/** Write-behind: a write is queued (its arrival and acknowledgement), the queue flushed in batches. */
export const writeBehindCost: MechanismCost = {
  name: 'writeBehind',
  writeEvents: (s) => (s.cache.strategy === 'write-behind' ? 2 + 3 / s.cache.writeBehind.batchSize : null),
  // Each instance's flush timer.
  clockEventsPerSecond: (s) =>
    s.cache.strategy === 'write-behind'
      ? (s.topology.instances * 1000) / s.cache.writeBehind.flushIntervalMs
      : 0,
};
