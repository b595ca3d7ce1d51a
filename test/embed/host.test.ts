import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { compressToEncodedURIComponent } from 'lz-string';
import { EmbedHost, type HostWindow } from '../../src/embed/host.ts';
import type { Controller } from '../../src/runtime/controller.ts';
import { validateChange } from '../../src/scenario/changes.ts';
import { getPreset } from '../../src/scenario/presets/index.ts';
import { decodeScenario, MAX_SCENARIO_TEXT } from '../../src/scenario/url.ts';
import { summarizeErrors } from '../../src/scenario/validate.ts';
import { createAppStore } from '../../src/store/appStore.ts';
import type { Scenario, Summary } from '../../src/engine/types.ts';

const DOCS = 'https://docs.example.com';
const OTHER = 'https://evil.example';
const stampede = getPreset('stampede')!;

function fakeWindow() {
  const listeners = new Set<(e: MessageEvent) => void>();
  const posted: { message: Record<string, unknown>; origin: string }[] = [];
  const win: HostWindow = {
    addEventListener: (_type, fn) => void listeners.add(fn),
    removeEventListener: (_type, fn) => void listeners.delete(fn),
    parent: { postMessage: (message, origin) => void posted.push({ message: message as never, origin }) },
  };
  const send = (data: unknown, origin = DOCS, source: unknown = null) => {
    for (const fn of listeners) fn({ data, origin, source } as MessageEvent);
  };
  return { win, send, posted, listeners };
}

const cmd = (fields: Record<string, unknown>) => ({ source: 'cachescope', version: 1, ...fields });

function controller() {
  return {
    play: vi.fn(),
    pause: vi.fn(),
    seek: vi.fn(),
    setSpeed: vi.fn(),
    setLiveField: vi.fn(),
    loadScenario: vi.fn((_scenario: Scenario, _presetId?: string | null) => {}),
    summary: vi.fn(() => Promise.resolve({ requests: 42 } as Summary)),
  };
}

function setup(origins: string[] = [DOCS], parentOrigin: string | null = null) {
  const w = fakeWindow();
  const c = controller();
  const store = createAppStore(stampede);
  const ignoredSeen: number[] = [];
  const host = new EmbedHost({
    win: w.win,
    controller: c as unknown as Controller,
    store,
    origins,
    parentOrigin,
    onIgnored: (i) => ignoredSeen.push(i.origin + i.foreign + i.bad),
  });
  const types = () => w.posted.map((p) => p.message.type);
  const errors = () => w.posted.filter((p) => p.message.type === 'error').map((p) => p.message.message);
  return { ...w, c, store, host, types, errors, ignoredSeen };
}

