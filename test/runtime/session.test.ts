/**
 * The page's side of a run: one frame request in flight at most, seeks coalesced while the engine
 * re-simulates, particles and the store fed from the worker's events.
 */
import { describe, expect, it } from 'vitest';
import { RunClient } from '../../src/runtime/engineClient.ts';
import { EngineSession } from '../../src/runtime/session.ts';
import { getPreset } from '../../src/scenario/presets/index.ts';
import { createAppStore } from '../../src/store/appStore.ts';
import { localPort } from '../../src/worker/localPort.ts';
import type { EnginePort } from '../../src/worker/port.ts';
import type { CommandMessage, EventMessage } from '../../src/worker/protocol.ts';

function setup() {
  const scenario = { ...getPreset('baseline')!, durationMs: 20_000 };
  const inner = localPort(() => 0);
  const sent: CommandMessage[] = [];
  const port: EnginePort = { ...inner, post: (m, t) => (sent.push(m), inner.post(m, t)) };
  const store = createAppStore(scenario);
  const session = new EngineSession(new RunClient(port, 'main'), store, scenario, () => 0);
  /** Resolves with the next frame the session takes in. */
  const frame = () =>
    new Promise<void>((resolve) => {
      const off = port.listen((m) => m.type === 'frame' && (off(), queueMicrotask(resolve)));
    });
  return { session, store, sent, frame };
}

const types = (sent: CommandMessage[]) => sent.map((m) => (m.type === 'seek' ? `seek ${m.tMs}` : m.type));

/** Resolves once the store satisfies `pred` (checked after every store update). */
function storeReaches(
  store: ReturnType<typeof createAppStore>,
  pred: (s: ReturnType<typeof store.getState>) => boolean,
) {
  return new Promise<void>((resolve) => {
    if (pred(store.getState())) return resolve();
    const off = store.subscribe((s) => pred(s) && (off(), resolve()));
  });
}

describe('EngineSession', () => {
  it('never has two frame requests in flight', async () => {
    const { session, sent, frame } = setup();
    session.send({ type: 'play' });
    const arrived = frame();
    session.requestFrame(0);
    session.requestFrame(16);
    session.requestFrame(33);
    expect(types(sent).filter((t) => t === 'frame')).toHaveLength(1);
    await arrived;
    session.requestFrame(50);
    expect(types(sent).filter((t) => t === 'frame')).toHaveLength(2);
  });

  it('paused and untouched, asks for a frame once a second, and at once after any command', async () => {
    const { session, sent, frame } = setup();
    const frames = () => types(sent).filter((t) => t === 'frame').length;
    let arrived = frame();
    session.requestFrame(0);
    await arrived;
    expect(session.state.playing).toBe(false);
    for (let wall = 16; wall < 1000; wall += 16) session.requestFrame(wall);
    expect(frames()).toBe(1);
    arrived = frame();
    session.requestFrame(1000);
    expect(frames()).toBe(2);
    await arrived;
    // A seek (any command) may change what the next frame holds: it is asked for on the next animation frame.
    await session.seek(3000);
    session.requestFrame(1016);
    expect(frames()).toBe(3);
  });

  it('runs only the latest of the seeks asked for while one is running, then clears the target', async () => {
    const { session, store, sent } = setup();
    void session.seek(4000);
    void session.seek(8000);
    const done = session.seek(12_000);
    expect(store.getState().seekTargetMs).toBe(12_000);
    await done;
    expect(types(sent).filter((t) => t.startsWith('seek'))).toEqual(['seek 4000', 'seek 12000']);
    expect(store.getState().seekTargetMs).toBeNull();
    expect(store.getState().nowMs).toBe(12_000);
    expect(store.getState().summary?.series.points).toHaveLength(12);
  });

  it('sends a scenario loaded just before a seek first, so the seek moves the new run', async () => {
    const { session, store, sent } = setup();
    const other = { ...getPreset('stampede')!, durationMs: 20_000 };
    session.load(other);
    await session.seek(5000);
    expect(types(sent).slice(-2)).toEqual(['load', 'seek 5000']);
    expect(store.getState().nowMs).toBe(5000);
    expect(store.getState().summary?.title).toBe(other.title);
  });

  it('sends a dragged field once per frame, shows it at once, and clears it when the engine has it', async () => {
    const { session, store, sent } = setup();
    await session.seek(3000);
    for (const v of [40_000, 30_000, 20_000]) session.liveChange('cache.l2.ttlMs', v);
    session.liveChange('workload.rps', 1500);
    expect(store.getState().liveOverlay).toEqual({ 'cache.l2.ttlMs': 20_000, 'workload.rps': 1500 });
    expect(types(sent).filter((t) => t === 'applyChange')).toHaveLength(0);
    session.requestFrame(0);
    const applied = sent.filter((m) => m.type === 'applyChange');
    expect(applied.map((m) => m.type === 'applyChange' && [m.path, m.value])).toEqual([
      ['cache.l2.ttlMs', 20_000],
      ['workload.rps', 1500],
    ]);
    await storeReaches(
      store,
      (st) => st.applied.changes.length === 2 && Object.keys(st.liveOverlay).length === 0,
    );
    expect(store.getState().applied.changes).toEqual([
      { atMs: 3000, path: 'cache.l2.ttlMs', value: 20_000 },
      { atMs: 3000, path: 'workload.rps', value: 1500 },
    ]);
    // The draft follows (it is the scenario "Apply & restart" and links use).
    expect(store.getState().draft).toBe(store.getState().applied);
  });

  it("takes in a seek's particles and paints ahead of the last frame while playing", async () => {
    const { session, frame } = setup();
    await session.seek(5000);
    let arrived = frame();
    session.requestFrame(1000);
    await arrived;
    expect(session.particles.count).toBeGreaterThan(0);
    expect(session.paintTime(1050)).toBe(5000);
    session.send({ type: 'play' });
    arrived = frame();
    session.requestFrame(1100);
    await arrived;
    expect(session.state.playing).toBe(true);
    // Half a 60 Hz frame after the request the frame answered, at 1x.
    expect(session.paintTime(1108)).toBeCloseTo(session.state.nowMs + 8, 6);
    expect(session.paintTime(5000)).toBeCloseTo(session.state.nowMs + 100, 6);
  });
});

