import type { KeyView } from '../../engine/types.ts';
import { nodeLabel } from '../../labels/names.ts';

/**
 * Reads a KeyView as the picture of "two users see different data": which layers hold which version,
 * which of them are stale, and one plain sentence that says it.
 */

export type LayerState = 'fresh' | 'stale' | 'expired' | 'absent' | 'truth';

export interface LayerCell {
  /** Short name used in sentences: "Redis", "App 2". */
  name: string;
  /** Heading on the card: "Database", "Redis shard 1", "App 2 L1". */
  title: string;
  version: number | null;
  expiresAtMs: number | null;
  state: LayerState;
}

/** An entry past its expiry is still in memory (lazy expiry) but is never served, so it is not stale. */
function stateOf(
  entry: { version: number; expiresAtMs: number | null } | null,
  dbVersion: number,
  nowMs: number,
) {
  if (!entry) return 'absent';
  if (entry.expiresAtMs !== null && entry.expiresAtMs <= nowMs) return 'expired';
  return entry.version < dbVersion ? 'stale' : 'fresh';
}

export function keyLayers(view: KeyView, nowMs: number): LayerCell[] {
  const cells: LayerCell[] = [
    { name: 'the database', title: 'Database', version: view.dbVersion, expiresAtMs: null, state: 'truth' },
    {
      name: 'Redis',
      title: nodeLabel(`redis-${view.shard}`),
      version: view.redis?.version ?? null,
      expiresAtMs: view.redis?.expiresAtMs ?? null,
      state: stateOf(view.redis, view.dbVersion, nowMs),
    },
  ];
  view.l1.forEach((entry, i) => {
    cells.push({
      name: nodeLabel(`app-${i}`),
      title: `${nodeLabel(`app-${i}`)} L1`,
      version: entry?.version ?? null,
      expiresAtMs: entry?.expiresAtMs ?? null,
      state: stateOf(entry, view.dbVersion, nowMs),
    });
  });
  return cells;
}

/** "App 2 and App 5" / "Redis, App 1 and App 3". */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** One sentence a workshop can read aloud, e.g. "App 3 and App 6 serve version 3 while the database has 4." */
export function divergenceSentence(view: KeyView, cells: readonly LayerCell[]): string {
  const stale = cells.filter((c) => c.state === 'stale');
  const holders = cells.filter((c) => c.state === 'fresh' || c.state === 'stale');
  if (holders.length === 0) {
    return `No cache holds ${view.name}: every read goes to the database (version ${view.dbVersion}).`;
  }
  if (stale.length === 0) {
    return `Every cache holding ${view.name} has version ${view.dbVersion}, the same as the database.`;
  }
  const byVersion = new Map<number, string[]>();
  for (const c of stale) {
    const v = c.version ?? 0;
    byVersion.set(v, [...(byVersion.get(v) ?? []), c.name]);
  }
  const groups = [...byVersion.entries()]
    .sort(([a], [b]) => a - b)
    .map(([v, names]) => `${joinNames(names)} ${names.length === 1 ? 'serves' : 'serve'} version ${v}`);
  let sentence = `${joinNames(groups)} while the database has ${view.dbVersion}.`;
  const instanceVersions = new Set(
    cells
      .filter((c) => c.name.startsWith('App ') && (c.state === 'fresh' || c.state === 'stale'))
      .map((c) => c.version),
  );
  if (instanceVersions.size > 1) sentence += ' Two users on different instances see different data.';
  return sentence;
}