describe('the embed API, inside the embed', () => {
  it('says ready to each listed origin, and only to them', () => {
    const { posted } = setup([DOCS, 'https://b.example']);
    expect(posted).toEqual([
      {
        origin: DOCS,
        message: {
          source: 'cachescope',
          version: 1,
          type: 'ready',
          title: stampede.title,
          durationMs: stampede.durationMs,
          tMs: 0,
          playing: false,
          speed: 1,
        },
      },
      { origin: 'https://b.example', message: posted[0]!.message },
    ]);
  });

  it('posts to * only when the embedder listed * and the parent is unknown', () => {
    expect(setup(['*']).posted.map((p) => p.origin)).toEqual(['*']);
    expect(setup(['*'], OTHER).posted.map((p) => p.origin)).toEqual([OTHER]);
  });

  it('with the parent known, tells it alone, and nobody when it is not listed', () => {
    expect(setup([DOCS, 'https://b.example'], 'https://b.example').posted.map((p) => p.origin)).toEqual([
      'https://b.example',
    ]);
    expect(setup([DOCS], OTHER).posted).toEqual([]);
  });

  it('learns the parent from a listed command, and answers it alone from then on', () => {
    const { send, posted, win } = setup([DOCS, 'https://b.example']);
    expect(posted.map((p) => p.origin)).toEqual([DOCS, 'https://b.example']);
    posted.length = 0;
    send(cmd({ type: 'hello' }), 'https://b.example', win.parent);
    expect(posted.map((p) => [p.origin, p.message.type])).toEqual([['https://b.example', 'ready']]);
  });

  it('carries out commands from a listed origin', () => {
    const { send, c } = setup();
    send(cmd({ type: 'play' }));
    send(cmd({ type: 'pause' }));
    send(cmd({ type: 'seek', tMs: 12_000 }));
    send(cmd({ type: 'setSpeed', speed: 5 }));
    expect(c.play).toHaveBeenCalledOnce();
    expect(c.pause).toHaveBeenCalledOnce();
    expect(c.seek).toHaveBeenCalledWith(12_000);
    expect(c.setSpeed).toHaveBeenCalledWith(5);
  });

  it('ignores and counts commands from other origins, and answers them nothing', () => {
    const { send, c, host, posted, ignoredSeen } = setup();
    const before = posted.length;
    send(cmd({ type: 'play' }), OTHER);
    send(cmd({ type: 'seek', tMs: 1 }), 'null');
    send(cmd({ type: 'play' }), 'https://docs.example.com:8443');
    expect(c.play).not.toHaveBeenCalled();
    expect(c.seek).not.toHaveBeenCalled();
    expect(host.ignored).toEqual({ origin: 3, foreign: 0, bad: 0 });
    expect(ignoredSeen).toEqual([1, 2, 3]);
    expect(posted.length).toBe(before);
  });

  it('counts other scripts’ messages without answering, and answers a bad one of ours with an error', () => {
    const { send, host, errors, c } = setup();
    send({ hello: 'from an extension' });
    send('a string');
    send(cmd({ type: 'seek', tMs: 'soon' }));
    send(cmd({ type: 'jump' }));
    expect(host.ignored).toEqual({ origin: 0, foreign: 2, bad: 2 });
    expect(errors()).toEqual([
      'seek.tMs: got "soon", expected a number of simulated ms, 0 or more',
      expect.stringMatching(/^type: got "jump", not a command/),
    ]);
    expect(c.seek).not.toHaveBeenCalled();
  });

  it('refuses a seek past the end of the run', () => {
    const { send, errors, c } = setup();
    send(cmd({ type: 'seek', tMs: stampede.durationMs + 1 }));
    expect(c.seek).not.toHaveBeenCalled();
    expect(errors()).toEqual([
      `seek: tMs: got ${stampede.durationMs + 1}, expected a time from 0 to ${stampede.durationMs} (the run's length in ms)`,
    ]);
  });

  it('checks setField as a link’s change is checked, and passes on the parsed value', () => {
    const { send, errors, c } = setup();
    send(cmd({ type: 'setField', path: 'workload.hotKey', value: {} }));
    expect(c.setLiveField).toHaveBeenCalledWith('workload.hotKey', { share: 0.5 });
    for (const [path, value] of [
      ['cache.l2.ttlMs', -5],
      ['topology.instances', 8],
      ['cache.l2.ttlMS', 5],
    ] as const) {
      send(cmd({ type: 'setField', path, value }));
      const check = validateChange(path, value);
      expect(check.ok).toBe(false);
      if (!check.ok) expect(errors().at(-1)).toBe(`setField: ${check.message}`);
    }
    expect(errors()[0]).toMatch(/^setField: cache.l2.ttlMs: got -5, expected a number >= 1/);
    expect(c.setLiveField).toHaveBeenCalledOnce();
  });

  it('loads a scenario (object or JSON text), refusing a bad one with the words a link gets', () => {
    const { send, errors, c } = setup();
    send(cmd({ type: 'loadScenario', scenario: { version: 1, title: 'Mine', seed: 3 } }));
    send(cmd({ type: 'loadScenario', scenario: JSON.stringify({ version: 1, seed: 4 }) }));
    expect(c.loadScenario).toHaveBeenCalledTimes(2);
    expect(c.loadScenario.mock.calls[0]![0].title).toBe('Mine');
    expect(c.loadScenario.mock.calls[1]![0].seed).toBe(4);

    const bad = { version: 1, cache: { l2: { ttlMs: -5 } }, sede: 1 };
    send(cmd({ type: 'loadScenario', scenario: bad }));
    const asLink = decodeScenario(`#s=${compressToEncodedURIComponent(JSON.stringify(bad))}`);
    expect(asLink.ok).toBe(false);
    if (!asLink.ok) expect(errors().at(-1)).toBe(`loadScenario: ${summarizeErrors(asLink.errors)}`);

    send(cmd({ type: 'loadScenario', scenario: '{"version": 1,' }));
    expect(errors().at(-1)).toMatch(/^loadScenario: JSON syntax error at line 1/);
    send(cmd({ type: 'loadScenario', scenario: ' '.repeat(MAX_SCENARIO_TEXT + 1) }));
    expect(errors().at(-1)).toBe(
      `loadScenario: the scenario is ${MAX_SCENARIO_TEXT + 1} characters of JSON; at most ${MAX_SCENARIO_TEXT} are read`,
    );
    const cyclic: Record<string, unknown> = { version: 1 };
    cyclic.self = cyclic;
    send(cmd({ type: 'loadScenario', scenario: cyclic }));
    expect(errors().at(-1)).toMatch(/^loadScenario: the scenario cannot be written as JSON/);
    expect(c.loadScenario).toHaveBeenCalledTimes(2);
  });

  it('measures a large loadScenario object while walking it, and refuses it without writing it as JSON', () => {
    const { send, errors, c } = setup();
    // 120 000 fields, about 2.5 MB of JSON: past the cap after less than half of them.
    const big: Record<string, number> = { version: 1 };
    for (let i = 0; i < 120_000; i++) big[`field${i}`] = i;
    const stringify = vi.spyOn(JSON, 'stringify');
    try {
      send(cmd({ type: 'loadScenario', scenario: big }));
      expect(stringify).not.toHaveBeenCalledWith(big);
    } finally {
      stringify.mockRestore();
    }
    expect(errors().at(-1)).toBe(
      `loadScenario: the scenario is more than ${MAX_SCENARIO_TEXT} characters of JSON; at most ${MAX_SCENARIO_TEXT} are read`,
    );
    expect(c.loadScenario).not.toHaveBeenCalled();
    // Just under the cap, an object still goes through to the schema (which names its unknown field).
    send(cmd({ type: 'loadScenario', scenario: { version: 1, note: 'x'.repeat(MAX_SCENARIO_TEXT - 100) } }));
    expect(errors().at(-1)).toMatch(/^loadScenario: note: unknown field/);
  });

  it('answers a setField carried out with changed, and a loadScenario with loaded', () => {
    const { send, posted } = setup();
    send(cmd({ type: 'setField', path: 'cache.l2.ttlMs', value: 5000 }));
    expect(posted.at(-1)!.message).toMatchObject({ type: 'changed', path: 'cache.l2.ttlMs', value: 5000 });
    send(cmd({ type: 'setField', path: 'workload.hotKey', value: {} }));
    expect(posted.at(-1)!.message).toMatchObject({ type: 'changed', value: { share: 0.5 } });
    send(cmd({ type: 'loadScenario', scenario: { version: 1, title: 'Mine', durationMs: 20_000 } }));
    expect(posted.at(-1)!.message).toEqual({
      source: 'cachescope',
      version: 1,
      type: 'loaded',
      title: 'Mine',
      durationMs: 20_000,
      tMs: 0,
      playing: false,
      speed: 1,
    });
    const count = posted.length;
    send(cmd({ type: 'setField', path: 'cache.l2.ttlMs', value: -5 }));
    expect(posted.slice(count).map((p) => p.message.type)).toEqual(['error']);
  });

  it('says loaded for a scenario over the cost budget only once the reader runs it, else why not', () => {
    const heavy = { version: 1, title: 'Heavy', workload: { rps: 10_000_000 } };
    for (const answer of ['run', 'keep'] as const) {
      const { send, posted, store, c } = setup();
      // As the controller does: the scenario is applied, then the worker asks the reader.
      c.loadScenario.mockImplementation((scenario) => store.getState().setApplied(scenario, null));
      const before = store.getState().applied;
      send(cmd({ type: 'loadScenario', scenario: heavy }));
      expect(posted.at(-1)!.message.type).toBe('ready');
      const scenario = store.getState().applied;
      store.setState({ costPrompt: { scenario, estimate: {} as never, replacesRun: true } });
      if (answer === 'keep') store.setState({ applied: before });
      store.setState({ costPrompt: null });
      expect(posted.at(-1)!.message).toMatchObject(
        answer === 'run'
          ? { type: 'loaded', title: 'Heavy' }
          : { type: 'error', message: expect.stringMatching(/^loadScenario: "Heavy" was not run/) },
      );
    }
  });

  it('answers getSummary with a summary event, and hello with ready', async () => {
    const { send, posted, types } = setup();
    send(cmd({ type: 'getSummary' }));
    await Promise.resolve();
    expect(posted.at(-1)!.message).toMatchObject({ type: 'summary', summary: { requests: 42 } });
    send(cmd({ type: 'hello' }));
    expect(types()).toEqual(['ready', 'summary', 'ready']);
  });

  it('stops listening when stopped', () => {
    const { host, listeners } = setup();
    host.stop();
    expect(listeners.size).toBe(0);
  });
});

