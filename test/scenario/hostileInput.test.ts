import { describe, expect, it } from 'vitest';
import { errorsOf } from '../helpers/errors.ts';
import { schemaAt } from '../../src/scenario/fields.ts';
import { closestName, describeAllowed } from '../../src/scenario/messages.ts';
import { clip, preview, QUOTE_MAX } from '../../src/scenario/quote.ts';
import { parseScenarioJson, summarizeErrors, validateFieldValue } from '../../src/scenario/validate.ts';

/** What a message may quote of the input, plus the words around it (field path, allowed values). */
const SHORT = 400;

describe('messages quote at most about 80 characters of the input', () => {
  it('clip and preview cut with an ellipsis', () => {
    expect(clip('abc')).toBe('abc');
    const cut = clip('x'.repeat(1000));
    expect(cut).toHaveLength(QUOTE_MAX);
    expect(cut.endsWith('…')).toBe(true);
    expect(preview('y'.repeat(1000))).toMatch(/^"y+…"$/);
    expect(preview({ a: { b: [1, 2] } })).toBe('{"a":{"b":[1,2]}}');
  });

  it('preview survives values JSON.stringify cannot print', () => {
    const cyclic: Record<string, unknown> = { name: 'loop' };
    cyclic.self = cyclic;
    expect(preview(cyclic)).toMatch(/^\{"name":"loop","self":\{"name":"loop"/);
    expect(preview(cyclic).length).toBeLessThanOrEqual(QUOTE_MAX);
  });

  it('a very deep value prints its start, not "[object Object]"', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = { a: deep };
    const [error] = errorsOf({ version: 1, title: deep });
    expect(error?.path).toBe('title');
    expect(error?.message).not.toContain('[object Object]');
    expect(error?.message).toContain('got {"a":{"a":');
    expect(error?.message.length).toBeLessThan(SHORT);
  });

  it('a huge unknown key name is cut and not compared with every field', () => {
    const name = 'k'.repeat(4_000_000);
    expect(closestName(name, ['ttlMs', 'title'])).toBeUndefined();
    const [error] = errorsOf({ version: 1, cache: { [name]: 1 } });
    expect(error?.path.length).toBeLessThan(60);
    expect(error?.path.startsWith('cache["kkk')).toBe(true);
    expect(error?.message).toContain('unknown field; known fields here: strategy');
    expect(error?.message.length).toBeLessThan(SHORT);
  });

  it('an over-long Cache-Control gets one message, and the header is not read', () => {
    const header = `public, max-age=${'9'.repeat(500_000)}`;
    const errors = errorsOf({ version: 1, cdn: { routes: [{ name: 'r', cacheControl: header }] } });
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toContain('expected a string of at most 200 characters');
    expect(errors[0]?.message.length).toBeLessThan(SHORT);
  });

  it('a bad Cache-Control within the length is read and quoted short', () => {
    const header = `public, ${'x'.repeat(190)}`;
    const [error] = errorsOf({ version: 1, cdn: { routes: [{ name: 'r', cacheControl: header }] } });
    expect(error?.message).toContain('unknown directive');
    expect(error?.message.length).toBeLessThan(SHORT);
  });

  it('a thousand errors summarise on one short line', () => {
    const input: Record<string, unknown> = { version: 1 };
    for (let i = 0; i < 1000; i++) input[`field${i}`] = i;
    const errors = errorsOf(input);
    expect(errors).toHaveLength(1000);
    const line = summarizeErrors(errors);
    expect(line).not.toContain('\n');
    expect(line).toMatch(/^field0: unknown field.*; field1: .*; field2: .* \(and 997 more\)$/);
  });

  it('a JSON text nested deeper than the stack still gets a message', () => {
    const r = parseScenarioJson('['.repeat(1_000_000));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors[0]?.message).toMatch(/^JSON syntax error/);
  });
});

describe('unusual field names', () => {
  it('an empty key is named as such, with its place', () => {
    expect(errorsOf({ version: 1, '': 1 })).toEqual([
      expect.objectContaining({
        path: '[""]',
        message: expect.stringMatching(
          /^\[""\]: a field with an empty name; known fields here: version, title/,
        ),
      }),
    ]);
    expect(errorsOf({ version: 1, cache: { '': 1 } })[0]?.path).toBe('cache[""]');
  });

  it('inherited names are not fields', () => {
    expect(schemaAt(['constructor'])).toBeUndefined();
    expect(schemaAt(['cache', 'toString'])).toBeUndefined();
    expect(describeAllowed(['cache', '__proto__'])).toBe('nothing (unknown field)');
    expect(errorsOf({ version: 1, constructor: 1 })[0]?.message).toMatch(/^constructor: unknown field/);
    expect(validateFieldValue('cache.hasOwnProperty', 1)?.path).toBe('cache.hasOwnProperty');
  });
});
