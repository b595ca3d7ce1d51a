import { describe, expect, it } from 'vitest';
import { readMessage } from '../../src/embed/readMessage.ts';

const msg = (fields: Record<string, unknown>) => ({ source: 'cachescope', version: 1, ...fields });

describe('embed API messages', () => {
  it('reads each command, keeping only its own fields', () => {
    expect(readMessage(msg({ type: 'play' }))).toEqual({ kind: 'command', command: { type: 'play' } });
    expect(readMessage(msg({ type: 'seek', tMs: 1500, extra: 'dropped' }))).toEqual({
      kind: 'command',
      command: { type: 'seek', tMs: 1500 },
    });
    expect(readMessage(msg({ type: 'setSpeed', speed: 2 }))).toEqual({
      kind: 'command',
      command: { type: 'setSpeed', speed: 2 },
    });
    expect(readMessage(msg({ type: 'setField', path: 'cache.l2.ttlMs', value: 5 }))).toEqual({
      kind: 'command',
      command: { type: 'setField', path: 'cache.l2.ttlMs', value: 5 },
    });
    expect(readMessage(msg({ type: 'loadScenario', scenario: '{"version":1}' })).kind).toBe('command');
    expect(readMessage(msg({ type: 'loadScenario', scenario: { version: 1 } })).kind).toBe('command');
    for (const type of ['pause', 'getSummary', 'hello']) {
      expect(readMessage(msg({ type }))).toEqual({ kind: 'command', command: { type } });
    }
  });

  it('leaves other scripts’ messages alone (not ours at all)', () => {
    for (const data of [
      null,
      'play',
      42,
      [],
      { type: 'play' },
      { source: 'other', version: 1, type: 'play' },
    ]) {
      expect(readMessage(data)).toEqual({ kind: 'foreign' });
    }
  });

  it('names what is wrong with a message of ours', () => {
    const reason = (data: unknown) => {
      const r = readMessage(data);
      return r.kind === 'bad' ? r.reason : r.kind;
    };
    expect(reason(msg({ version: 2, type: 'play' }))).toBe('version: got 2, this embed speaks version 1');
    expect(reason(msg({ type: 'Play' }))).toBe('type: got "Play", not a command; did you mean play?');
    expect(reason(msg({ type: 'explode' }))).toMatch(
      /^type: got "explode", not a command; commands: play, pause/,
    );
    expect(reason(msg({ type: 'state' }))).toBe('type: "state" is an event the embed sends, not a command');
    expect(reason(msg({}))).toMatch(/^type: got nothing, not a command/);
    expect(reason(msg({ type: 'seek', tMs: 'soon' }))).toBe(
      'seek.tMs: got "soon", expected a number of simulated ms, 0 or more',
    );
    expect(reason(msg({ type: 'seek' }))).toBe(
      'seek.tMs: missing, expected a number of simulated ms, 0 or more',
    );
    expect(reason(msg({ type: 'seek', tMs: -1 }))).toMatch(/^seek.tMs: got -1/);
    expect(reason(msg({ type: 'seek', tMs: Infinity }))).toMatch(/^seek.tMs: got Infinity/);
    expect(reason(msg({ type: 'setSpeed', speed: 500 }))).toBe(
      'setSpeed.speed: got 500, expected a number from 0.01 to 100',
    );
    expect(reason(msg({ type: 'setField', value: 1 }))).toMatch(
      /^setField.path: missing, expected the dotted path/,
    );
    expect(reason(msg({ type: 'loadScenario', scenario: 7 }))).toBe(
      'loadScenario.scenario: got 7, expected a scenario object or its JSON text',
    );
  });

  it('never throws, whatever arrives', () => {
    const cyclic: Record<string, unknown> = msg({ type: 'loadScenario' });
    cyclic.scenario = cyclic;
    const hostile = [
      cyclic,
      Object.create(null),
      msg({ type: { toString: () => 'play' } }),
      msg({ type: '__proto__' }),
      msg({ type: 'constructor' }),
      msg({ type: 'x'.repeat(100_000) }),
    ];
    for (const data of hostile) expect(() => readMessage(data)).not.toThrow();
    expect(readMessage(msg({ type: 'constructor' })).kind).toBe('bad');
    const long = readMessage(msg({ type: 'x'.repeat(100_000) }));
    expect(long.kind === 'bad' && long.reason.length).toBeLessThan(300);
  });
});
