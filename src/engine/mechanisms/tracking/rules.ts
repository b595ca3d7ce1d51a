import { walkPick } from './nameTree.ts';
import { forget, remember, tableSize, treeOf, type Names, type Table } from './table.ts';

/**
 * Redis's tracking rules on one server (src/tracking.c), on plain data: which instances a change of a
 * key is sent to, what a read remembers, and the cap. The mechanism applies them to the simulated
 * shards (server.ts); the calibration applies them to the commands it sends a real redis-server, so
 * what it checks is this code.
 */

/** Why a message is sent: a command changed the key, it expired or was evicted, or the cap forgot it. */
export const WRITE = 0;
export const GONE = 1;
export const CAP = 2;

/** The settings the rules read. */
export interface Rules {
  bcast: boolean;
  optin: boolean;
  optout: boolean;
  optKeys: number;
  noloop: boolean;
  /** Keys a server's table may hold (Infinity: no limit). */
  tableMaxKeys: number;
  instances: number;
}

/** Where the rules send their messages, and their random draws. */
export interface Sink extends Names {
  send(inst: number, key: number, why: number): void;
  /** A uniform integer in [0, n). */
  randomInt(n: number): number;
  /** Whether the key's name is under a BCAST prefix. */
  underPrefix(key: number): boolean;
}

/** Keys numbered below `optKeys` are opted in (OPTIN) or out (OPTOUT). */
export function tracks(m: Rules, key: number): boolean {
  if (m.optin) return key < m.optKeys;
  if (m.optout) return key >= m.optKeys;
  return true;
}

/**
 * `key` changed. `writer`: the instance whose command was running (-1 for none). As in Redis, NOLOOP
 * spares it in BCAST mode only for its own writes (an expiry or eviction has no client), and in default
 * mode for anything done while its command runs (Redis compares with the current client): its writes,
 * and the keys that expired, were evicted or were forgotten by the cap then.
 */
export function changed(m: Rules, t: Table, sink: Sink, key: number, writer: number, why: number): void {
  if (m.bcast) {
    if (why === CAP || !sink.underPrefix(key)) return;
    for (let i = 0; i < m.instances; i++) {
      if (!(m.noloop && i === writer && why === WRITE)) sink.send(i, key, why);
    }
    return;
  }
  let readers = forget(t, key, sink);
  for (let i = 0; readers !== 0; i++, readers >>>= 1) {
    if ((readers & 1) !== 0 && !(m.noloop && i === writer)) sink.send(i, key, why);
  }
}

/**
 * Redis's trackingLimitUsedSlots, before each command: while over the cap, forgets the key a random walk
 * over the table's radix tree stops at (nameTree.ts).
 */
export function limit(m: Rules, t: Table, sink: Sink, writer: number): number {
  let forgotten = 0;
  while (tableSize(t) > m.tableMaxKeys) {
    changed(m, t, sink, walkPick(treeOf(t, sink), sink), writer, CAP);
    forgotten++;
  }
  return forgotten;
}

/** Keys that left the store by themselves (its `gone` log), each a change; `skip` is not one. */
export function drain(m: Rules, t: Table, sink: Sink, gone: number[], skip: number, writer: number): void {
  for (const key of gone) if (key !== skip) changed(m, t, sink, key, writer, GONE);
  gone.length = 0;
}

/** A read by `inst`: remembered unless BCAST or CLIENT CACHING says otherwise; true when the table grew. */
export function read(m: Rules, t: Table, sink: Sink, key: number, inst: number): boolean {
  if (m.bcast || !tracks(m, key)) return false;
  return remember(t, key, inst, sink);
}
