import { describe, expect, it } from 'vitest';
import { errorsOf } from '../helpers/errors.ts';
import { parseScenario } from '../../src/scenario/validate.ts';
import { overlapping } from '../../src/scenario/trackingSchema.ts';

/** `cache.tracking.prefixes`: Redis's rules for BCAST prefixes, with a message naming the clash. */
const withPrefixes = (prefixes: unknown) => ({
  version: 1,
  cache: { tracking: { enabled: true, mode: 'bcast', prefixes } },
});

describe('BCAST prefixes', () => {
  it('accepts distinct prefixes that do not overlap', () => {
    expect(parseScenario(withPrefixes(['user:', 'order:', 'key:1'])).ok).toBe(true);
  });

  it('refuses a prefix that begins another, or repeats it, naming both (Redis refuses them too)', () => {
    const errors = errorsOf(withPrefixes(['order:', 'user:', 'user:12']));
    expect(errors).toHaveLength(1);
    expect(errors[0]!.path).toBe('cache.tracking.prefixes[2]');
    expect(errors[0]!.message).toMatch(/"user:12" beside "user:" \(item 2\).*do not overlap/);
    expect(overlapping(['a', 'b', 'a'])).toEqual([0, 2]);
    expect(overlapping(['ab', 'a'])).toEqual([0, 1]);
  });

  it('refuses an empty prefix', () => {
    expect(errorsOf(withPrefixes(['user:', '']))[0]!.path).toBe('cache.tracking.prefixes[1]');
  });
});
