import { preview } from '../scenario/quote.ts';

/**
 * Which pages may drive an embed: the `origins=` parameter, comma-separated (`https://docs.example.com`),
 * or `*` for any page. Without it only the app's own origin is heard, so an embed on a page nobody
 * listed ignores that page's commands and writes nothing to it.
 */

export const ANY_ORIGIN = '*';

/** The most origins read from one link; more is a mistake, and every event is posted once per origin. */
const MAX_ORIGINS = 20;

/** `raw` as an origin (`https://docs.example.com:8443`), or null when it is anything else. */
function asOrigin(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  // An origin has no path, query or credentials: "https://docs.example.com/guide" is a page, not one.
  const bare = url.pathname === '/' && !url.search && !url.hash && !url.username && !url.password;
  return bare ? url.origin : null;
}

/**
 * The origins an `origins=` value lists, each checked; the app's own when the parameter is absent.
 *
 * @example readOrigins('https://docs.example.com, *', 'https://app.example').origins // ['*']
 */
export function readOrigins(
  raw: string | null,
  selfOrigin: string,
): { origins: string[]; problems: string[] } {
  if (raw === null) return { origins: [selfOrigin], problems: [] };
  const problems: string[] = [];
  const parts = raw
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (parts.includes(ANY_ORIGIN)) return { origins: [ANY_ORIGIN], problems };
  const origins: string[] = [];
  for (const part of parts.slice(0, MAX_ORIGINS)) {
    const origin = asOrigin(part);
    if (origin === null) {
      problems.push(
        `origins: got ${preview(part)}, expected an origin such as https://docs.example.com (scheme and host, no path) or *`,
      );
    } else if (!origins.includes(origin)) origins.push(origin);
  }
  if (parts.length > MAX_ORIGINS) {
    problems.push(`origins: ${parts.length} listed; the first ${MAX_ORIGINS} are used`);
  }
  if (origins.length === 0 && problems.length === 0) {
    problems.push('origins: empty; no page can drive this embed (list origins, or * for any)');
  }
  return { origins, problems };
}

/** Whether a message from `origin` is heard. */
export const acceptsOrigin = (allowed: readonly string[], origin: string): boolean =>
  allowed.includes(ANY_ORIGIN) || allowed.includes(origin);
