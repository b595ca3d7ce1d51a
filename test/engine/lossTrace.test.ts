import { describe, expect, it } from 'vitest';
import { createSimulation, runScenario } from '../../src/engine/index.ts';
import type { TraceHop } from '../../src/engine/types.ts';
import { getPreset } from '../../src/scenario/presets/index.ts';

function tracedHops(id: string, overrides = {}): { hops: TraceHop[]; lost: number; leaks: number } {
  const scenario = { ...getPreset(id)!, ...overrides };
  const sim = createSimulation(scenario, { trace: true });
  const hops: TraceHop[] = [];
  while (!sim.done()) {
    sim.runUntil(sim.now() + 1000);
    hops.push(...sim.drainHops());
  }
  const s = sim.summary();
  expect(s).toEqual(runScenario(scenario)); // tracing changes nothing the run computes
  return { hops, lost: s.lostWrites, leaks: s.cdn.crossUserLeaks };
}

describe('losses drawn where they happen', () => {
  it('each write lost in a crash is a hop at the crashed instance, under an id no request has', () => {
    const { hops, lost } = tracedHops('write-behind-crash', { durationMs: 22_000 });
    const gone = hops.filter((h) => h.op === 'lost');
    expect(lost).toBeGreaterThan(0);
    expect(gone).toHaveLength(Math.min(lost, 200));
    for (const h of gone) {
      expect([h.from, h.to, h.outcome]).toEqual(['app-1', 'app-1', 'error']);
      expect(h.requestId).toBeLessThan(0);
      expect(h.startMs).toBe(20_500);
    }
    expect(new Set(gone.map((h) => h.requestId)).size).toBe(gone.length);
  });

  it('a queue kept in Redis loses its writes at the shards of their keys', () => {
    const base = getPreset('write-behind-crash')!;
    const { hops, lost } = tracedHops('write-behind-crash', {
      durationMs: 22_000,
      cache: { ...base.cache, writeBehind: { ...base.cache.writeBehind, queueIn: 'redis' } },
      failures: [
        { atMs: 20_500, kind: 'redis-restart', durationMs: 1000, multiplier: 5, target: 0, stepMs: null },
      ],
    });
    const gone = hops.filter((h) => h.op === 'lost');
    expect(lost).toBeGreaterThan(0);
    expect(gone.length).toBe(Math.min(lost, 200));
    for (const h of gone) expect(h.from).toMatch(/^redis-\d$/);
  });

  it('each cross-user leak is the edge response drawn as an error', () => {
    const { hops, leaks } = tracedHops('cdn-leak', { durationMs: 5000 });
    const leaked = hops.filter((h) => h.op === 'leak');
    expect(leaks).toBeGreaterThan(0);
    expect(leaked).toHaveLength(leaks);
    for (const h of leaked) expect([h.from, h.to, h.outcome]).toEqual(['cdn', 'client', 'error']);
  });
});
