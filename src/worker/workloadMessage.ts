import type { WorkloadRequests } from '../engine/flow/types.ts';

/**
 * A trace's requests as they cross between threads (the trace worker to the page, the page to the
 * engine's worker): typed arrays, transferred, never copied; and the check the engine's worker makes
 * of what it receives, since a run trusts its workload's arrays to be as long as it says.
 */

/** The buffers of a workload's arrays, each once, to transfer with the message that carries it. */
export function workloadTransfer(w: WorkloadRequests): Transferable[] {
  const arrays = [w.timeMs, w.key, w.kind, w.size, w.ttlS];
  return [...new Set(arrays.filter((a) => a !== null).map((a) => a.buffer as ArrayBuffer))];
}

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;
const isCount = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x) && x >= 0;

/**
 * Checks a received workload's shape: every array of the right type and length, key ids below
 * `uniqueKeys`. Returns the workload, or the first problem in words.
 *
 * @example
 * const read = readWorkload(msg.workload);
 * if (!read.ok) fail(read.message);
 */
export function readWorkload(
  x: unknown,
): { ok: true; workload: WorkloadRequests } | { ok: false; message: string } {
  if (!isRecord(x)) return { ok: false, message: 'expected the requests of a trace' };
  const { length: n, uniqueKeys } = x;
  if (!isCount(n) || !isCount(uniqueKeys))
    return { ok: false, message: 'length and uniqueKeys: expected counts' };
  const arrays: [string, unknown, unknown, boolean][] = [
    ['timeMs', x.timeMs, Float64Array, false],
    ['key', x.key, Uint32Array, false],
    ['kind', x.kind, Uint8Array, false],
    ['size', x.size, Uint32Array, true],
    ['ttlS', x.ttlS, Uint32Array, true],
  ];
  for (const [name, a, type, nullable] of arrays) {
    if (a === null && nullable) continue;
    if (!(a instanceof (type as typeof Uint8Array)) || a.length !== n) {
      return { ok: false, message: `${name}: expected ${n} values in a ${(type as { name: string }).name}` };
    }
  }
  const key = x.key as Uint32Array;
  for (let i = 0; i < n; i++) {
    if (key[i]! >= uniqueKeys)
      return { ok: false, message: `key ${i}: ${key[i]} is not below uniqueKeys (${uniqueKeys})` };
  }
  const kind = x.kind as Uint8Array;
  for (let i = 0; i < n; i++) {
    if (kind[i]! > 2)
      return { ok: false, message: `kind ${i}: ${kind[i]} is not 0 (read), 1 (write) or 2 (delete)` };
  }
  return { ok: true, workload: x as unknown as WorkloadRequests };
}
