import { describe, expect, it } from 'vitest';
import { errorsOf } from '../helpers/errors.ts';
import {
  formatErrors,
  parseScenario,
  parseScenarioJson,
  validateFieldValue,
} from '../../src/scenario/validate.ts';
import { cacheSchema, l2Schema, strategies } from '../../src/scenario/schema.ts';

const messageAt = (input: unknown, path: string): string | undefined =>
  errorsOf(input).find((e) => e.path === path)?.message;

describe('parseScenario: defaults', () => {
  it('accepts { version: 1 } and fills every default', () => {
    const r = parseScenario({ version: 1 });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.scenario.seed).toBe(42);
    expect(r.scenario.durationMs).toBe(60_000);
    expect(r.scenario.workload.hotKey).toBeNull();
    expect(r.scenario.cache.strategy).toBe('cache-aside');
    expect(r.scenario.cache.l1).toEqual({ enabled: false, ttlMs: 1000, maxKeys: 1000, coalesce: false });
    expect(r.scenario.cache.l2.ttlMs).toBe(60_000);
    expect(r.scenario.cache.l2.maxKeys).toBeNull();
    expect(r.scenario.failures).toEqual([]);
  });

  it('fills defaults inside a partly written object', () => {
    const r = parseScenario({ version: 1, workload: { hotKey: {} }, cache: { l2: { ttlMs: null } } });
    expect(r.ok && r.scenario.workload.hotKey).toEqual({ share: 0.5 });
    expect(r.ok && r.scenario.cache.l2).toMatchObject({ ttlMs: null, eviction: 'allkeys-lru' });
  });
});

describe('parseScenario: messages', () => {
  it('names the path, the value and the range of a number', () => {
    expect(messageAt({ version: 1, cache: { l2: { ttlMs: -5 } } }, 'cache.l2.ttlMs')).toBe(
      'cache.l2.ttlMs: got -5, expected a number >= 1 and <= 86400000 (or null for no expiry)',
    );
    expect(messageAt({ version: 1, cache: { l1: { maxKeys: 0 } } }, 'cache.l1.maxKeys')).toContain(
      '(or null for unbounded)',
    );
  });

  it('lists the choices of an enum', () => {
    // The list comes from the schema, so the test does too: adding a strategy must not break it.
    expect(messageAt({ version: 1, cache: { strategy: 'lru' } }, 'cache.strategy')).toBe(
      `cache.strategy: got "lru", expected one of ${strategies.join(', ')}`,
    );
    expect(strategies).toContain('cache-aside');
  });

  it('reports wrong types, non-integers, missing required fields and too-long lists', () => {
    expect(messageAt({ version: 1, workload: { rps: 'fast' } }, 'workload.rps')).toBe(
      'workload.rps: got "fast", expected a number >= 0 and <= 10000000',
    );
    expect(messageAt({ version: 1, workload: { keys: 1.5 } }, 'workload.keys')).toContain(
      'got 1.5, expected an integer >= 1',
    );
    expect(messageAt({ version: 1, topology: { cdn: 'yes' } }, 'topology.cdn')).toContain(
      'expected true or false',
    );
    expect(messageAt({ version: 1, workload: { phases: [{ atMs: 5 }] } }, 'workload.phases[0].rps')).toBe(
      'workload.phases[0].rps: missing, expected a number >= 0 and <= 10000000',
    );
    const many = Array.from({ length: 101 }, () => ({ atMs: 0, kind: 'redis-restart' }));
    expect(messageAt({ version: 1, failures: many }, 'failures')).toBe(
      'failures: got a list of 101 items, expected a list of at most 100 items',
    );
    expect(messageAt({ version: 1, cache: 5 }, 'cache')).toBe(
      `cache: got 5, expected an object with fields ${Object.keys(cacheSchema.shape).join(', ')}`,
    );
    expect(messageAt({ version: 1, cache: 5 }, 'cache')).toContain('strategy, l1, l2, stampede');
    expect(messageAt({ version: 1, workload: { hotKey: 3 } }, 'workload.hotKey')).toContain(
      '(or null for no hot key)',
    );
  });

  it('rejects a value that is not an object at all', () => {
    expect(errorsOf(null)[0]?.message).toMatch(/^scenario: got null, expected an object/);
    expect(errorsOf([])[0]?.message).toMatch(/^scenario: got a list of 0 items/);
  });

  it('explains a missing or different version', () => {
    expect(errorsOf({ version: 2, cache: { strategy: 'lru' } })).toEqual([
      { path: 'version', message: 'version: got 2, this build reads version 1' },
    ]);
    expect(messageAt({}, 'version')).toBe('version: missing, this build reads version 1 (add "version": 1)');
    expect(messageAt({ version: '1' }, 'version')).toBe('version: got "1", this build reads version 1');
  });

  it('names unknown fields and suggests the closest known name', () => {
    expect(messageAt({ version: 1, cache: { l2: { ttl: 5 } } }, 'cache.l2.ttl')).toBe(
      'cache.l2.ttl: unknown field; did you mean ttlMs?',
    );
    expect(messageAt({ version: 1, titel: 'x' }, 'titel')).toBe('titel: unknown field; did you mean title?');
    expect(messageAt({ version: 1, cache: { l2: { banana: 1 } } }, 'cache.l2.banana')).toBe(
      `cache.l2.banana: unknown field; known fields here: ${Object.keys(l2Schema.shape).join(', ')}`,
    );
  });

  it('checks phase order and failure times', () => {
    const phases = [
      { atMs: 10_000, rps: 1 },
      { atMs: 5000, rps: 2 },
    ];
    expect(messageAt({ version: 1, workload: { phases } }, 'workload.phases[1].atMs')).toContain(
      'got 5000, expected phases sorted by atMs',
    );
    const failures = [{ atMs: 5000, kind: 'redis-restart' }];
    expect(messageAt({ version: 1, durationMs: 1000, failures }, 'failures[0].atMs')).toContain(
      'got 5000, expected a time before the end of the run (durationMs 1000)',
    );
  });

  it('reports every problem, one line each', () => {
    const errors = errorsOf({ version: 1, seed: -1, cache: { strategy: 'x', l2: { ttl: 1 } } });
    expect(errors.map((e) => e.path).sort()).toEqual(['cache.l2.ttl', 'cache.strategy', 'seed']);
    const text = formatErrors(errors);
    expect(text.split('\n')).toHaveLength(3);
  });

  it('never throws on hostile input', () => {
    for (const input of [
      undefined,
      0,
      'x',
      [1],
      { version: 1, workload: [] },
      { version: 1, failures: [null] },
    ]) {
      expect(() => parseScenario(input)).not.toThrow();
      expect(parseScenario(input).ok).toBe(false);
    }
  });
});

