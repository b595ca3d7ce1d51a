import { preview } from '../scenario/quote.ts';

/**
 * A node as a link names it: numbered from 1 as on the stage (`app1` is "App 1", `redis2` is
 * "Redis shard 2"), while the engine's ids count from 0 (`app-0`, `redis-1`).
 */

const SINGLE = ['client', 'cdn', 'lb', 'db', 'cdc'];
const ALLOWED = 'client, cdn, lb, app<N>, redis<N> (numbered from 1 as on the stage), db or cdc';

export type NodeParam = { ok: true; id: string } | { ok: false; message: string };

/**
 * The engine's node id for a link's `node=` value.
 *
 * @example parseNodeParam('redis2') // { ok: true, id: 'redis-1' }
 */
export function parseNodeParam(raw: string): NodeParam {
  if (SINGLE.includes(raw)) return { ok: true, id: raw };
  const m = /^(app|redis)([1-9]\d{0,3})$/.exec(raw);
  if (m) return { ok: true, id: `${m[1]}-${Number(m[2]) - 1}` };
  return { ok: false, message: `node: got ${preview(raw)}, expected ${ALLOWED}` };
}

/**
 * A link's `node=` value for an engine node id.
 *
 * @example nodeParam('app-0') // 'app1'
 */
export function nodeParam(id: string): string {
  const m = /^(app|redis)-(\d+)$/.exec(id);
  return m ? `${m[1]}${Number(m[2]) + 1}` : id;
}
