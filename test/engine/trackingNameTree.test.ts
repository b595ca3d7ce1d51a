import { describe, expect, it } from 'vitest';
import { createRng, randomInt } from '../../src/engine/core/rng.ts';
import {
  addName,
  createNameTree,
  removeName,
  walkPick,
  type NameTree,
} from '../../src/engine/mechanisms/tracking/nameTree.ts';

/**
 * An independent reference: Redis's compressed radix tree built from the sorted names as objects (a fork's
 * children one character each, a single way on kept in one node up to the next key or fork), and
 * raxRandomWalk over it as src/rax.c writes it. Same draws, same key, or the engine's tree is not Redis's.
 */
interface RaxNode {
  key: number;
  children: RaxNode[];
  parent: RaxNode | null;
}

function raxBuild(names: string[], lo: number, hi: number, depth: number, parent: RaxNode | null): RaxNode {
  const node: RaxNode = { key: -1, children: [], parent };
  let i = lo;
  if (i < hi && names[i]!.length === depth) node.key = i++;
  const groups: [number, number][] = [];
  while (i < hi) {
    let j = i + 1;
    while (j < hi && names[j]![depth] === names[i]![depth]) j++;
    groups.push([i, j]);
    i = j;
  }
  if (groups.length === 1) {
    const [a, b] = groups[0]!;
    let d = depth + 1;
    while (names[a]!.length > d && names[a]![d] === names[b - 1]![d]) d++;
    node.children.push(raxBuild(names, a, b, d, node));
  } else for (const [a, b] of groups) node.children.push(raxBuild(names, a, b, depth + 1, node));
  return node;
}

function raxWalk(sortedNames: string[], keys: number[], rand: (n: number) => number): number {
  const head = raxBuild(sortedNames, 0, sortedNames.length, 0, null);
  let n = head;
  while (n.key === -1) n = n.children[0]!;
  let steps = 1 + rand(2 * (1 + Math.floor(Math.log(sortedNames.length))));
  while (steps > 0 || n.key === -1) {
    const k = n.children.length;
    const r = rand(k + (n === head ? 0 : 1));
    n = r === k ? n.parent! : n.children[r]!;
    if (n.key !== -1) steps--;
  }
  return keys[n.key]!;
}

const nameOf = (k: number) => (k % 3 === 0 ? `user:${k}` : `key:${k}`);

function both(tree: NameTree, held: Set<number>, seed: number): [number, number] {
  const keys = [...held].sort((a, b) => (nameOf(a) < nameOf(b) ? -1 : nameOf(a) > nameOf(b) ? 1 : 0));
  const r1 = createRng(seed);
  const r2 = createRng(seed);
  return [
    walkPick(tree, { randomInt: (n) => randomInt(r1, n) }),
    raxWalk(keys.map(nameOf), keys, (n) => randomInt(r2, n)),
  ];
}

describe('the tracking table as a radix tree', () => {
  it('walks as raxRandomWalk does over Redis compressed tree, through adds and removes', () => {
    const rng = createRng(11);
    const tree = createNameTree(4); // small, so it grows
    const held = new Set<number>();
    let compared = 0;
    for (let step = 0; step < 3000; step++) {
      const k = randomInt(rng, 400);
      if (held.has(k) && randomInt(rng, 2) === 0) {
        removeName(tree, nameOf(k));
        held.delete(k);
      } else if (!held.has(k)) {
        addName(tree, nameOf(k), k);
        held.add(k);
      }
      if (held.size > 0 && step % 7 === 0) {
        const [mine, reference] = both(tree, held, step);
        expect(mine).toBe(reference);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(400);
    expect(tree.keys).toBe(held.size);
  });

  it('is the same tree whatever order the names came in, and gives back every node when emptied', () => {
    const keys = Array.from({ length: 300 }, (_, i) => (i * 37) % 1000);
    const a = createNameTree();
    const b = createNameTree();
    for (const k of keys) addName(a, nameOf(k), k);
    for (const k of [...keys].reverse()) addName(b, nameOf(k), k);
    for (let seed = 0; seed < 50; seed++) {
      const ra = createRng(seed);
      const rb = createRng(seed);
      expect(walkPick(a, { randomInt: (n) => randomInt(ra, n) })).toBe(
        walkPick(b, { randomInt: (n) => randomInt(rb, n) }),
      );
    }
    for (const k of keys) removeName(a, nameOf(k));
    expect(a.keys).toBe(0);
    expect(a.count[0]).toBe(0);
    let free = 0;
    for (let u = a.free; u !== -1; u = a.next[u]!) free++;
    expect(free).toBe(a.used - 1);
  });

  it('is not a uniform draw: a short name, in a sparse branch, is forgotten more often than a long one', () => {
    const keys = Array.from({ length: 50 }, (_, i) => (i * 37) % 400);
    const tree = createNameTree();
    for (const k of keys) addName(tree, `key:${k}`, k);
    const rng = createRng(5);
    const picks = new Map<number, number>();
    for (let i = 0; i < 20_000; i++) {
      const k = walkPick(tree, { randomInt: (n) => randomInt(rng, n) });
      picks.set(k, (picks.get(k) ?? 0) + 1);
    }
    const share = (ks: number[]) => ks.reduce((sum, k) => sum + (picks.get(k) ?? 0), 0) / ks.length;
    const short = keys.filter((k) => k >= 10 && k < 100);
    const long = keys.filter((k) => k >= 100);
    expect(short.length).toBeGreaterThan(5);
    expect(share(short)).toBeGreaterThan(2 * share(long));
    expect([...picks.keys()].every((k) => keys.includes(k))).toBe(true);
  });
});