describe('EngineSession and the cost guard', () => {
  it('a first scenario refused as too costly leaves no frame stalled, and loading it by force runs it', async () => {
    const heavy = {
      ...getPreset('baseline')!,
      durationMs: 86_400_000,
      workload: { ...getPreset('baseline')!.workload, rps: 50_000 },
    };
    const port = localPort(() => 0);
    const store = createAppStore(heavy);
    const session = new EngineSession(new RunClient(port, 'main'), store, heavy, () => 0);
    // Asked for before the refusal is known: the worker has no run to answer it.
    session.requestFrame(0);
    await storeReaches(store, (s) => s.costPrompt !== null);
    expect(store.getState().costPrompt?.replacesRun).toBe(false);
    expect(store.getState().notice).toBeNull();
    session.load(heavy, true);
    const framed = new Promise<void>((resolve) => {
      const off = port.listen((m) => m.type === 'frame' && (off(), resolve()));
    });
    // The page asks for a frame on every animation frame; one is answered once the run exists.
    const ticking = setInterval(() => session.requestFrame(16), 1);
    await framed;
    clearInterval(ticking);
    expect(store.getState().notice).toBeNull();
  });
});

describe('EngineSession play and pause', () => {
  it('shows a pause once: updates the worker sent before it took the pause never say playing', async () => {
    const scenario = getPreset('baseline')!;
    let emit: (m: EventMessage) => void = () => {};
    const sent: CommandMessage[] = [];
    const port: EnginePort = {
      post: (m) => void sent.push(m),
      listen: (fn) => ((emit = fn), () => {}),
      close: () => {},
    };
    const store = createAppStore(scenario);
    store.setState({ playing: true });
    const session = new EngineSession(new RunClient(port, 'main'), store, scenario, () => 0);
    const seen: boolean[] = [];
    store.subscribe((s) => seen.push(s.playing));
    const update = (nowMs: number, playing: boolean): EventMessage =>
      ({
        v: 1,
        run: 'main',
        type: 'update',
        state: { ...session.state, nowMs, playing },
        nodes: { nowMs, shards: [] },
        recent: [],
      }) as unknown as EventMessage;
    const paused = session.playback('pause');
    const id = sent.find((m) => m.type === 'pause')!.id!;
    emit(update(1000, true)); // a frame's update, from before the pause reached the worker
    expect(store.getState().playing).toBe(true); // nothing changes until the worker has paused
    emit(update(1040, false)); // the pause's own update
    emit({ v: 1, run: 'main', type: 'reply', id, result: null } as EventMessage);
    await paused;
    expect(seen).toEqual([false, false]);
    expect(store.getState()).toMatchObject({ playing: false, nowMs: 1040 });
    // From then on updates pass as they come.
    emit(update(1040, false));
    expect(seen).toHaveLength(3);
  });
});
