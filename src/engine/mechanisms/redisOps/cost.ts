import type { MechanismCost } from '../../costPart.ts';

/** Redis's active expiry: each shard runs its expiry cycle `hz` times a second. */
export const redisOpsCost: MechanismCost = {
  name: 'redisOps',
  timerEventsPerSecond: (s) => s.cache.l2.hz * s.topology.redisShards,
};