describe('parseScenarioJson', () => {
  it('parses and validates valid text', () => {
    expect(parseScenarioJson('{ "version": 1, "seed": 7 }')).toMatchObject({
      ok: true,
      scenario: { seed: 7 },
    });
  });

  it.each([
    ['{"version":1,}', 1, 14, 'a double-quoted string'],
    ['{\n  "version": 1\n  "seed": 2\n}', 3, 3, "',' or '}'"],
    ['{"version": }', 1, 13, 'a value'],
    ['{"version": 1', 1, 14, 'the text ends too early'],
    ['', 1, 1, 'the text ends too early'],
    ['{"version": 1} x', 1, 16, 'the end of the text'],
  ])('reports %j at line %i, column %i', (text, line, column, expected) => {
    const r = parseScenarioJson(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]?.message).toContain(`JSON syntax error at line ${line}, column ${column}`);
    expect(r.errors[0]?.message).toContain(expected);
  });

  it('reports schema errors of valid JSON', () => {
    const r = parseScenarioJson('{"version": 1, "cache": {"l2": {"ttlMs": -5}}}');
    expect(!r.ok && r.errors[0]?.path).toBe('cache.l2.ttlMs');
  });
});

describe('validateFieldValue', () => {
  it('returns null for an allowed value and the error for a refused one', () => {
    expect(validateFieldValue('cache.l2.ttlMs', 5000)).toBeNull();
    expect(validateFieldValue('cache.l2.ttlMs', null)).toBeNull();
    expect(validateFieldValue('cache.l2.ttlMs', -5)?.message).toBe(
      'cache.l2.ttlMs: got -5, expected a number >= 1 and <= 86400000 (or null for no expiry)',
    );
    expect(validateFieldValue('topology.instances', 33)?.path).toBe('topology.instances');
  });

  it('works inside arrays and nullable objects, with either index notation', () => {
    expect(validateFieldValue('workload.phases[0].rps', -1)?.path).toBe('workload.phases[0].rps');
    expect(validateFieldValue('workload.phases.0.rps', -1)?.path).toBe('workload.phases[0].rps');
    expect(validateFieldValue('workload.hotKey.share', 2)?.message).toContain('<= 1');
  });

  it('judges the field against the given scenario and ignores errors elsewhere', () => {
    const base = {
      version: 1 as const,
      durationMs: 10_000,
      failures: [{ atMs: 1000, kind: 'redis-restart' as const }],
    };
    expect(validateFieldValue('failures[0].atMs', 20_000, base)?.message).toContain(
      'before the end of the run',
    );
    expect(validateFieldValue('seed', 1, { version: 1, cache: { strategy: 'bad' } } as never)).toBeNull();
    expect(base.failures[0]?.atMs).toBe(1000);
  });

  it('reports an unknown field path', () => {
    expect(validateFieldValue('cache.l2.ttl', 5)?.message).toBe(
      'cache.l2.ttl: unknown field; did you mean ttlMs?',
    );
  });
});
