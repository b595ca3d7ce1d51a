import { describe, expect, it } from 'vitest';
import { FIELDS, LISTS } from '../../src/components/config/fields.ts';
import { applyChangesTo, LIVE_PATHS, MAX_CHANGES, validateChange } from '../../src/scenario/changes.ts';
import { leafFields, numberBounds, schemaAt, unwrap } from '../../src/scenario/fields.ts';
import { REPLICA_STRIDE } from '../../src/engine/flow/addressing.ts';
import { defaultScenario, decodeScenario, encodeScenario } from '../../src/scenario/url.ts';
import { parseScenario } from '../../src/scenario/validate.ts';

const messages = (input: unknown): string[] => {
  const r = parseScenario(input);
  return r.ok ? [] : r.errors.map((e) => e.message);
};

describe('validateChange', () => {
  it.each([
    ['constructor.prototype.polluted', 'constructor', ''],
    ['__proto__.polluted', '__proto__', ''],
    ['cache.constructor', 'constructor', ' (in cache)'],
  ])('calls %s an unknown field, naming the fields beside it', (path, part, where) => {
    const check = validateChange(path, 1);
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.message).toMatch(
      new RegExp(
        `^${path.replace(/[.]/g, '[.]')} is not a scenario field; ${part} is unknown${where.replace(/[()]/g, '\\$&')}; known fields here: `,
      ),
    );
    expect(check.message).toContain(where ? 'strategy, l1, l2' : 'version, title, description');
    expect(check.message).not.toMatch(/native code|object Object/);
  });

  it('accepts a live field with a value its schema allows, parsed as the scenario parses it', () => {
    expect(validateChange('cache.l2.ttlMs', 5000)).toEqual({ ok: true, value: 5000 });
    expect(validateChange('cache.l2.ttlMs', null)).toEqual({ ok: true, value: null });
    expect(validateChange('workload.hotKey', {})).toEqual({ ok: true, value: { share: 0.5 } });
    expect(validateChange('cache.strategy', 'write-behind')).toEqual({ ok: true, value: 'write-behind' });
  });

  it.each([
    [
      'topology.instances',
      8,
      'topology.instances cannot change mid-run; use Apply & restart (the topology is built when the run starts)',
    ],
    ['topology.redisShards', 2, 'topology.redisShards cannot change mid-run; use Apply & restart'],
    [
      'workload.keys',
      5,
      'workload.keys cannot change mid-run; use Apply & restart (the keyspace is laid out',
    ],
    ['seed', 1, 'seed cannot change mid-run; use Apply & restart (the seed fixes every random draw'],
    ['durationMs', 1, 'durationMs cannot change mid-run; use Apply & restart'],
    ['workload.families', [], 'workload.families cannot change mid-run'],
    [
      'workload.phases[0].rps',
      5,
      'workload.phases[0].rps cannot change mid-run; use Apply & restart (phases are the timeline',
    ],
    ['failures.0.atMs', 5, 'failures[0].atMs cannot change mid-run'],
    [
      'cache.warming.onStart',
      false,
      'cache.warming.onStart cannot change mid-run; use Apply & restart (it acts only before traffic starts)',
    ],
    ['cache.l2.ttl', 5, 'cache.l2.ttl is not a scenario field; did you mean cache.l2.ttlMs?'],
    ['cache.l2', {}, 'cache.l2 is a group of fields; change one of them: cache.l2.ttlMs, cache.l2.ttlReset'],
    ['', 1, 'got "", expected the dotted path of a field, such as cache.l2.ttlMs'],
  ])('refuses the path %s', (path, value, message) => {
    const r = validateChange(path, value);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.part).toBe('path');
    expect(!r.ok && r.message).toContain(message);
  });

  it.each([
    [
      'cache.l2.ttlMs',
      -5,
      'cache.l2.ttlMs: got -5, expected a number >= 1 and <= 86400000 (or null for no expiry)',
    ],
    [
      'cache.strategy',
      'lru',
      'cache.strategy: got "lru", expected one of none, cache-aside, cache-aside-update, write-through, ttl-only, write-behind, cdc',
    ],
    ['database.connections', 2.5, 'database.connections: got 2.5, expected an integer >= 1 and <= 1000'],
    ['cache.l1.enabled', 'yes', 'cache.l1.enabled: got "yes", expected true or false'],
    ['workload.hotKey', { share: 2 }, 'workload.hotKey.share: got 2, expected a number >= 0 and <= 1'],
    ['workload.hotKey', { shar: 0.2 }, 'workload.hotKey.shar: unknown field; did you mean share?'],
    ['cache.l2.ttlMs', undefined, 'cache.l2.ttlMs: missing, expected a value'],
  ])('refuses %s = %j with the field and what it allows', (path, value, message) => {
    const r = validateChange(path, value);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.part).toBe('value');
    expect(!r.ok && r.message).toBe(message);
  });

  it('knows every live path as a field of the schema', () => {
    const leaves = new Set(leafFields().map((f) => f.path));
    for (const path of LIVE_PATHS) expect(path === 'workload.hotKey' || leaves.has(path), path).toBe(true);
  });
});

