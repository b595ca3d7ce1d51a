import { describe, expect, it } from 'vitest';
import { parseCacheControl } from '../../src/scenario/cacheControl.ts';
import { parseScenario } from '../../src/scenario/validate.ts';

describe('parseCacheControl', () => {
  it('reads the article headers as a shared cache does', () => {
    const assets = parseCacheControl('public, max-age=31536000, immutable');
    expect(assets).toMatchObject({ ok: true, value: { storable: true, edgeTtlMs: 31_536_000_000 } });
    // s-maxage wins at a shared cache; max-age is what the browser keeps.
    const api = parseCacheControl('public, max-age=60, s-maxage=300');
    expect(api).toMatchObject({ ok: true, value: { storable: true, edgeTtlMs: 300_000, maxAgeMs: 60_000 } });
    const auth = parseCacheControl('private, no-store');
    expect(auth).toMatchObject({ ok: true, value: { storable: false, edgeTtlMs: 0, isPrivate: true } });
  });

  it('is case- and space-insensitive and never stores private, no-store or no-cache', () => {
    expect(parseCacheControl('  Public ,MAX-AGE=5 ')).toMatchObject({ ok: true, value: { edgeTtlMs: 5000 } });
    for (const h of ['private, max-age=60', 'public, no-store, max-age=60', 'no-cache, max-age=60']) {
      expect(parseCacheControl(h)).toMatchObject({ ok: true, value: { storable: false } });
    }
    expect(parseCacheControl('public, max-age=0')).toMatchObject({ ok: true, value: { storable: false } });
  });

  it('reads the RFC 5861 windows in seconds, and 0 when absent', () => {
    const h = parseCacheControl('public, max-age=60, stale-while-revalidate=30, stale-if-error=86400');
    expect(h).toMatchObject({
      ok: true,
      value: { edgeTtlMs: 60_000, staleWhileRevalidateMs: 30_000, staleIfErrorMs: 86_400_000 },
    });
    const plain = parseCacheControl('public, max-age=60');
    expect(plain).toMatchObject({ ok: true, value: { staleWhileRevalidateMs: 0, staleIfErrorMs: 0 } });
  });

  it.each([
    ['public, max-age=60, stale-while-revalidate', 'stale-while-revalidate needs a whole number'],
    ['', 'empty'],
    ['public, max-age=soon', 'max-age needs a whole number of seconds'],
    ['public, max-age=-1', 'max-age needs a whole number of seconds'],
    ['public, private, max-age=1', 'contradict'],
    ['public', 'no max-age or s-maxage'],
    ['public, max-age=1, max-age=2', 'appears twice'],
    ['public, maxage=60', 'unknown directive "maxage"'],
    ['public,, max-age=60', 'empty directive'],
    ['no-store=1', 'takes no value'],
  ])('refuses %j with a reason', (header, reason) => {
    const r = parseCacheControl(header);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain(reason);
  });

  it('turns an unreadable header into a validation error naming the field', () => {
    const r = parseScenario({
      version: 1,
      topology: { cdn: true },
      cdn: { routes: [{ name: 'api', cacheControl: 'public, max-age=soon' }] },
    });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors).toHaveLength(1);
      expect(r.errors[0]?.message).toBe(
        'cdn.routes[0].cacheControl: cannot read Cache-Control "public, max-age=soon": max-age needs a whole ' +
          'number of seconds, as in max-age=60 (got "max-age=soon")',
      );
    }
  });
});
