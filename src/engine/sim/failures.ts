import { schedule } from '../core/eventQueue.ts';
import { storeClear } from '../redis/shardStore.ts';
import { EV_RECOVER, type Ctx } from './context.ts';
import { onWritePathFailure, onWritePathRecover } from './writePaths.ts';

/**
 * A failure from the scenario's timeline starts. `redis-restart`: every shard goes down and comes
 * back after `durationMs` with an empty keyspace (no persistence), so the database takes the
 * cold-start herd. While a shard is down, reads fall back to the database.
 */
export function onFailure(c: Ctx, index: number): void {
  const f = c.m.scenario.failures[index]!;
  if (f.kind === 'redis-restart') {
    for (const shard of c.s.shards) {
      shard.up = false;
      storeClear(shard.store);
      shard.busyUntil = c.s.now;
    }
  }
  onWritePathFailure(c, f.kind, f.target);
  schedule(c.s.queue, c.s.now + f.durationMs, EV_RECOVER, index, 0);
}

export function onRecover(c: Ctx, index: number): void {
  const f = c.m.scenario.failures[index]!;
  if (f.kind === 'redis-restart') for (const shard of c.s.shards) shard.up = true;
  onWritePathRecover(c, f.kind, f.target);
}