describe('scenario.changes', () => {
  const change = (atMs: number, path: string, value: unknown) => ({ atMs, path, value });

  it('is empty by default and accepts sorted, valid entries', () => {
    expect(defaultScenario().changes).toEqual([]);
    const r = parseScenario({
      version: 1,
      changes: [
        change(0, 'workload.rps', 10),
        change(0, 'cache.l2.ttlMs', 1),
        change(5000, 'workload.rps', 20),
      ],
    });
    expect(r.ok && r.scenario.changes).toHaveLength(3);
  });

  it('names the entry and the part that is wrong', () => {
    expect(
      messages({
        version: 1,
        durationMs: 10_000,
        changes: [
          change(5000, 'cache.l2.ttlMs', 5),
          change(1000, 'cache.l2.ttlMs', -5),
          change(6000, 'topology.instances', 2),
          change(20_000, 'workload.rps', 1),
        ],
      }),
    ).toEqual([
      "changes[1].atMs: got 1000, expected changes sorted by atMs (>= 5000, the previous change's atMs)",
      'changes[1].value: for cache.l2.ttlMs, got -5, expected a number >= 1 and <= 86400000 (or null for no expiry)',
      'changes[2].path: topology.instances cannot change mid-run; use Apply & restart (the topology is built when the run starts)',
      'changes[3].atMs: got 20000, expected a time within the run (durationMs 10000)',
    ]);
  });

  it('refuses entries that are not changes, and more than MAX_CHANGES of them', () => {
    expect(messages({ version: 1, changes: [{ atMs: -1, path: 'workload.rps', value: 1 }] })).toEqual([
      'changes[0].atMs: got -1, expected a number >= 0',
    ]);
    expect(
      messages({ version: 1, changes: [{ atMs: 1, path: 'workload.rps', value: 1, by: 'me' }] }),
    ).toEqual(['changes[0].by: unknown field; known fields here: atMs, path, value']);
    const many = Array.from({ length: MAX_CHANGES + 1 }, (_, i) => change(i, 'workload.rps', 1));
    expect(messages({ version: 1, durationMs: 86_400_000, changes: many })).toEqual([
      `changes: got a list of ${MAX_CHANGES + 1} items, expected a list of at most ${MAX_CHANGES} items`,
    ]);
  });

  it('travels in #s= links', () => {
    const input = {
      version: 1 as const,
      changes: [change(1000, 'workload.hotKey', { share: 0.3 }), change(2500.5, 'cache.l2.ttlMs', null)],
    };
    const decoded = decodeScenario(encodeScenario(input));
    expect(decoded.ok && decoded.scenario.changes).toEqual(input.changes);
  });
});

describe('applyChangesTo', () => {
  it('gives the scenario as it stands after the changes, in order, leaving the input as it was', () => {
    const start = defaultScenario();
    const after = applyChangesTo(start, [
      change(0, 'workload.hotKey.share', 0.2), // a nulled parent is created with its defaults
      change(1, 'cache.l2.ttlMs', 5),
      change(2, 'cache.l2.ttlMs', 7),
    ]);
    expect(after.workload.hotKey).toEqual({ share: 0.2 });
    expect(after.cache.l2.ttlMs).toBe(7);
    expect(start.cache.l2.ttlMs).toBe(60_000);
    expect(start.workload.hotKey).toBeNull();
    expect(parseScenario(after)).toEqual({ ok: true, scenario: after });
  });

  it('throws the message of a change it cannot apply', () => {
    expect(() => applyChangesTo(defaultScenario(), [change(0, 'seed', 1)])).toThrow(
      'seed cannot change mid-run',
    );
  });

  function change(atMs: number, path: string, value: unknown) {
    return { atMs, path, value };
  }
});

describe('the config panel marks each field live or restart-only', () => {
  it('from LIVE_PATHS, for every field it shows', () => {
    const live = new Set<string>(LIVE_PATHS);
    for (const def of FIELDS) expect(def.live, def.path).toBe(live.has(def.path));
    for (const def of LISTS.flatMap((l) => l.fields)) expect(def.live, def.path).toBe(false);
    // Every live path has a control, or is the nullable parent of one (the hot key).
    const shown = new Set(
      FIELDS.map((f) => f.nullable?.parentPath ?? f.path).concat(FIELDS.map((f) => f.path)),
    );
    for (const path of LIVE_PATHS) expect(shown.has(path), path).toBe(true);
  });
});

it('copies of a replicated key are spaced by the most replicas the schema allows', () => {
  const replicas = unwrap(schemaAt(['cache', 'hotKeys', 'replicas'])!).base;
  expect(numberBounds(replicas).max).toBe(REPLICA_STRIDE);
});
