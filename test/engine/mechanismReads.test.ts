import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MECHANISMS } from '../../src/engine/registry.ts';
import { getPreset } from '../../src/scenario/presets/index.ts';

/**
 * Each mechanism's `reads` (the scenario fields it reads, as its Mechanism object says) names every
 * field its folder's code reads: `scenario.<path>` anywhere in it, and `s.<path>` in its cost term,
 * where `s` is the scenario. A field counts as named when `reads` lists it, a field above it, or one
 * below it (code that takes `scenario.cache` apart reads the parts it names). Destructured reads are
 * not seen; what is seen must be listed.
 */
const TOP = Object.keys(getPreset('baseline')!);
const METHODS = /\.(length|some|forEach|map|filter|reduce|find|every)$/;

function fieldsReadIn(dir: string): Set<string> {
  const found = new Set<string>();
  for (const file of readdirSync(dir)) {
    const text = readFileSync(dir + file, 'utf8');
    const patterns = [/\bscenario\??\.([\w.]+)/g];
    if (file === 'cost.ts') patterns.push(/\bs\.([\w.]+)/g);
    for (const re of patterns) {
      for (const match of text.matchAll(re)) {
        const path = match[1]!.replace(METHODS, '');
        if (TOP.includes(path.split('.')[0]!)) found.add(path);
      }
    }
  }
  return found;
}

describe("the mechanisms' reads", () => {
  for (const m of MECHANISMS) {
    it(`${m.name} lists the scenario fields its code reads`, () => {
      const reads: readonly string[] = m.reads;
      for (const r of reads) expect(TOP, `${m.name} reads ${r}`).toContain(r.split('.')[0]);
      const found = [...fieldsReadIn(`src/engine/mechanisms/${m.name}/`)];
      expect(found.length + reads.length).toBeGreaterThan(0);
      const unlisted = found.filter(
        (p) => !reads.some((r) => p === r || p.startsWith(`${r}.`) || r.startsWith(`${p}.`)),
      );
      expect(unlisted, m.name).toEqual([]);
    });
  }
});
