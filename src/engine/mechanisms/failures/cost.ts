import type { MechanismCost } from '../../costPart.ts';

/** The failure timeline: Redis, or one of its shards, comes back empty when its restart ends. */
export const failuresCost: MechanismCost = {
  name: 'failures',
  redisEmptiedAt: (s) =>
    s.failures
      .filter((f) => f.kind === 'redis-restart' || f.kind === 'redis-shard-crash')
      .map((f) => f.atMs + f.durationMs),
};
