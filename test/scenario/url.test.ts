import fc from 'fast-check';
import { compressToEncodedURIComponent } from 'lz-string';
import { describe, expect, it } from 'vitest';
import { scenarioSchema } from '../../src/scenario/schema.ts';
import {
  checkLinkSize,
  decodeScenario,
  defaultScenario,
  diffFromDefaults,
  encodeScenario,
  MAX_LINK_PAYLOAD,
  MAX_SCENARIO_TEXT,
} from '../../src/scenario/url.ts';
import { parseScenario } from '../../src/scenario/validate.ts';
import { validScenario } from './arbitraries.ts';

describe('encodeScenario / decodeScenario', () => {
  it('round-trips any valid scenario to the same parsed scenario', () => {
    fc.assert(
      fc.property(validScenario, (input) => {
        const hash = encodeScenario(input);
        expect(hash.startsWith('#s=')).toBe(true);
        const decoded = decodeScenario(hash);
        expect(decoded).toEqual(parseScenario(input));
      }),
      { numRuns: 200 },
    );
  });

  it('encodes the full scenario and the diff alike', () => {
    fc.assert(
      fc.property(validScenario, (input) => {
        const full = scenarioSchema.parse(input);
        expect(encodeScenario(full)).toBe(encodeScenario(diffFromDefaults(input)));
      }),
      { numRuns: 50 },
    );
  });

  it('accepts the hash with or without #, and beside other parameters', () => {
    const hash = encodeScenario({ version: 1, seed: 7 });
    for (const form of [hash, hash.slice(1), hash.slice(3), `#embed=1&${hash.slice(1)}`]) {
      const r = decodeScenario(form);
      expect(r.ok && r.scenario.seed).toBe(7);
    }
  });

  it('keeps links short by writing only what differs from the defaults', () => {
    expect(diffFromDefaults({ version: 1 })).toEqual({ version: 1 });
    expect(diffFromDefaults(defaultScenario())).toEqual({ version: 1 });
    expect(
      diffFromDefaults({ version: 1, seed: 42, cache: { l2: { ttlMs: 5000, eviction: 'allkeys-lru' } } }),
    ).toEqual({ version: 1, cache: { l2: { ttlMs: 5000 } } });
    expect(diffFromDefaults({ version: 1, workload: { hotKey: {} } })).toEqual({
      version: 1,
      workload: { hotKey: { share: 0.5 } },
    });
    expect(encodeScenario({ version: 1, cache: { l2: { ttlMs: 5000 } } }).length).toBeLessThan(80);
  });
});

describe('decodeScenario: damaged links', () => {
  const good = encodeScenario({ version: 1, seed: 7, cache: { strategy: 'write-through' } });
  it.each([
    ['', 'no scenario'],
    ['#s=', 'empty scenario'],
    ['#x=1', 'no scenario'],
    ['#s=abc', 'could not be decompressed'],
    ['#s=%%%', 'could not be decompressed'],
    [good.slice(0, 12), 'could not be decompressed'],
    [`#s=${compressToEncodedURIComponent('{"version": 1,')}`, 'not valid JSON'],
  ])('%j gives a clear error', (hash, expected) => {
    const r = decodeScenario(hash);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors[0]?.message).toContain(expected);
  });

  it('reports schema errors of a decodable but invalid scenario', () => {
    const r = decodeScenario(`#s=${compressToEncodedURIComponent('{"version":2}')}`);
    expect(!r.ok && r.errors[0]?.message).toBe('version: got 2, this build reads version 1');
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(() => decodeScenario(s)).not.toThrow();
        expect(() => decodeScenario(`#s=${s}`)).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });
});

describe('decodeScenario: size limits', () => {
  it('refuses a payload over 64 KB before reading it, in one short line', () => {
    // A megabyte of valid lz-string alphabet: decompressing it is what took seconds.
    const r = decodeScenario(`#s=${'A'.repeat(1_000_000)}`);
    expect(r.ok).toBe(false);
    const message = !r.ok ? (r.errors[0]?.message ?? '') : '';
    expect(message).toBe(
      `the scenario in the link is 1000000 characters long; links up to ${MAX_LINK_PAYLOAD} are read`,
    );
    expect(checkLinkSize('x'.repeat(MAX_LINK_PAYLOAD))).toBeNull();
    expect(checkLinkSize('x'.repeat(MAX_LINK_PAYLOAD + 1))).toContain('65537 characters');
  });

  it('refuses a link that expands past the scenario text limit', () => {
    const text = JSON.stringify({ version: 1, title: ' '.repeat(MAX_SCENARIO_TEXT) });
    const payload = compressToEncodedURIComponent(text);
    expect(payload.length).toBeLessThan(MAX_LINK_PAYLOAD);
    const r = decodeScenario(`#s=${payload}`);
    // Found from the payload's codes, before lz-string builds the text.
    expect(!r.ok && r.errors[0]?.message).toBe(
      `the scenario in the link would decompress to more than ${MAX_SCENARIO_TEXT} characters; at most ${MAX_SCENARIO_TEXT} are read`,
    );
  });

  it('lets the largest scenario the schema allows through', () => {
    // Every list at its longest, every name and text at its longest, in characters that compress badly.
    const text = (n: number, salt: number) =>
      Array.from({ length: n }, (_, i) => String.fromCharCode(0x4e00 + ((i * 7919 + salt) % 20_000))).join(
        '',
      );
    const big = {
      version: 1 as const,
      title: text(200, 1),
      description: text(5000, 2),
      workload: {
        phases: Array.from({ length: 100 }, (_, i) => ({ atMs: i * 1000.123, rps: 1234.5678 + i })),
        families: Array.from({ length: 16 }, (_, i) => ({
          name: text(40, i),
          keys: 1000,
          ttlMs: 12_345 + i,
        })),
      },
      cdn: {
        routes: Array.from({ length: 8 }, (_, i) => ({
          name: text(40, 100 + i),
          cacheControl: 'public, max-age=60',
        })),
      },
      failures: Array.from({ length: 100 }, (_, i) => ({
        atMs: i * 100.5,
        kind: 'deploy' as const,
        durationMs: 77.7,
      })),
    };
    expect(parseScenario(big).ok).toBe(true);
    const hash = encodeScenario(big);
    expect(hash.length).toBeLessThan(MAX_LINK_PAYLOAD);
    expect(decodeScenario(hash).ok).toBe(true);
  });
});
