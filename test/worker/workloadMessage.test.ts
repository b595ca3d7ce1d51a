import { describe, expect, it } from 'vitest';
import type { WorkloadRequests } from '../../src/engine/flow/types.ts';
import { readWorkload, workloadTransfer } from '../../src/worker/workloadMessage.ts';

const workload = (): WorkloadRequests => ({
  length: 3,
  timeMs: Float64Array.of(0, 1, 2),
  key: Uint32Array.of(0, 1, 0),
  kind: Uint8Array.of(0, 1, 2),
  size: Uint32Array.of(10, 20, 10),
  ttlS: null,
  uniqueKeys: 2,
});

describe('a workload crossing threads', () => {
  it('reads a well-formed workload as it is', () => {
    const w = workload();
    expect(readWorkload(w)).toEqual({ ok: true, workload: w });
    expect(readWorkload({ ...w, size: null }).ok).toBe(true);
  });

  it('names what is wrong', () => {
    const w = workload();
    const message = (x: unknown) => {
      const r = readWorkload(x);
      return r.ok ? null : r.message;
    };
    expect(message(null)).toBe('expected the requests of a trace');
    expect(message({ ...w, length: -1 })).toBe('length and uniqueKeys: expected counts');
    expect(message({ ...w, timeMs: [0, 1, 2] })).toBe('timeMs: expected 3 values in a Float64Array');
    expect(message({ ...w, kind: Uint8Array.of(0, 1) })).toBe('kind: expected 3 values in a Uint8Array');
    expect(message({ ...w, ttlS: Uint32Array.of(1) })).toBe('ttlS: expected 3 values in a Uint32Array');
    expect(message({ ...w, key: Uint32Array.of(0, 2, 0) })).toBe('key 1: 2 is not below uniqueKeys (2)');
    expect(message({ ...w, kind: Uint8Array.of(0, 3, 0) })).toBe(
      'kind 1: 3 is not 0 (read), 1 (write) or 2 (delete)',
    );
  });

  it('transfers each buffer once, and a transferred workload arrives whole while the sender loses it', () => {
    const w = workload();
    const shared = new ArrayBuffer(24);
    const both = { ...w, key: new Uint32Array(shared, 0, 3), size: new Uint32Array(shared, 12, 3) };
    // timeMs, kind, and the one buffer under key and size (no TTLs).
    expect(workloadTransfer(both)).toHaveLength(3);
    const moved = structuredClone(w, { transfer: workloadTransfer(w) });
    expect(readWorkload(moved).ok).toBe(true);
    expect(Array.from(moved.key)).toEqual([0, 1, 0]);
    expect(w.key.length).toBe(0); // detached: moved, not copied
  });
});
