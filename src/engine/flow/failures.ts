import { schedule } from '../core/eventQueue.ts';
import { EV_RECOVER, type Ctx } from './context.ts';
import { onWritePathFailure, onWritePathRecover } from './writePaths.ts';
import { setDbLatencySpike } from './dbExtras.ts';
import { warmAfterRestart } from './stampede/warming.ts';
import { crashShard, recoverShard, startDeploy } from './outages.ts';

/**
 * A failure from the scenario's timeline starts; each kind has its own handler, and the areas it
 * concerns (write paths, database extras) hook in after the switch.
 * - `redis-restart`: every shard goes down for `durationMs` and comes back with what its persistence
 *   kept (`cache.l2.persistence`); `redis-shard-crash`: the same for shard `target` only.
 * - `deploy`: a rolling restart of the app instances (see outages.ts); it schedules its own steps.
 * While a shard is down, requests fall back to the database or fail (`cache.redisDownPolicy`).
 */
export function onFailure(c: Ctx, index: number): void {
  const f = c.m.scenario.failures[index]!;
  switch (f.kind) {
    case 'redis-restart':
      for (let i = 0; i < c.s.shards.length; i++) crashShard(c, i);
      break;
    case 'redis-shard-crash':
      crashShard(c, f.target);
      break;
    case 'deploy':
      startDeploy(c, index);
      return;
    default:
      break;
  }
  onWritePathFailure(c, f.kind, f.target);
  if (f.kind === 'db-latency-spike') setDbLatencySpike(c.s.dbx, index, f.multiplier);
  schedule(c.s.queue, c.s.now + f.durationMs, EV_RECOVER, index, 0);
}

export function onRecover(c: Ctx, index: number): void {
  const f = c.m.scenario.failures[index]!;
  switch (f.kind) {
    case 'redis-restart':
      for (let i = 0; i < c.s.shards.length; i++) recoverShard(c, i);
      warmAfterRestart(c);
      break;
    case 'redis-shard-crash':
      recoverShard(c, f.target);
      warmAfterRestart(c);
      break;
    default:
      break;
  }
  onWritePathRecover(c, f.kind, f.target);
  if (f.kind === 'db-latency-spike') setDbLatencySpike(c.s.dbx, index, 1);
}
