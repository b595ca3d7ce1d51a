import { addName, createNameTree, removeName, type NameTree } from './nameTree.ts';

/**
 * One shard's tracking table as plain arrays: a key's readers are a bit mask of instances; removal moves
 * the last key into the hole, so the keys stay dense.
 */

/**
 * One shard's tracking table (Redis's TrackingTable): the keys read by tracking instances, each with
 * the set of instances that read it (a bit per instance: at most 32). Dense arrays, so a random key (the
 * one the cap forgets) is one draw.
 */
export interface Table {
  keys: number[];
  readers: number[];
  /** key -> its place in `keys`. */
  at: Map<number, number>;
  /** The keys' names as Redis's radix tree holds them, for the cap's pick; made when the cap first acts. */
  tree: NameTree | null;
}

/** Where keys' names in Redis come from (`key:42`, or a family's). */
export interface Names {
  name(key: number): string;
}

export const createTable = (): Table => ({ keys: [], readers: [], at: new Map(), tree: null });

/** The table's names as a tree, made from the keys it holds the first time it is asked for. */
export function treeOf(t: Table, names: Names): NameTree {
  if (t.tree === null) {
    t.tree = createNameTree();
    for (const key of t.keys) addName(t.tree, names.name(key), key);
  }
  return t.tree;
}

/** Adds `instance` to the readers of `key`; true when the key is new to the table. */
export function remember(t: Table, key: number, instance: number, names: Names): boolean {
  const i = t.at.get(key);
  if (i !== undefined) {
    t.readers[i] = (t.readers[i]! | (1 << instance)) >>> 0;
    return false;
  }
  t.at.set(key, t.keys.length);
  t.keys.push(key);
  t.readers.push((1 << instance) >>> 0);
  if (t.tree !== null) addName(t.tree, names.name(key), key);
  return true;
}

/** Removes `key` and returns its readers (0 when it was not in the table). */
export function forget(t: Table, key: number, names: Names): number {
  const i = t.at.get(key);
  if (i === undefined) return 0;
  if (t.tree !== null) removeName(t.tree, names.name(key));
  const readers = t.readers[i]!;
  const lastKey = t.keys.pop()!;
  const lastReaders = t.readers.pop()!;
  t.at.delete(key);
  if (i < t.keys.length) {
    t.keys[i] = lastKey;
    t.readers[i] = lastReaders;
    t.at.set(lastKey, i);
  }
  return readers;
}

export const tableSize = (t: Table): number => t.keys.length;
