/**
 * The worker protocol, run in-process through the same handler the Web Worker wraps: commands and
 * replies matched by id, frames carrying transferred typed arrays, versions, and bad messages answered
 * by an error event rather than a throw.
 */
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/engine/index.ts';
import type { Summary } from '../../src/engine/types.ts';
import { RunClient } from '../../src/runtime/engineClient.ts';
import { getPreset } from '../../src/scenario/presets/index.ts';
import { formatErrors, parseScenario } from '../../src/scenario/validate.ts';
import { createEngineHost } from '../../src/worker/engineHost.ts';
import type { ScenarioReader } from '../../src/worker/scenarioGuard.ts';
import { localPort } from '../../src/worker/localPort.ts';
import { PROTOCOL_VERSION, type EngineEvent, type EventMessage } from '../../src/worker/protocol.ts';

function baseline(durationMs = 10_000) {
  const s = getPreset('baseline');
  if (!s) throw new Error('baseline preset missing');
  return { ...s, durationMs };
}

/** A host whose events are collected synchronously (no clone, no delay). */
function directHost(readScenario?: ScenarioReader) {
  const events: EventMessage[] = [];
  const transfers: Transferable[][] = [];
  let wall = 0;
  const host = createEngineHost(
    (msg, transfer) => {
      events.push(msg);
      transfers.push(transfer);
    },
    () => wall,
    readScenario,
  );
  return { host, events, transfers, advance: (ms: number) => (wall += ms) };
}

/** Waits until `client` has delivered an event matching `pred`. */
function next(client: RunClient, pred: (e: EngineEvent) => boolean): Promise<EngineEvent> {
  return new Promise((resolve) => {
    const off = client.on((e) => {
      if (pred(e)) {
        off();
        resolve(e);
      }
    });
  });
}

