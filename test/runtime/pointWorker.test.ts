import { describe, expect, it } from 'vitest';
import { enginePointWorker } from '../../src/runtime/pointWorker.ts';
import { getPreset } from '../../src/scenario/presets/index.ts';
import { fanOut, type EnginePort } from '../../src/worker/fanOut.ts';
import {
  PROTOCOL_VERSION,
  type CommandMessage,
  type EngineEvent,
  type EventMessage,
  type RunId,
} from '../../src/worker/protocol.ts';

const scenario = getPreset('baseline')!;

/** A port the test answers by hand: what was posted, and `emit` for the worker's events. */
function manualPort() {
  const out = fanOut();
  const posted: CommandMessage[] = [];
  let closed = false;
  const port: EnginePort = {
    post: (msg) => void posted.push(msg),
    listen: out.listen,
    close: () => void (closed = true),
  };
  const emit = (e: EngineEvent & { run: RunId | null }) =>
    out.emit({ ...e, v: PROTOCOL_VERSION } as EventMessage);
  return { port, posted, emit, closed: () => closed };
}

describe('a sweep point worker', () => {
  it('resolves a run with the Summary the worker replies to runToEnd', async () => {
    const m = manualPort();
    const run = enginePointWorker(m.port).run(scenario);
    expect(m.posted.map((c) => c.type)).toEqual(['load', 'runToEnd']);
    const [load, toEnd] = m.posted as [CommandMessage & { id: number }, CommandMessage & { id: number }];
    const summary = { requests: 7 };
    m.emit({ run: 'sweep', type: 'reply', id: load.id, result: null });
    m.emit({ run: 'sweep', type: 'reply', id: toEnd.id, result: summary });
    await expect(run).resolves.toBe(summary);
  });

  it('rejects the waiting run and every later one when its worker fails, with what failed', async () => {
    const m = manualPort();
    const worker = enginePointWorker(m.port);
    const waiting = worker.run(scenario);
    const failure = "the engine's worker failed: out of memory";
    m.emit({ run: null, type: 'error', message: failure });
    await expect(waiting).rejects.toThrow(failure);
    const sent = m.posted.length;
    await expect(worker.run(scenario)).rejects.toThrow(failure);
    expect(m.posted.length).toBe(sent);
    worker.close();
    expect(m.closed()).toBe(true);
  });

  it("ignores another run's error", async () => {
    const m = manualPort();
    const run = enginePointWorker(m.port).run(scenario);
    m.emit({ run: 'main', type: 'error', message: 'not ours' });
    const toEnd = m.posted[1] as CommandMessage & { id: number };
    m.emit({ run: 'sweep', type: 'reply', id: (m.posted[0] as { id: number }).id, result: null });
    m.emit({ run: 'sweep', type: 'reply', id: toEnd.id, result: { requests: 1 } });
    await expect(run).resolves.toEqual({ requests: 1 });
  });
});
