import { detLog } from '../../core/detMath.ts';

/**
 * The names in a tracking table as Redis's radix tree holds them, for the one thing the engine needs of
 * it: the key the table's cap forgets. Redis does not draw that key uniformly; it walks its tree at random
 * from the first key (raxRandomWalk in src/rax.c), so a key in a sparse branch is forgotten more often
 * than one among many siblings. The calibration against a real redis-server measured the difference:
 * with a uniform draw the engine sent 0.2-1.5 % more invalidations per client than Redis, with this walk
 * the two agree within the run-to-run noise (docs/fidelity.md).
 *
 * The tree here has one node per character, kept in typed arrays (plain data, so a snapshot copies it);
 * the walk treats it as Redis's compressed tree, where a chain of single-child nodes that are not keys is
 * one node. It counts UTF-16 units where Redis counts bytes, which differs only for names outside ASCII.
 */
export interface NameTree {
  /** Per node: its character, parent, first child, next sibling (children in character order). */
  ch: Uint16Array;
  parent: Int32Array;
  first: Int32Array;
  next: Int32Array;
  /** Per node: its children, and the key whose name ends there (-1: none). */
  count: Int32Array;
  key: Int32Array;
  /** Nodes handed out (node 0 is the root), the head of the free list (-1: empty), keys held. */
  used: number;
  free: number;
  keys: number;
}

const NONE = -1;

export function createNameTree(capacity = 64): NameTree {
  return {
    ch: new Uint16Array(capacity),
    parent: new Int32Array(capacity).fill(NONE),
    first: new Int32Array(capacity).fill(NONE),
    next: new Int32Array(capacity).fill(NONE),
    count: new Int32Array(capacity),
    key: new Int32Array(capacity).fill(NONE),
    used: 1,
    free: NONE,
    keys: 0,
  };
}

function grow(t: NameTree): void {
  const n = t.ch.length * 2;
  const widen = <A extends Uint16Array | Int32Array>(a: A, make: (n: number) => A, fill: number): A => {
    const b = make(n);
    b.fill(fill);
    b.set(a);
    return b;
  };
  t.ch = widen(t.ch, (k) => new Uint16Array(k), 0);
  t.parent = widen(t.parent, (k) => new Int32Array(k), NONE);
  t.first = widen(t.first, (k) => new Int32Array(k), NONE);
  t.next = widen(t.next, (k) => new Int32Array(k), NONE);
  t.count = widen(t.count, (k) => new Int32Array(k), 0);
  t.key = widen(t.key, (k) => new Int32Array(k), NONE);
}

/** The child of `u` for character `c`, added in character order when missing. */
function childFor(t: NameTree, u: number, c: number): number {
  let prev = NONE;
  let v = t.first[u]!;
  while (v !== NONE && t.ch[v]! < c) {
    prev = v;
    v = t.next[v]!;
  }
  if (v !== NONE && t.ch[v] === c) return v;
  let w = t.free;
  if (w !== NONE) t.free = t.next[w]!;
  else {
    if (t.used === t.ch.length) grow(t);
    w = t.used++;
  }
  t.ch[w] = c;
  t.parent[w] = u;
  t.first[w] = NONE;
  t.count[w] = 0;
  t.key[w] = NONE;
  t.next[w] = v;
  if (prev === NONE) t.first[u] = w;
  else t.next[prev] = w;
  t.count[u]!++;
  return w;
}

export function addName(t: NameTree, name: string, key: number): void {
  let u = 0;
  for (let i = 0; i < name.length; i++) u = childFor(t, u, name.charCodeAt(i));
  if (t.key[u] === NONE) t.keys++;
  t.key[u] = key;
}

export function removeName(t: NameTree, name: string): void {
  let u = 0;
  for (let i = 0; i < name.length && u !== NONE; i++) {
    const c = name.charCodeAt(i);
    let v = t.first[u]!;
    while (v !== NONE && t.ch[v] !== c) v = t.next[v]!;
    u = v;
  }
  if (u === NONE || t.key[u] === NONE) return;
  t.key[u] = NONE;
  t.keys--;
  // Drop the nodes that now lead nowhere.
  while (u !== 0 && t.count[u] === 0 && t.key[u] === NONE) {
    const p = t.parent[u]!;
    if (t.first[p] === u) t.first[p] = t.next[u]!;
    else {
      let s = t.first[p]!;
      while (t.next[s] !== u) s = t.next[s]!;
      t.next[s] = t.next[u]!;
    }
    t.count[p]!--;
    t.next[u] = t.free;
    t.free = u;
    u = p;
  }
}

/** Whether node `u` is a node of Redis's compressed tree: the root, a key, a fork, or a fork's child. */
function isRaxNode(t: NameTree, u: number): boolean {
  return u === 0 || t.key[u] !== NONE || t.count[u]! >= 2 || t.count[t.parent[u]!]! >= 2;
}

/**
 * raxRandomWalk(it, 0) from the first key: a number of steps drawn from the tree's size, each to a
 * random child or up to the parent, counted on the keys it lands on; returns the key it stops at.
 * `draws.randomInt(n)` is a uniform integer in [0, n). The tree must hold at least one key.
 */
export function walkPick(t: NameTree, draws: { randomInt(n: number): number }): number {
  let u = 0;
  while (t.key[u] === NONE) u = t.first[u]!;
  const span = 2 * (1 + Math.floor(detLog(t.keys)));
  let steps = 1 + draws.randomInt(span);
  while (steps > 0 || t.key[u] === NONE) {
    const children = t.count[u]!;
    const r = draws.randomInt(children + (u === 0 ? 0 : 1));
    if (r === children) {
      u = t.parent[u]!;
      while (!isRaxNode(t, u)) u = t.parent[u]!;
    } else {
      let v = t.first[u]!;
      for (let i = 0; i < r; i++) v = t.next[v]!;
      if (children === 1) while (!isRaxNode(t, v)) v = t.first[v]!;
      u = v;
    }
    if (t.key[u] !== NONE) steps--;
  }
  return t.key[u]!;
}
