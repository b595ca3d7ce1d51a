/**
 * Snapshots: a compact copy of the state (typed arrays kept sparse when mostly one value) that
 * restores exactly, without the time series, whose memory does not grow with the run's length.
 */
import { serialize } from 'node:v8';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSimulation, runScenario } from '../../src/engine/index.ts';
import { decodeState, encodeState } from '../../src/engine/flow/snapshotCodec.ts';
import { scenarioSchema } from '../../src/scenario/schema.ts';

const scenario = scenarioSchema.parse({
  version: 1,
  seed: 11,
  durationMs: 40_000,
  workload: { rps: 400, readRatio: 0.9, keys: 20_000, zipf: 0.99 },
  topology: { instances: 3, redisShards: 2 },
  cache: { strategy: 'cache-aside', l1: { enabled: true, ttlMs: 500, maxKeys: 200 }, l2: { ttlMs: 5000 } },
});

const stats = () => ({ bytes: 0, rawBytes: 0 });

/** Bit-exact comparison of two typed arrays (so -0 and NaN payloads count). */
function sameBits(a: ArrayBufferView, b: ArrayBufferView): boolean {
  const x = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  const y = new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
  return x.length === y.length && x.every((v, i) => v === y[i]);
}

describe('snapshot codec', () => {
  it('round-trips typed arrays of every width bit for bit, sparse or dense', () => {
    const element = fc.oneof(
      fc.constant(0),
      fc.constant(-1),
      fc.constant(-0),
      fc.constant(Number.NaN),
      fc.double(),
      fc.integer(),
    );
    fc.assert(
      fc.property(
        fc.array(element, { maxLength: 300 }),
        fc.nat(6),
        fc.constantFrom(0, -1, 7),
        (values, sparseness, background) => {
          // Mostly the background value, with some elements set, so both encodings are exercised.
          const filled = values.map((v, i) => (i % (sparseness + 1) === 0 ? v : background));
          const arrays = [
            Float64Array.from(filled),
            Float32Array.from(filled),
            Int32Array.from(filled.map((v) => (Number.isFinite(v) ? v | 0 : 0))),
            Uint16Array.from(filled.map((v) => (Number.isFinite(v) ? v & 0xffff : 0))),
            Int8Array.from(filled.map((v) => (Number.isFinite(v) ? v | 0 : 0))),
          ];
          const back = decodeState(encodeState(arrays, stats())) as ArrayBufferView[];
          back.forEach((b, i) => {
            expect(b.constructor).toBe(arrays[i]!.constructor);
            expect(sameBits(b, arrays[i]!)).toBe(true);
            expect(b).not.toBe(arrays[i]);
          });
        },
      ),
      { seed: 5, numRuns: 300 },
    );
  });

  it('keeps nested objects, arrays, Maps and shared references, as structuredClone does', () => {
    const shared = { n: 1 };
    const value = {
      a: [1, 'two', null, true, { deep: new Uint8Array([0, 0, 3]) }],
      m: new Map<number, unknown>([
        [1, shared],
        [2, [shared]],
      ]),
      s: shared,
    };
    const back = decodeState(encodeState(value, stats())) as typeof value;
    expect(back).toEqual(value);
    expect(back.s).not.toBe(shared);
    expect(back.m.get(1)).toBe(back.s);
  });

  it('stores a mostly-zero array in a fraction of its size', () => {
    const versions = new Float64Array(100_000);
    for (let i = 0; i < 1000; i++) versions[i * 97] = i + 1;
    const s = stats();
    encodeState({ versions }, s);
    expect(s.rawBytes).toBe(800_000);
    expect(s.bytes).toBeLessThan(0.02 * s.rawBytes);
  });
});

describe('simulation snapshots', () => {
  it('restore into another simulation of the same scenario continues exactly, series included', () => {
    const a = createSimulation(scenario);
    a.runUntil(12_345);
    const snap = a.snapshot();
    expect(snap.atMs).toBe(12_345);
    expect(snap.events).toBe(a.events());
    const b = createSimulation(scenario);
    b.restore(snap);
    expect(b.summary().series.points).toEqual(a.summary().series.points);
    b.runUntil(Infinity);
    expect(b.summary()).toEqual(runScenario(scenario));
  });

  it('seeking back and forth over the same snapshots gives the uninterrupted run', () => {
    const sim = createSimulation(scenario);
    sim.runUntil(10_000);
    const early = sim.snapshot();
    sim.runUntil(30_000);
    const late = sim.snapshot();
    sim.restore(early);
    expect(sim.summary().series.points).toHaveLength(10);
    sim.restore(late);
    expect(sim.summary().series.points).toHaveLength(30);
    sim.restore(early);
    sim.runUntil(20_000);
    sim.restore(late);
    sim.runUntil(Infinity);
    expect(sim.summary()).toEqual(runScenario(scenario));
  });

  it('does not copy the time series: it adds nothing to a snapshot late in a run', () => {
    // 300 keys: every per-key table is saturated long before the first snapshot.
    const workload = { ...scenario.workload, keys: 300 };
    const sim = createSimulation({ ...scenario, workload, durationMs: 400_000 });
    sim.runUntil(200_000);
    const mid = sim.snapshot();
    sim.runUntil(400_000);
    const late = sim.snapshot();
    const points = sim.summary().series.points;
    expect(points).toHaveLength(400);
    // What the 200 points taken between the two snapshots would cost if snapshots held the series.
    const seriesBytes = serialize(points.slice(200)).length;
    expect(seriesBytes).toBeGreaterThan(50_000);
    expect(late.bytes - mid.bytes).toBeLessThan(seriesBytes / 4);
  });

  it('tracing never changes the run, so a fast-forward can run untraced', () => {
    const sim = createSimulation(scenario, { trace: true });
    sim.runUntil(5000);
    sim.setTracing(false);
    sim.runUntil(15_000);
    expect(sim.drainHops()).toEqual([]);
    sim.setTracing(true);
    sim.runUntil(15_100);
    expect(sim.drainHops().length).toBeGreaterThan(0);
    sim.runUntil(Infinity);
    expect(sim.summary()).toEqual(runScenario(scenario));
  });
});
