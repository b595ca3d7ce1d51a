import { l1Peek } from '../../core/l1Cache.ts';
import { shardOf } from '../../flow/addressing.ts';
import { appNode, redisNode, type Ctx } from '../../flow/context.ts';
import type { KeyView } from '../../flow/types.ts';
import { storePeek } from '../../redis/shardStore.ts';
import type { StaleWindowsModel, StaleWindowsState, TierModel } from './state.ts';

/**
 * What the key inspector and the stage are shown of the windows: each copy of a key in the L1s and in
 * Redis, how far past its TTL it is and the window it is in (KeyView.staleWindows), and the copies each
 * instance and shard served past their TTL (NodeView). Reads only: a view never changes the run.
 */

export type StaleCopy = NonNullable<KeyView['staleWindows']>[number];
export type StaleWindow = StaleCopy['window'];

/** The window a copy `pastMs` past its TTL is in. */
export function windowOf(pastMs: number, swr: number, sie: number): StaleWindow {
  if (pastMs < 0) return 'fresh';
  if (pastMs < swr) return 'while-revalidate';
  if (pastMs < sie) return 'if-error';
  return 'expired';
}

/** Whether the refresh `map` holds for `slot` is still in flight (its job still is that refresh). */
function refreshing(c: Ctx, x: StaleWindowsState, map: Map<number, number>, slot: number): boolean {
  const job = map.get(slot);
  return job !== undefined && x.refreshId[job] === c.s.jobs.requestId[job];
}

function copy(node: string, version: number, pastMs: number, t: TierModel, busy: boolean): StaleCopy {
  return {
    node,
    version,
    pastTtlMs: pastMs,
    window: windowOf(pastMs, t.swr, t.sie),
    whileRevalidateMs: t.swr,
    ifErrorMs: t.sie,
    refreshing: busy,
  };
}

/** The key's copies in every L1 (when the L1 has a window) and in Redis (when Redis has one). */
export function staleCopies(c: Ctx, w: StaleWindowsModel, x: StaleWindowsState, key: number): StaleCopy[] {
  const { m, s } = c;
  const out: StaleCopy[] = [];
  if (w.l1 !== null && m.l1Enabled) {
    for (let i = 0; i < s.l1.length; i++) {
      const e = l1Peek(s.l1[i]!, key, s.now);
      if (e === null || e.expiresAt === Infinity) continue;
      const past = s.now - (e.expiresAt - w.l1.ext);
      out.push(copy(appNode(i), e.version, past, w.l1, refreshing(c, x, x.refreshL1, key * m.instances + i)));
    }
  }
  if (w.l2 !== null && key >= m.copies.replicatedKeys) {
    const shard = shardOf(m, key);
    const sh = s.shards[shard]!;
    const e = sh.up ? storePeek(sh.store, key, s.now) : null;
    // Only a copy this mechanism kept past its TTL is under the windows.
    if (e !== null && e.expiresAt !== Infinity && e.expiresAt === x.extended[key]) {
      const past = s.now - (e.expiresAt - w.l2.ext);
      out.push(copy(redisNode(shard), e.version, past, w.l2, refreshing(c, x, x.refreshL2, key)));
    }
  }
  return out;
}

/** `keyView`: the key's copies, added to what another mechanism (the CDN) put there. */
export function staleKeyView(c: Ctx, key: number, view: KeyView): void {
  const w = c.m.mech.staleWindows as StaleWindowsModel | null;
  if (w === null) return;
  const copies = staleCopies(c, w, c.s.mech.staleWindows as StaleWindowsState, key);
  view.staleWindows = [...(view.staleWindows ?? []), ...copies];
}
