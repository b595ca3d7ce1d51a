/** Read-only views of a shard's keyspace for the inspector and the summary (no side effects). */
import type { ShardStore } from './storeSlots.ts';
import { slotOf } from './storeSlots.ts';

export interface StoreEntry {
  key: number;
  version: number;
  expiresAt: number;
  lastAccess: number;
}

/** Reads a key for the inspector with no side effects; null when absent or expired. */
export function storePeek(
  s: ShardStore,
  key: number,
  now: number,
): { version: number; expiresAt: number } | null {
  const slot = slotOf(s, key);
  if (slot < 0 || now >= s.expires[slot]!) return null;
  return { version: s.versions[slot]!, expiresAt: s.expires[slot]! };
}

/** Keys held, including expired keys not yet removed (as Redis's DBSIZE). */
export function storeSize(s: ShardStore): number {
  return s.size;
}

/**
 * Up to `limit` live keys in insertion order, for the inspector (sorts: O(n log n), not for hot paths).
 *
 * @example
 * storeEntries(s, now, 20); // [{ key, version, expiresAt, lastAccess }, ...]
 */
export function storeEntries(s: ShardStore, now: number, limit: number): StoreEntry[] {
  const slots: number[] = [];
  for (let i = 0; i < s.size; i++) if (now < s.expires[i]!) slots.push(i);
  slots.sort((a, b) => s.inserted[a]! - s.inserted[b]!);
  return slots.slice(0, limit).map((i) => ({
    key: s.keys[i]!,
    version: s.versions[i]!,
    expiresAt: s.expires[i]!,
    lastAccess: s.lastAccess[i]!,
  }));
}
