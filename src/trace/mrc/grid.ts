/** The default sizes of a curve and the checks on sizes a user gives. */

export const DEFAULT_POINTS = 32;

/**
 * `points` sizes spaced evenly on a log scale from the larger of the largest object and a thousandth
 * of the working set, up to the working set (where every policy is down to its first-request misses).
 * Rounded to whole bytes, ascending, without repeats.
 */
export function defaultSizes(workingSet: number, largestObject: number, points = DEFAULT_POINTS): number[] {
  const hi = Math.max(1, workingSet);
  const lo = Math.min(hi, Math.max(1, largestObject, Math.floor(hi / 1000)));
  const sizes = new Set<number>();
  for (let i = 0; i < points; i++) {
    const t = points === 1 ? 1 : i / (points - 1);
    sizes.add(Math.round(lo * Math.pow(hi / lo, t)));
  }
  return [...sizes].sort((a, b) => a - b);
}

/** Sizes given by a user, with marks to add (the scenario's cache sizes): sorted, distinct, positive. */
export function normaliseSizes(sizes: readonly number[]): number[] {
  return [...new Set(sizes.filter((s) => Number.isFinite(s) && s > 0).map((s) => Math.round(s)))].sort(
    (a, b) => a - b,
  );
}

const UNITS: Record<string, number> = {
  '': 1,
  b: 1,
  k: 2 ** 10,
  kb: 2 ** 10,
  kib: 2 ** 10,
  m: 2 ** 20,
  mb: 2 ** 20,
  mib: 2 ** 20,
  g: 2 ** 30,
  gb: 2 ** 30,
  gib: 2 ** 30,
};

/** Reads a size such as `4096`, `64KiB`, `128MiB` or `1.5GB` (binary units); null when it is not one. */
export function parseSize(text: string): number | null {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(text);
  if (!m) return null;
  const unit = UNITS[(m[2] ?? '').toLowerCase()];
  if (unit === undefined) return null;
  const bytes = Math.round(Number(m[1]) * unit);
  return bytes > 0 && bytes <= Number.MAX_SAFE_INTEGER ? bytes : null;
}
