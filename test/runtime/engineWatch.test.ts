/**
 * The watch on the engine's worker: silence while a reply is due, or errors in a row, are shown, and
 * "Restart the engine" brings the same run back on a new engine. The clock is a variable here: no test
 * waits on wall time.
 */
import { describe, expect, it } from 'vitest';
import { createController } from '../../src/runtime/controller.ts';
import { RunClient } from '../../src/runtime/engineClient.ts';
import { BUSY_SILENT_MS, EngineWatch, FAILURES_IN_A_ROW, SILENT_MS } from '../../src/runtime/engineWatch.ts';
import { IDLE_FRAME_MS } from '../../src/runtime/framePacer.ts';
import { EngineSession } from '../../src/runtime/session.ts';
import { getPreset } from '../../src/scenario/presets/index.ts';
import { createAppStore, type AppStore } from '../../src/store/appStore.ts';
import { fanOut } from '../../src/worker/fanOut.ts';
import { localPort } from '../../src/worker/localPort.ts';
import type { EnginePort } from '../../src/worker/port.ts';
import type { CommandMessage } from '../../src/worker/protocol.ts';

function storeReaches(store: AppStore, pred: (s: ReturnType<AppStore['getState']>) => boolean) {
  return new Promise<void>((resolve) => {
    if (pred(store.getState())) return resolve();
    const off = store.subscribe((s) => pred(s) && (off(), resolve()));
  });
}

describe('EngineWatch', () => {
  it('calls silence beyond the deadline "silent" only while a reply is due, and a late answer clears it', () => {
    const w = new EngineWatch(0);
    expect(w.check(SILENT_MS * 5, false, false, 0)).toBe('ok');
    expect(w.check(SILENT_MS * 5 + SILENT_MS, true, false, SILENT_MS * 5)).toBe('ok');
    expect(w.check(SILENT_MS * 6 + 1, true, false, SILENT_MS * 5)).toBe('silent');
    expect(w.heard(SILENT_MS * 7, true)).toBe('ok');
  });

  it('gives a seek or a load the longer deadline', () => {
    const w = new EngineWatch(0);
    expect(w.check(SILENT_MS + 1, true, true, 0)).toBe('ok');
    expect(w.check(BUSY_SILENT_MS + 1, true, true, 0)).toBe('silent');
  });

  it('calls errors in a row "failing", and a frame between them resets the count', () => {
    const w = new EngineWatch(0);
    for (let i = 1; i < FAILURES_IN_A_ROW; i++) expect(w.heard(i, false)).toBe('ok');
    expect(w.heard(FAILURES_IN_A_ROW, true)).toBe('ok');
    for (let i = 1; i < FAILURES_IN_A_ROW; i++) w.heard(i, false);
    expect(w.heard(99, false)).toBe('failing');
  });
});

/** A local engine that can be made to stop answering (`dead`), and the commands it was sent. */
function killablePort() {
  const inner = localPort(() => 0);
  const out = fanOut();
  const sent: CommandMessage[] = [];
  const port = {
    dead: false,
    sent,
    post: (m: CommandMessage, t?: Transferable[]) => (sent.push(m), port.dead || inner.post(m, t)),
    listen: out.listen,
    close: () => inner.close(),
  };
  inner.listen((m) => port.dead || out.emit(m));
  return port;
}

/** Asks for a frame and resolves once it is back (the app asks for one every animation frame). */
function frameBack(session: EngineSession, port: ReturnType<typeof killablePort>, wall: number) {
  return new Promise<void>((resolve) => {
    const off = port.listen((m) => m.type === 'frame' && (off(), queueMicrotask(resolve)));
    session.requestFrame(wall);
  });
}

