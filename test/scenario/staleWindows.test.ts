import { describe, expect, it } from 'vitest';
import { errorsOf } from '../helpers/errors.ts';
import { parseScenario } from '../../src/scenario/validate.ts';

/** `cache.staleWindows`: its defaults, its ranges, and the checks against the caches it needs. */
const messageAt = (input: unknown, path: string): string | undefined =>
  errorsOf(input).find((e) => e.path === path)?.message;

describe('cache.staleWindows', () => {
  it('defaults to no window in either tier', () => {
    const r = parseScenario({ version: 1 });
    expect(r.ok && r.scenario.cache.staleWindows).toEqual({
      l1: { whileRevalidateMs: 0, ifErrorMs: 0 },
      l2: { whileRevalidateMs: 0, ifErrorMs: 0 },
    });
  });

  it('refuses a negative or over-long window, naming the field', () => {
    const input = { version: 1, cache: { staleWindows: { l2: { ifErrorMs: -5 } } } };
    expect(messageAt(input, 'cache.staleWindows.l2.ifErrorMs')).toMatch(/got -5/);
    const long = { version: 1, cache: { staleWindows: { l1: { whileRevalidateMs: 4_000_000 } } } };
    expect(messageAt(long, 'cache.staleWindows.l1.whileRevalidateMs')).toMatch(/3600000/);
  });

  it('refuses L1 windows without an L1, and any window without caching, saying why', () => {
    const noL1 = {
      version: 1,
      cache: { l1: { enabled: false }, staleWindows: { l1: { whileRevalidateMs: 1000 } } },
    };
    expect(messageAt(noL1, 'cache.staleWindows.l1')).toMatch(/cache\.l1\.enabled/);
    const none = { version: 1, cache: { strategy: 'none', staleWindows: { l2: { ifErrorMs: 1000 } } } };
    expect(messageAt(none, 'cache.staleWindows.l2')).toMatch(/strategy "none"/);
  });

  it('accepts Redis windows without an L1', () => {
    const r = parseScenario({
      version: 1,
      cache: { l1: { enabled: false }, staleWindows: { l2: { whileRevalidateMs: 5000, ifErrorMs: 60_000 } } },
    });
    expect(r.ok).toBe(true);
  });
});
