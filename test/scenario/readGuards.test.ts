import { describe, expect, it } from 'vitest';
import { validateChange } from '../../src/scenario/changes.ts';
import { parseScenario } from '../../src/scenario/validate.ts';

/** The fields of leases, negative caching and absent keys: bad input gets a message naming the problem. */

const errorsOf = (input: unknown) => {
  const r = parseScenario(input);
  return r.ok ? [] : r.errors;
};

describe('read guards in a scenario', () => {
  it('refuses absent keys beside key families, naming the field and why', () => {
    const errors = errorsOf({
      version: 1,
      workload: { families: [{ name: 'user', keys: 100, ttlMs: 1000 }], absent: { share: 0.2 } },
    });
    const e = errors.find((x) => x.path === 'workload.absent.share');
    expect(e?.message).toContain('got 0.2, expected 0 with key families');
  });

  it('accepts absent keys without families, and every default', () => {
    expect(parseScenario({ version: 1, workload: { absent: { share: 0.2, keys: 50 } } }).ok).toBe(true);
    const r = parseScenario({ version: 1 });
    expect(r.ok && r.scenario.cache.leases.enabled).toBe(false);
    expect(r.ok && r.scenario.cache.negative.mode).toBe('none');
    expect(r.ok && r.scenario.workload.absent.share).toBe(0);
  });

  it('names an unknown negative-caching mode and the modes there are', () => {
    const e = errorsOf({ version: 1, cache: { negative: { mode: 'filter' } } })[0]!;
    expect(e.path).toBe('cache.negative.mode');
    expect(e.message).toMatch(/none.*ttl.*bloom/);
  });

  it('takes leases and the negative mode live, and says why the absent keys and the filter size wait for a restart', () => {
    expect(validateChange('cache.leases.enabled', true).ok).toBe(true);
    expect(validateChange('cache.negative.mode', 'bloom').ok).toBe(true);
    const share = validateChange('workload.absent.share', 0.5);
    expect(share.ok).toBe(false);
    if (!share.ok) expect(share.message).toContain('laid out with the keyspace');
    const bits = validateChange('cache.negative.bloomBits', 1024);
    if (!bits.ok) expect(bits.message).toContain('Bloom filter is built when the run starts');
    expect(bits.ok).toBe(false);
  });
});
