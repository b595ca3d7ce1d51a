import { describe, expect, it } from 'vitest';
import { createSimulation, runScenario } from '../../src/engine/index.ts';
import type { MadeRequest, Scenario } from '../../src/engine/types.ts';
import { getPreset } from '../../src/scenario/presets/index.ts';
import { TraceReader } from '../../src/trace/read/index.ts';
import { replayScenario, workloadOf } from '../../src/trace/replay.ts';
import type { Trace } from '../../src/trace/types.ts';

/** The replay mechanism (src/engine/mechanisms/replay): a trace as the run's workload source. */

function csvTrace(lines: string[]): Trace {
  const reader = new TraceReader({ format: 'csv' });
  reader.push(new TextEncoder().encode(['time_ms,key,size,op,ttl_s', ...lines].join('\n') + '\n'));
  return reader.finish();
}

/** One instance, L1 off, no Redis TTL: every read's outcome is Redis's. */
function quiet(patch: (s: Scenario) => void = () => {}): Scenario {
  const s = structuredClone(getPreset('baseline')!);
  s.topology.instances = 1;
  s.cache.l1.enabled = false;
  s.cache.l2.ttlMs = null;
  patch(s);
  return s;
}

function replayed(base: Scenario, trace: Trace, timeScale = 1) {
  const scenario = replayScenario(base, trace, { name: 't.csv', timeScale });
  const made: MadeRequest[] = [];
  const summary = runScenario(scenario, { workload: workloadOf(trace), onRequest: (r) => made.push(r) });
  return { scenario, summary, made };
}

describe('replay of a trace', () => {
  const mixed = csvTrace(
    Array.from({ length: 3000 }, (_, i) => {
      const op = i % 10 === 0 ? 'set' : i % 37 === 0 ? 'delete' : 'get';
      return `${1000 + i * 0.7},k${(i * 7919) % 300},${100 + (i % 5)},${op},${i % 4 === 0 ? 3 : ''}`;
    }),
  );

  it('is deterministic: the same trace and seed give the same Summary, byte for byte', () => {
    const a = replayed(getPreset('baseline')!, mixed);
    const b = replayed(getPreset('baseline')!, mixed);
    expect(JSON.stringify(a.summary)).toBe(JSON.stringify(b.summary));
    expect(a.summary.replay).toEqual({
      trace: 't.csv',
      timeScale: 1,
      traceRequests: 3000,
      made: 3000,
      deletes: mixed.op.filter((op) => op === 8).length,
    });
  });

  it("makes each request at the trace's time, from its first whole second, divided by the time scale", () => {
    for (const scale of [1, 4]) {
      const { made, scenario } = replayed(getPreset('baseline')!, mixed, scale);
      expect(made).toHaveLength(mixed.length);
      made.forEach((r, i) => expect(r.timeMs).toBeCloseTo((mixed.timeMs[i]! - 1000) / scale, 9));
      // The run lasts to the last request's time and a second, scaled.
      expect(scenario.durationMs).toBe(Math.ceil((mixed.timeMs[mixed.length - 1]! - 1000 + 1000) / scale));
    }
  });

  it('spreads the requests of one timestamp evenly until the next (whole-second traces)', () => {
    const t = csvTrace([
      '5000,a,1,get,',
      '5000,b,1,get,',
      '5000,c,1,get,',
      '5000,d,1,get,',
      '5400,e,1,get,',
      '6000,f,1,get,',
    ]);
    const { made } = replayed(getPreset('baseline')!, t);
    expect(made.map((r) => r.timeMs)).toEqual([0, 100, 200, 300, 400, 1000]);
  });

  it('replays reads as reads, writes as writes and deletes as invalidations, whatever the strategy', () => {
    // cache-aside-update: a write refreshes the cached value, so only the delete makes the read after it miss.
    const t = csvTrace([
      '0,k,10,get,',
      '100,k,10,get,',
      '200,k,10,set,',
      '300,k,10,get,',
      '400,k,10,delete,',
      '500,k,10,get,',
    ]);
    const { summary, made } = replayed(
      quiet((s) => (s.cache.strategy = 'cache-aside-update')),
      t,
    );
    expect(made.map((r) => r.kind)).toEqual([0, 0, 1, 0, 2, 0]);
    expect(summary).toMatchObject({ requests: 6, reads: 4, writes: 2, db: { reads: 2, writes: 2 } });
    expect(summary.l2).toMatchObject({ hits: 2, misses: 2 });
    expect(summary.replay?.deletes).toBe(1);
  });

  it("gives each key the trace's TTL, shrunk by the time scale, and the scenario's where the trace has none", () => {
    // k expires 2 s (trace time) after its fill; n has no TTL in the trace and none in the scenario.
    const t = csvTrace([
      '0,k,10,get,2',
      '0,n,10,get,',
      '1500,k,10,get,',
      '1500,n,10,get,',
      '3500,k,10,get,',
      '3500,n,10,get,',
    ]);
    for (const scale of [1, 2]) {
      const { summary, made } = replayed(quiet(), t, scale);
      expect(made.filter((r) => r.key === 0).map((r) => r.l2TtlMs)).toEqual([
        2000 / scale,
        2000 / scale,
        2000 / scale,
      ]);
      expect(made.find((r) => r.key === 1)!.l2TtlMs).toBe(Infinity);
      // k: miss, hit, miss (expired); n: miss, hit, hit.
      expect(summary.l2).toMatchObject({ hits: 3, misses: 3 });
    }
  });

  it("sizes each key's Redis entry by the trace's size for it", () => {
    const t = csvTrace(['0,small,10,get,', '0,big,100000,get,']);
    const { made } = replayed(quiet(), t);
    expect(made.map((r) => r.valueBytes)).toEqual([10, 100000]);
    const sim = createSimulation(replayScenario(quiet(), t, { name: 't' }), { workload: workloadOf(t) });
    sim.runUntil(Infinity);
    const bytes = sim.summary().shards.reduce((n, s) => n + s.memoryBytes, 0);
    expect(bytes).toBeGreaterThan(100000);
  });

  it('plays on after a snapshot restore exactly as straight through', () => {
    const scenario = replayScenario(getPreset('baseline')!, mixed, { name: 't' });
    const straight = createSimulation(scenario, { workload: workloadOf(mixed) });
    straight.runUntil(Infinity);
    const resumed = createSimulation(scenario, { workload: workloadOf(mixed) });
    resumed.runUntil(800);
    const snap = resumed.snapshot();
    resumed.runUntil(1500);
    resumed.restore(snap);
    resumed.runUntil(Infinity);
    expect(JSON.stringify(resumed.summary())).toBe(JSON.stringify(straight.summary()));
  });

  it('says what is wrong when a scenario names a trace the run was not given, or one with too many keys', () => {
    const scenario = replayScenario(getPreset('baseline')!, mixed, { name: 'mine.csv' });
    expect(() => runScenario(scenario)).toThrow(
      /replays the trace "mine.csv", but the run was given none of its requests/,
    );
    const few = { ...scenario, workload: { ...scenario.workload, keys: 10 } };
    expect(() => runScenario(few, { workload: workloadOf(mixed) })).toThrow(
      /has 300 distinct keys, more than workload.keys \(10\)/,
    );
  });
});