describe('state events', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('go out at once on play, pause, speed or a jump, and at most four a second while playing', async () => {
    const w = fakeWindow();
    const store = createAppStore(stampede);
    new EmbedHost({
      win: w.win,
      controller: controller() as unknown as Controller,
      store,
      origins: [DOCS],
      parentOrigin: DOCS,
      clock: () => Date.now(),
    });
    const states = () => w.posted.filter((p) => p.message.type === 'state').map((p) => p.message);
    store.setState({ nowMs: 500 });
    await Promise.resolve();
    expect(states().at(-1)).toMatchObject({ tMs: 500, playing: false });
    store.setState({ playing: true });
    await Promise.resolve();
    expect(states()).toHaveLength(2);
    // Ten clock updates a second for two seconds while playing.
    for (let i = 1; i <= 20; i++) {
      vi.advanceTimersByTime(100);
      store.setState({ nowMs: 500 + i * 100 });
    }
    vi.advanceTimersByTime(300);
    const playing = states().slice(2);
    expect(playing.length).toBeGreaterThanOrEqual(7);
    expect(playing.length).toBeLessThanOrEqual(9);
    expect(playing.at(-1)).toMatchObject({ tMs: 2500, playing: true });
    store.setState({ speed: 4 });
    await Promise.resolve();
    expect(states().at(-1)).toMatchObject({ speed: 4 });
    store.setState({ playing: false });
    await Promise.resolve();
    expect(states().at(-1)).toMatchObject({ playing: false });
  });

  it('one pause, one event: the changes a command makes in one task reach the page as one state', async () => {
    const w = fakeWindow();
    const store = createAppStore(stampede);
    store.setState({ playing: true, nowMs: 4_000 });
    new EmbedHost({
      win: w.win,
      controller: controller() as unknown as Controller,
      store,
      origins: [DOCS],
      parentOrigin: DOCS,
      clock: () => Date.now(),
    });
    vi.advanceTimersByTime(1_000);
    // The session hands the store the updates held while the pause was on its way, one after another.
    store.setState({ playing: false, nowMs: 4_030 });
    store.setState({ playing: false, nowMs: 4_061.4999999 });
    await Promise.resolve();
    vi.advanceTimersByTime(1_000);
    const states = w.posted.filter((p) => p.message.type === 'state').map((p) => p.message);
    expect(states).toEqual([expect.objectContaining({ tMs: 4_061, playing: false })]);
  });

  it('carry the time in whole milliseconds', async () => {
    const w = fakeWindow();
    const store = createAppStore(stampede);
    new EmbedHost({
      win: w.win,
      controller: controller() as unknown as Controller,
      store,
      origins: [DOCS],
      parentOrigin: DOCS,
    });
    store.setState({ nowMs: 86.94999999999891 });
    await Promise.resolve();
    expect(w.posted.at(-1)!.message).toMatchObject({ type: 'state', tMs: 87 });
    expect(w.posted.every((p) => Number.isInteger(p.message.tMs ?? 0))).toBe(true);
  });
});
