import fc from 'fast-check';
import { compressToEncodedURIComponent } from 'lz-string';
import { describe, expect, it } from 'vitest';
import { scenarioSchema, type ScenarioInput } from '../../src/scenario/schema.ts';
import { decodeScenario, defaultScenario, diffFromDefaults, encodeScenario } from '../../src/scenario/url.ts';
import { parseScenario } from '../../src/scenario/validate.ts';
import { arb, liveChanges } from './arbitraries.ts';

/** Cross-field rules (phase order, failures and changes within the run) are restored after generation. */
const validScenario = fc
  .tuple(arb(scenarioSchema), liveChanges(4))
  .map(([raw, changes]) => {
    const s = structuredClone(raw) as ScenarioInput;
    s.workload?.phases?.sort((p, q) => p.atMs - q.atMs);
    const duration = s.durationMs ?? 60_000;
    s.failures?.forEach((f) => (f.atMs = f.atMs % duration));
    s.changes = changes.map((c) => ({ ...c, atMs: c.atMs % duration })).sort((a, b) => a.atMs - b.atMs);
    return s;
  })
  .filter((s) => parseScenario(s).ok);

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
