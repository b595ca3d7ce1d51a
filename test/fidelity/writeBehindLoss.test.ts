/**
 * fidelity.md section 8: "Write-behind: a crash loses exactly the writes not yet flushed". The count is
 * taken from the trace, not from the engine's queue: the writes the crashed instance accepted before
 * the crash, minus the rows its flusher had handed to the database by then.
 */
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../src/engine/index.ts';
import type { Scenario, Summary, TraceHop, TraceRequest } from '../../src/engine/types.ts';
import { getPreset } from '../../src/scenario/presets/index.ts';

function traced(scenario: Scenario): { summary: Summary; requests: TraceRequest[]; hops: TraceHop[] } {
  const sim = createSimulation(scenario, { trace: true });
  const requests: TraceRequest[] = [];
  const hops: TraceHop[] = [];
  for (let t = 500; t <= scenario.durationMs + 500; t += 500) {
    sim.runUntil(t);
    requests.push(...sim.drainRequests());
    hops.push(...sim.drainHops());
  }
  return { summary: sim.summary(), requests, hops };
}

/** Writes that reached `node` before `t` (a request arrives `clientMs` after it leaves the client). */
function accepted(requests: TraceRequest[], scenario: Scenario, instance: number | null, t: number): number {
  const hop = scenario.network.clientMs;
  return requests.filter(
    (r) => r.isWrite && (instance === null || r.instance === instance) && r.startMs + hop < t,
  ).length;
}

function handedToDb(hops: TraceHop[], from: string | null, t: number): number {
  return hops
    .filter((h) => h.op === 'flush' && (from === null || h.from === from) && h.startMs < t)
    .reduce((sum, h) => sum + (h.rows ?? 0), 0);
}

describe('write-behind: a crash loses exactly the writes not yet flushed', () => {
  it('instance-crash (queue in the app): the crashed instance loses its unflushed writes', () => {
    const scenario = getPreset('write-behind-crash')!;
    const crash = scenario.failures[0]!;
    const { summary, requests, hops } = traced(scenario);
    const expected =
      accepted(requests, scenario, crash.target, crash.atMs) -
      handedToDb(hops, `app-${crash.target}`, crash.atMs);
    expect(expected).toBeGreaterThan(0);
    expect(summary.lostWrites).toBe(expected);
    expect(summary.writeBehind?.lostWrites).toBe(expected);
    // Every acknowledged write is accounted for: committed, lost, or still waiting at the end.
    const wb = summary.writeBehind!;
    expect(wb.flushedRows + wb.lostWrites + wb.pendingAtEnd).toBe(wb.acknowledged);
  });

  it('redis-restart (queue in Redis): every instance loses its unflushed writes', () => {
    const base = getPreset('write-behind-crash')!;
    const at = 20_500;
    const scenario: Scenario = {
      ...base,
      cache: { ...base.cache, writeBehind: { ...base.cache.writeBehind, queueIn: 'redis' } },
      failures: [{ ...base.failures[0]!, kind: 'redis-restart', atMs: at, durationMs: 2000 }],
    };
    const { summary, requests, hops } = traced(scenario);
    const expected = accepted(requests, scenario, null, at) - handedToDb(hops, null, at);
    expect(expected).toBeGreaterThan(0);
    expect(summary.lostWrites).toBe(expected);
  });

  it('loses nothing when no failure happens', () => {
    const scenario: Scenario = { ...getPreset('write-behind-crash')!, failures: [] };
    const { summary } = traced(scenario);
    expect(summary.lostWrites).toBe(0);
    expect(summary.writeBehind!.flushedRows + summary.writeBehind!.pendingAtEnd).toBe(
      summary.writeBehind!.acknowledged,
    );
  });
});
