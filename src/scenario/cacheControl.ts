/**
 * A Cache-Control response header, read the way a shared cache (a CDN edge) reads it. Imports only the
 * quoting helper, so both the scenario schema (which reports a bad header as a validation error) and
 * the engine's CDN (which needs the edge TTL) use the same reading.
 */
import { clip } from './quote.ts';

export interface CacheControl {
  /** May a shared cache keep the response at all? */
  storable: boolean;
  /** How long the edge keeps it, in ms: `s-maxage` when present (it wins at a shared cache), else `max-age`. */
  edgeTtlMs: number;
  /** `max-age` in ms (what a browser would use); null when absent. */
  maxAgeMs: number | null;
  /** `s-maxage` in ms; null when absent. */
  sMaxAgeMs: number | null;
  isPublic: boolean;
  isPrivate: boolean;
  noStore: boolean;
  /**
   * RFC 5861: how long past its freshness the edge may still answer with the copy while one background
   * request refreshes it (`stale-while-revalidate`), and when the origin fails (`stale-if-error`); ms, 0
   * when absent.
   */
  staleWhileRevalidateMs: number;
  staleIfErrorMs: number;
}

export type CacheControlResult = { ok: true; value: CacheControl } | { ok: false; error: string };

/** Directives understood without an argument; `immutable` and `must-revalidate` change nothing here. */
const FLAGS = new Set(['public', 'private', 'no-store', 'no-cache', 'immutable', 'must-revalidate']);
const SECONDS = new Set(['max-age', 's-maxage', 'stale-while-revalidate', 'stale-if-error']);

/**
 * Parses a Cache-Control header value. Directive names are case-insensitive; ages are whole seconds.
 * A header that says nothing about freshness (`public` alone) is refused rather than guessed at, since
 * real CDNs then fall back to heuristics the simulator does not model.
 *
 * @example
 * parseCacheControl('public, max-age=60, s-maxage=300'); // ok, edgeTtlMs 300000
 * parseCacheControl('private, no-store'); // ok, storable false
 * parseCacheControl('public, max-age=60, stale-while-revalidate=30'); // ok, staleWhileRevalidateMs 30000
 * parseCacheControl('public, max-age=soon'); // { ok: false, error: 'max-age needs a whole number ...' }
 */
export function parseCacheControl(header: string): CacheControlResult {
  const seen = new Map<string, number | null>();
  const parts = header.split(',').map((p) => p.trim());
  if (parts.every((p) => p === '')) return { ok: false, error: 'an empty Cache-Control value' };
  for (const part of parts) {
    if (part === '')
      return { ok: false, error: `an empty directive in "${clip(header)}" (two commas in a row?)` };
    const eq = part.indexOf('=');
    const name = (eq < 0 ? part : part.slice(0, eq)).trim().toLowerCase();
    const arg = eq < 0 ? null : part.slice(eq + 1).trim();
    if (seen.has(name)) return { ok: false, error: `the directive ${clip(name)} appears twice` };
    if (FLAGS.has(name)) {
      if (arg !== null) return { ok: false, error: `${clip(name)} takes no value (got "${clip(part)}")` };
      seen.set(name, null);
    } else if (SECONDS.has(name)) {
      if (arg === null || !/^\d{1,9}$/.test(arg)) {
        return {
          ok: false,
          error: `${name} needs a whole number of seconds, as in ${name}=60 (got "${clip(part)}")`,
        };
      }
      seen.set(name, Number(arg));
    } else {
      const known = [...FLAGS, ...SECONDS].join(', ');
      return { ok: false, error: `unknown directive "${clip(name)}"; expected some of ${known}` };
    }
  }
  const isPublic = seen.has('public');
  const isPrivate = seen.has('private');
  if (isPublic && isPrivate) return { ok: false, error: 'public and private contradict each other' };
  const maxAge = seen.get('max-age');
  const sMaxAge = seen.get('s-maxage');
  const maxAgeMs = typeof maxAge === 'number' ? maxAge * 1000 : null;
  const sMaxAgeMs = typeof sMaxAge === 'number' ? sMaxAge * 1000 : null;
  const noStore = seen.has('no-store');
  // no-cache means "revalidate every time": for an edge without revalidation that is never serving it.
  const storable = !isPrivate && !noStore && !seen.has('no-cache');
  if (storable && maxAgeMs === null && sMaxAgeMs === null) {
    return {
      ok: false,
      error: `"${clip(header)}" gives no max-age or s-maxage, so the edge cannot tell how long to keep it`,
    };
  }
  const edgeTtlMs = storable ? (sMaxAgeMs ?? maxAgeMs ?? 0) : 0;
  return {
    ok: true,
    value: {
      storable: storable && edgeTtlMs > 0,
      edgeTtlMs,
      maxAgeMs,
      sMaxAgeMs,
      isPublic,
      isPrivate,
      noStore,
      staleWhileRevalidateMs: (seen.get('stale-while-revalidate') ?? 0) * 1000,
      staleIfErrorMs: (seen.get('stale-if-error') ?? 0) * 1000,
    },
  };
}
