/**
 * Two consecutive samples of a mechanism's log (instant figures such as a queue's depth or a lag) as
 * one: the later sample's time, each figure the larger of the two, so a peak stays visible.
 */
export function mergeGauges<T extends { tMs: number }>(a: T, b: T): T {
  const out = { ...b } as Record<string, unknown>;
  const x = a as unknown as Record<string, unknown>;
  for (const [k, v] of Object.entries(b)) {
    if (k !== 'tMs' && typeof v === 'number' && typeof x[k] === 'number') out[k] = Math.max(x[k], v);
  }
  return out as T;
}
