import type { Scenario } from '../../scenario/schema.ts';

/**
 * The keys a run addresses. Without `workload.families` they are `key:0` ... `key:<keys - 1>`, all with
 * the cache's TTLs and `workload.valueBytes`. With families, each family is a group of keys holding a
 * contiguous block of key ids (offset + rank), with its own name prefix, TTLs, value size and bypass
 * flag: every per-key array of the engine keeps working and a key's group is one table lookup. (Which
 * family a request picks, and what its stale reads cost, is the families mechanism's.)
 */
export interface KeyGroups {
  names: string[];
  /** First key id of each group, and the total key count at the end (length G + 1). */
  offsets: Int32Array;
  groupOf: Uint8Array;
  l2TtlMs: Float64Array;
  valueBytes: Float64Array;
  bypass: Uint8Array;
  /** Follows `cache.l1.ttlMs` (a live field): rebuilt with each model. */
  l1TtlMs: Float64Array;
}

/** Keys the run addresses: the families' total when there are families, else `workload.keys`. */
export function keyCountOf(scenario: Scenario): number {
  const fams = scenario.workload.families;
  return fams.length === 0 ? scenario.workload.keys : fams.reduce((n, f) => n + f.keys, 0);
}

/** The part of the groups no live change can touch: laid out once per run. */
export type GroupLayout = Omit<KeyGroups, 'l1TtlMs'>;

/** The group layout of a scenario with families; null without. */
export function groupLayout(scenario: Scenario): GroupLayout | null {
  const fams = scenario.workload.families;
  const n = fams.length;
  if (n === 0) return null;
  const offsets = new Int32Array(n + 1);
  fams.forEach((f, i) => (offsets[i + 1] = offsets[i]! + f.keys));
  const groupOf = new Uint8Array(offsets[n]!);
  fams.forEach((_, i) => groupOf.fill(i, offsets[i]!, offsets[i + 1]!));
  return {
    names: fams.map((f) => f.name),
    offsets,
    groupOf,
    l2TtlMs: Float64Array.from(fams, (f) => f.ttlMs ?? Infinity),
    valueBytes: Float64Array.from(fams, (f) => f.valueBytes),
    bypass: Uint8Array.from(fams, (f) => (f.bypass ? 1 : 0)),
  };
}

/** The groups of the scenario in force, on the run's layout. */
export function keyGroups(scenario: Scenario, layout: GroupLayout | null): KeyGroups | null {
  if (layout === null) return null;
  const { workload, cache } = scenario;
  return {
    ...layout,
    l1TtlMs: Float64Array.from(workload.families, (f) => f.l1TtlMs ?? cache.l1.ttlMs ?? Infinity),
  };
}

type PerKeyOf = { valueBytes: Uint32Array | null; l2TtlMs: Float64Array | null } | null;
type KeysOf = { groups: KeyGroups | null; perKey?: PerKeyOf };
type TtlModel = KeysOf & { l1TtlMs: number; l2TtlMs: number };

/** The group of `key` (0 without families). */
export const groupOf = (m: KeysOf, key: number): number => (m.groups === null ? 0 : m.groups.groupOf[key]!);

/**
 * The Redis key name of a workload key: `key:<rank>`, or `<family>:<rank>` with families.
 *
 * @example keyName(3) // 'key:3'
 */
export function keyName(key: number, m?: KeysOf | null): string {
  const g = m?.groups ?? null;
  if (g === null) return `key:${key}`;
  const f = g.groupOf[key] ?? 0;
  return `${g.names[f]}:${key - g.offsets[f]!}`;
}

/**
 * Bytes one cached value of `key` takes: its family's `valueBytes`, or `workload.valueBytes` without
 * families. For Redis memory accounting.
 *
 * @example valueBytesOf(model, 42) // 1024 by default
 */
export function valueBytesOf(m: KeysOf & { scenario: Scenario }, key: number): number {
  const own = m.perKey?.valueBytes?.[key];
  if (own !== undefined && own > 0) return own;
  const g = m.groups;
  return g === null ? m.scenario.workload.valueBytes : g.valueBytes[g.groupOf[key]!]!;
}

/** Redis TTL of `key` (ms, Infinity for none): a replayed trace's, its family's, or `cache.l2.ttlMs`. */
export function l2TtlOf(m: TtlModel, key: number): number {
  const perKey = m.perKey;
  if (perKey != null && perKey.l2TtlMs !== null) {
    const own = perKey.l2TtlMs[key]!;
    if (own > 0) return own;
  }
  const g = m.groups;
  return g === null ? m.l2TtlMs : g.l2TtlMs[g.groupOf[key]!]!;
}

/** L1 TTL of `key` (ms, Infinity for none): its family's, or `cache.l1.ttlMs`. */
export function l1TtlOf(m: TtlModel, key: number): number {
  const g = m.groups;
  return g === null ? m.l1TtlMs : g.l1TtlMs[g.groupOf[key]!]!;
}

/** False for keys of a `bypass` family: never read from or written to a cache. */
export function isCached(m: KeysOf, key: number): boolean {
  const g = m.groups;
  return g === null || g.bypass[g.groupOf[key]!] === 0;
}
