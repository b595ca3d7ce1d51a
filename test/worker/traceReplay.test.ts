/**
 * Replay in the app, the engine worker's side: the `workload` command hands a run a trace's requests,
 * every simulation of a scenario naming that trace is given them (seeks and live changes included),
 * and a scenario naming a trace the run does not hold is refused with words saying to open it again.
 */
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/engine/index.ts';
import type { Scenario, Summary } from '../../src/engine/types.ts';
import { getPreset } from '../../src/scenario/presets/index.ts';
import { TraceReader } from '../../src/trace/read/index.ts';
import { replayScenario, shapeOf, workloadOf } from '../../src/trace/replay.ts';
import type { Trace } from '../../src/trace/types.ts';
import { createEngineHost } from '../../src/worker/engineHost.ts';
import { PROTOCOL_VERSION, type EventMessage } from '../../src/worker/protocol.ts';

function csvTrace(n: number): Trace {
  const reader = new TraceReader({ format: 'csv' });
  const lines = Array.from({ length: n }, (_, i) => {
    const op = i % 10 === 0 ? 'set' : i % 41 === 0 ? 'delete' : 'get';
    return `${1000 + i * 3},k${(i * 7919) % 200},${100 + (i % 7)},${op}`;
  });
  reader.push(new TextEncoder().encode(['time_ms,key,size,op', ...lines].join('\n') + '\n'));
  return reader.finish();
}

function host() {
  const events: EventMessage[] = [];
  const h = createEngineHost(
    (msg) => events.push(msg),
    () => 0,
  );
  const send = (cmd: object, id?: number) =>
    h.handle({ ...cmd, v: PROTOCOL_VERSION, run: 'main', ...(id === undefined ? {} : { id }) });
  const reply = (id: number) => {
    const e = events.find((x) => (x.type === 'reply' || x.type === 'error') && x.id === id);
    if (!e) throw new Error(`no answer to ${id}`);
    return e;
  };
  return { events, send, reply };
}

const trace = csvTrace(2000);
const base: Scenario = { ...getPreset('baseline')!, seed: 3 };
const scenario = replayScenario(base, shapeOf(trace), { name: 'day1.csv', timeScale: 2 });

describe('replaying a trace in the engine worker', () => {
  it('the scenario built from the trace shape equals the one built from the trace', () => {
    expect(scenario).toEqual(replayScenario(base, trace, { name: 'day1.csv', timeScale: 2 }));
  });

  it('runs the held trace, request for request as the engine does headless', () => {
    const { send, reply } = host();
    send({ type: 'workload', name: 'day1.csv', workload: workloadOf(trace) }, 1);
    expect(reply(1)).toMatchObject({ type: 'reply', result: null });
    send({ type: 'load', scenario }, 2);
    expect(reply(2).type).toBe('reply');
    send({ type: 'runToEnd' }, 3);
    const r = reply(3);
    const summary = (r.type === 'reply' ? r.result : null) as Summary;
    const headless = runScenario(scenario, { workload: workloadOf(trace) });
    expect(summary.replay).toMatchObject({
      trace: 'day1.csv',
      timeScale: 2,
      traceRequests: 2000,
      made: 2000,
    });
    expect(summary.requests).toBe(headless.requests);
    expect(summary.l2).toEqual(headless.l2);
    expect(summary.db).toEqual(headless.db);
  });

  it('a seek back and a live change re-simulate on the trace too', () => {
    const { send, reply } = host();
    send({ type: 'workload', name: 'day1.csv', workload: workloadOf(trace) });
    send({ type: 'load', scenario });
    send({ type: 'seek', tMs: 2000 }, 1);
    send({ type: 'applyChange', path: 'cache.l2.ttlMs', value: 500 }, 2);
    send({ type: 'seek', tMs: 500 }, 3);
    send({ type: 'runToEnd' }, 4);
    for (const id of [1, 2, 3]) expect(reply(id).type).toBe('reply');
    const r = reply(4);
    const summary = (r.type === 'reply' ? r.result : null) as Summary;
    const withChange = { ...scenario, changes: [{ atMs: 2000, path: 'cache.l2.ttlMs', value: 500 }] };
    const headless = runScenario(withChange, { workload: workloadOf(trace) });
    expect(summary.replay?.made).toBe(2000);
    expect(summary.l2).toEqual(headless.l2);
  });

  it('refuses a scenario naming a trace it does not hold, and keeps the run it had', () => {
    const { send, reply } = host();
    send({ type: 'load', scenario }, 1);
    const refused = reply(1);
    expect(refused.type).toBe('error');
    expect(refused.type === 'error' && refused.message).toMatch(
      /replays the trace "day1.csv", which this page does not hold: open it again/,
    );
    send({ type: 'workload', name: 'other.csv', workload: workloadOf(trace) });
    send({ type: 'load', scenario }, 2);
    expect(reply(2).type).toBe('error');
  });

  it('refuses requests whose arrays do not match their length or keys, naming the field', () => {
    const { send, reply } = host();
    const w = workloadOf(trace);
    send({ type: 'workload', name: 't', workload: { ...w, key: w.key.subarray(1) } }, 1);
    const bad = reply(1);
    expect(bad.type === 'error' && bad.message).toMatch(
      /workload\.workload: expected the requests of a trace \(key: expected 2000 values in a Uint32Array\)/,
    );
  });
});