describe('worker protocol', () => {
  it('answers a message of another version, or not an object, with an error event and ignores it', () => {
    const { host, events } = directHost();
    host.handle({ v: 2, run: 'a', type: 'play' });
    host.handle('play');
    host.handle({ v: PROTOCOL_VERSION, run: 'a', type: 'dance', id: 3 });
    expect(events).toEqual([
      {
        v: 1,
        run: 'a',
        type: 'error',
        message: 'protocol version 2 is not supported (this worker speaks 1)',
      },
      { v: 1, run: null, type: 'error', message: 'a message must be an object' },
      { v: 1, run: 'a', type: 'error', id: 3, message: 'type: unknown command "dance"' },
    ]);
    expect(host.runs()).toEqual([]);
  });

  it('names the field of a malformed command and of an invalid scenario', () => {
    // The page validates with parseScenario; a host given that validator names the bad field.
    const { host, events } = directHost((input) => {
      const parsed = parseScenario(input);
      return parsed.ok ? parsed : { ok: false, message: formatErrors(parsed.errors) };
    });
    host.handle({ v: 1, run: 'a', type: 'seek', tMs: 'soon' });
    host.handle({
      v: 1,
      run: 'a',
      type: 'load',
      id: 1,
      scenario: { version: 1, cache: { l2: { ttlMs: -5 } } },
    });
    host.handle({ v: 1, run: 'a', type: 'play' });
    const messages = events.map((e) => (e.type === 'error' ? e.message : e.type));
    expect(messages[0]).toBe('seek.tMs: expected a number of simulated ms');
    expect(messages[1]).toMatch(/^load\.scenario: cache\.l2\.ttlMs: got -5/);
    expect(messages[2]).toBe('run "a" does not exist: send "load" first');
  });

  it('in the worker, takes only a scenario already validated on the page (no schema there)', () => {
    const { host, events } = directHost();
    host.handle({
      v: 1,
      run: 'a',
      type: 'load',
      id: 1,
      scenario: { version: 1, cache: { l2: { ttlMs: -5 } } },
    });
    host.handle({ v: 1, run: 'a', type: 'load', id: 2, scenario: { ...baseline(), version: 2 } });
    host.handle({ v: 1, run: 'b', type: 'summariesAt', id: 3, scenario: 'baseline', times: [1000] });
    host.handle({ v: 1, run: 'a', type: 'load', id: 4, scenario: baseline() });
    const messages = events.map((e) => (e.type === 'error' ? e.message : e.type));
    expect(messages.slice(0, 3)).toEqual([
      'load.scenario: durationMs: expected a positive number of simulated ms',
      'load.scenario: version: this build reads version 1',
      'summariesAt.scenario: expected a scenario object',
    ]);
    expect(host.runs()).toEqual(['a']);
    const { durationMs: _d, ...rest } = baseline();
    const { workload: _w, failures: _f, ...partial } = baseline();
    host.handle({ v: 1, run: 'c', type: 'load', id: 5, scenario: rest });
    host.handle({ v: 1, run: 'c', type: 'load', id: 6, scenario: partial });
    const last = events.slice(-2).map((e) => (e.type === 'error' ? e.message : e.type));
    expect(last[0]).toBe('load.scenario: durationMs: expected a positive number of simulated ms');
    expect(last[1]).toMatch(/^load\.scenario: workload, failures: missing; /);
  });

  it('keeps several runs apart by id, and a disposed run is gone', () => {
    const { host, events } = directHost();
    host.handle({ v: 1, run: 'a', type: 'load', scenario: baseline() });
    host.handle({ v: 1, run: 'b', type: 'load', scenario: { ...baseline(), seed: 9 } });
    host.handle({ v: 1, run: 'a', type: 'seek', tMs: 2000 });
    expect(host.runs()).toEqual(['a', 'b']);
    const updates = events.filter((e) => e.type === 'update');
    const last = (run: string) => updates.filter((e) => e.run === run).at(-1);
    expect(last('a')?.type === 'update' && last('a')!.state.nowMs).toBe(2000);
    expect(last('b')?.type === 'update' && last('b')!.state.nowMs).toBe(0);
    host.handle({ v: 1, run: 'b', type: 'dispose' });
    expect(host.runs()).toEqual(['a']);
  });

  it('frames carry new particles as typed arrays, transferred, and only what is new', () => {
    const { host, events, transfers, advance } = directHost();
    host.handle({ v: 1, run: 'a', type: 'load', scenario: baseline() });
    host.handle({ v: 1, run: 'a', type: 'play' });
    let wall = 0;
    const frames: Extract<EngineEvent, { type: 'frame' }>[] = [];
    for (let i = 0; i < 20; i++) {
      advance(1);
      host.handle({ v: 1, run: 'a', type: 'frame', wallMs: (wall += 16), id: 100 + i });
      const f = events.filter((x) => x.type === 'frame').at(-1);
      if (f?.type === 'frame') frames.push(f);
    }
    expect(frames.map((f) => f.id)).toEqual(Array.from({ length: 20 }, (_, i) => 100 + i));
    const last = frames.at(-1)!;
    expect(last.state.playing).toBe(true);
    expect(last.state.nowMs).toBeCloseTo(19 * 16, 6);
    const total = frames.reduce((n, f) => n + f.particles.count, 0);
    expect(total).toBeGreaterThan(50);
    const f = frames.find((x) => x.particles.count > 0)!;
    expect(f.particles.start).toBeInstanceOf(Float64Array);
    expect(f.particles.from).toHaveLength(f.particles.count);
    // Every buffer of a frame's batch is in its transfer list.
    const index = events.indexOf(f as EventMessage);
    expect(transfers[index]).toContain(f.particles.start.buffer);
    expect(transfers[index]).toHaveLength(8);
    // Each hop becomes a particle once: no request's hop appears in two frames.
    const seen = new Set<string>();
    for (const fr of frames) {
      for (let i = 0; i < fr.particles.count; i++) {
        const id = `${fr.particles.requestId[i]}:${fr.particles.from[i]}:${fr.particles.start[i]}`;
        expect(seen.has(id)).toBe(false);
        seen.add(id);
      }
    }
  });

  it('round-trips through a port: replies matched by id, typed arrays arrive, buffers detach', async () => {
    const port = localPort(() => 0);
    const client = new RunClient(port, 'main');
    client.send({ type: 'load', scenario: baseline() });
    await client.call({ type: 'seek', tMs: 3000 });
    const [key, summary] = await Promise.all([
      client.query({ kind: 'inspectKey', key: 0 }),
      client.query({ kind: 'summary' }),
    ]);
    expect(key.key).toBe(0);
    expect((summary as Summary).series.points).toHaveLength(3);
    const id = client.frame(0);
    const frame = await next(client, (e) => e.type === 'frame');
    expect(frame.type === 'frame' && frame.id).toBe(id);
    // The seek drew the traffic in flight at 3 s; the page gets it as typed arrays.
    expect(frame.type === 'frame' && frame.particles.reset).toBe(true);
    expect(frame.type === 'frame' && frame.particles.count).toBeGreaterThan(0);
    expect(frame.type === 'frame' && frame.particles.requestId).toBeInstanceOf(Float64Array);
    await expect(client.query({ kind: 'nodeKeys', node: 'redis-0', limit: 5 })).resolves.toHaveLength(5);
    // Headless, as sweeps run it: to the end, untraced, the same Summary as the CLI's.
    const whole = await client.call<Summary>({ type: 'runToEnd' });
    expect(whole).toEqual(runScenario(baseline()));
    await expect(client.call({ type: 'seek', tMs: Number.NaN })).rejects.toThrow('seek.tMs');
    port.close();
  });

  it('sends only the series points the page lacks, and a seek back makes it drop the rest', () => {
    const { host, events } = directHost();
    host.handle({ v: 1, run: 'a', type: 'load', scenario: baseline() });
    host.handle({ v: 1, run: 'a', type: 'seek', tMs: 5000 });
    host.handle({ v: 1, run: 'a', type: 'seek', tMs: 7000 });
    host.handle({ v: 1, run: 'a', type: 'seek', tMs: 2000 });
    const cuts = events.flatMap((e) =>
      e.type === 'update' && e.summary && e.seriesFrom
        ? [{ from: e.seriesFrom.points, n: e.summary.series.points.length }]
        : [],
    );
    expect(cuts).toEqual([
      { from: 0, n: 0 },
      { from: 0, n: 5 },
      { from: 5, n: 2 },
      { from: 2, n: 0 },
    ]);
  });

  it('summariesAt reads a scenario headless at the times asked, as a run stopped there, and creates no run', async () => {
    const port = localPort();
    const client = new RunClient(port, 'lesson-check');
    const scenario = baseline(6000);
    const [at2, at6] = await client.call<Summary[]>({ type: 'summariesAt', scenario, times: [2000, 6000] });
    expect(at6).toEqual(runScenario(scenario));
    expect(at2).toEqual(runScenario({ ...scenario, durationMs: 2000 }));
    await expect(client.call({ type: 'summariesAt', scenario, times: [3000, 1000] })).rejects.toThrow(
      'summariesAt.times: expected from 1 to 16 simulated times',
    );
    await expect(
      client.call({ type: 'summariesAt', scenario: { ...scenario, seed: -1 }, times: [1000] }),
    ).rejects.toThrow(/^summariesAt\.scenario: seed/);
    await expect(client.query({ kind: 'summary' })).rejects.toThrow('does not exist');
    port.close();
  });
});