describe('EngineSession with a dead engine', () => {
  it('says the engine stopped, and Restart the engine brings back the scenario, its changes and the time', async () => {
    const scenario = { ...getPreset('stampede')!, durationMs: 20_000 };
    const store = createAppStore(scenario);
    store.getState().setApplied(scenario, 'stampede');
    let now = 0;
    const ports = [killablePort()];
    const session = new EngineSession(
      new RunClient(ports[0]!, 'main'),
      store,
      scenario,
      () => now,
      () => {
        ports.push(killablePort());
        return new RunClient(ports.at(-1)!, 'main');
      },
    );
    await session.seek(3000);
    session.liveChange('cache.l2.ttlMs', 1);
    await session.seek(3000); // the change is made at 3 s, then nothing moves
    await storeReaches(store, (s) => s.applied.changes.length === 1);
    await session.seek(6000);
    await frameBack(session, ports[0]!, now);
    const before = {
      t: store.getState().nowMs,
      events: store.getState().events,
      changes: store.getState().applied.changes,
    };

    ports[0]!.dead = true;
    // Paused: the next frame is asked for once IDLE_FRAME_MS have passed, and the watch counts from then.
    now += IDLE_FRAME_MS;
    session.requestFrame(now);
    now += SILENT_MS - 1;
    session.requestFrame(now);
    expect(store.getState().engineHealth).toBe('ok');
    now += 2;
    session.requestFrame(now);
    expect(store.getState().engineHealth).toBe('silent');
    expect(store.getState().playing).toBe(false);

    session.restartEngine();
    expect(store.getState().engineHealth).toBe('restarting');
    await storeReaches(store, (s) => s.engineHealth === 'ok');
    expect(store.getState().nowMs).toBe(before.t);
    const load = ports[1]!.sent.find((m) => m.type === 'load');
    expect(load?.type === 'load' && load.scenario.changes).toEqual(before.changes);
    expect(load?.type === 'load' && load.force).toBe(true);
    expect(store.getState().events).toBe(before.events);
    expect(store.getState().applied.changes).toEqual(before.changes);
    session.dispose();
  });

  it('waits longer for an engine that may be re-simulating a seek', async () => {
    const scenario = { ...getPreset('baseline')!, durationMs: 20_000 };
    const store = createAppStore(scenario);
    let now = 0;
    const port = killablePort();
    const reopen = () => new RunClient(port, 'main');
    const session = new EngineSession(reopen(), store, scenario, () => now, reopen);
    await frameBack(session, port, now);
    port.dead = true;
    void session.seek(15_000);
    session.requestFrame(now);
    now += SILENT_MS + 1;
    session.requestFrame(now);
    expect(store.getState().engineHealth).toBe('ok');
    now += BUSY_SILENT_MS;
    session.requestFrame(now);
    expect(store.getState().engineHealth).toBe('silent');
    session.dispose();
  });

  it('Play with a stopped engine starts a new one, which plays on from the same time', async () => {
    const scenario = { ...getPreset('baseline')!, durationMs: 20_000 };
    const store = createAppStore(scenario);
    store.getState().setApplied(scenario, 'baseline');
    let now = 0;
    const ports = [killablePort()];
    const reopen = () => (ports.push(killablePort()), new RunClient(ports.at(-1)!, 'main'));
    const session = new EngineSession(new RunClient(ports[0]!, 'main'), store, scenario, () => now, reopen);
    const controller = createController(session, store, () => Promise.resolve([]));
    await session.seek(4000);
    await frameBack(session, ports[0]!, now);
    ports[0]!.dead = true;
    // Paused: the next frame is asked for once IDLE_FRAME_MS have passed, and the watch counts from then.
    now += IDLE_FRAME_MS;
    session.requestFrame(now);
    now += SILENT_MS + 1;
    session.requestFrame(now);
    expect(store.getState().engineHealth).toBe('silent');
    controller.play();
    expect(ports).toHaveLength(2);
    expect(ports[1]!.sent.map((m) => m.type)).toEqual(['load', 'seek', 'play']);
    await storeReaches(store, (s) => s.engineHealth === 'ok' && s.playing && s.nowMs === 4000);
    session.dispose();
  });

  it('says the engine keeps failing after errors in a row, and stops asking it for frames', async () => {
    const scenario = { ...getPreset('baseline')!, durationMs: 20_000 };
    const store = createAppStore(scenario);
    const out = fanOut();
    const sent: CommandMessage[] = [];
    // An engine that answers every command with an error, as one that throws on each message does.
    const port: EnginePort = {
      post: (m) => {
        sent.push(m);
        setTimeout(() => out.emit({ v: 1, run: null, type: 'error', message: 'boom' }), 0);
      },
      listen: out.listen,
      close: () => {},
    };
    const reopen = () => new RunClient(port, 'main');
    const session = new EngineSession(reopen(), store, scenario, () => 0, reopen);
    for (let i = 0; i < FAILURES_IN_A_ROW + 3; i++) {
      session.requestFrame(i);
      await new Promise((r) => setTimeout(r, 0));
    }
    expect(store.getState().engineHealth).toBe('failing');
    // The banner says it once: the notice of the last error goes, and no more frames are asked for.
    expect(store.getState().notice).toBeNull();
    const frames = sent.filter((m) => m.type === 'frame').length;
    expect(frames).toBeLessThan(FAILURES_IN_A_ROW);
    session.requestFrame(100);
    expect(sent.filter((m) => m.type === 'frame')).toHaveLength(frames);
    session.dispose();
  });
});
