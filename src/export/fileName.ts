/**
 * Names of exported files: `<preset id or slugged title>-seed<seed>-<what>.<ext>`, so a folder of
 * exports says which scenario and which run each file came from (`stampede-seed42-series.csv`).
 */

/** Longest slug kept from a title: enough to recognise it, short enough for any file system. */
const MAX_SLUG = 60;

/**
 * Lower-case ASCII letters and digits joined by single hyphens; accents are dropped ("Café" gives
 * "cafe"); `fallback` when nothing is left (a title of only symbols or another script).
 *
 * @example
 * slug('Cache stampede: a hot key expires'); // 'cache-stampede-a-hot-key-expires'
 */
export function slug(text: string, fallback = 'scenario'): string {
  const s = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, MAX_SLUG)
    .replace(/^-+|-+$/g, '');
  return s || fallback;
}

/** What a file is named after: the preset it came from (unchanged), else the scenario's title. */
export interface ExportSource {
  presetId: string | null;
  title: string;
  seed: number;
}

/**
 * The file name of one export.
 *
 * @example
 * exportFileName({ presetId: null, title: 'My TTL test', seed: 7 }, 'chart-hit-ratio', 'svg');
 * // 'my-ttl-test-seed7-chart-hit-ratio.svg'
 */
export function exportFileName(source: ExportSource, what: string, ext: string): string {
  const name = source.presetId ? slug(source.presetId) : slug(source.title);
  return `${name}-seed${source.seed}-${slug(what, 'export')}.${ext}`;
}
