/**
 * The page's list of series fields (src/series/fields.ts) is the one the engine runs with: same fields,
 * same order, same merge rules, same logs; a run's points carry exactly those keys in that order; and
 * the list pulls none of the engine's code into the page (only plain-data declarations).
 */
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/engine/index.ts';
import { MECHANISMS, PLAN } from '../../src/engine/registry.ts';
import { getPreset } from '../../src/scenario/presets/index.ts';
import { SERIES_FIELDS, SERIES_LOGS, mergePoints, scaleCounts } from '../../src/series/fields.ts';
import { POINT_ORDER } from '../../src/series/order.ts';

const ROOT = resolve(__dirname, '../..');

/** The modules a file imports at run time (type-only imports are erased), as paths from the root. */
function runtimeImports(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/^import\s+(type\s+)?[^;]*?from\s+'([^']+)';/gms)) {
    if (m[1] !== undefined || !m[2]!.startsWith('.')) continue;
    out.push(relative(ROOT, resolve(dirname(join(ROOT, file)), m[2]!)));
  }
  return out;
}

describe('the series fields the page reads', () => {
  it('are the plan’s, in its order, with its merge rules', () => {
    expect(SERIES_FIELDS).toEqual(PLAN.pointFields);
    expect(SERIES_LOGS).toEqual(PLAN.logs);
  });

  it('list every mechanism’s declared fields once, and the historical order first', () => {
    const declared = MECHANISMS.flatMap((m) => ('series' in m ? (m.series ?? []) : []));
    for (const f of declared) expect(SERIES_FIELDS.filter((g) => g.name === f.name)).toEqual([f]);
    expect(SERIES_FIELDS.slice(0, POINT_ORDER.length).map((f) => f.name)).toEqual(POINT_ORDER);
  });

  it('are the keys of every point of a run, in order', () => {
    const s = runScenario(getPreset('memory-pressure')!, { durationMs: 4000 });
    expect(s.series.points.length).toBe(4);
    for (const p of s.series.points) expect(Object.keys(p)).toEqual(SERIES_FIELDS.map((f) => f.name));
  });

  it('pull in no engine code: only the plain-data declarations', () => {
    const seen = new Set<string>();
    const walk = (file: string): void => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const next of runtimeImports(file)) walk(next);
    };
    walk('src/series/fields.ts');
    const engine = [...seen].filter((f) => f.startsWith('src/engine/'));
    expect(engine.length).toBeGreaterThan(4);
    for (const f of engine) expect(f).toMatch(/\/(series|seriesFields)\.ts$/);
    for (const f of seen) expect(runtimeImports(f).filter((i) => !seen.has(i))).toEqual([]);
  });

  it('merge two points by each field’s rule, and scale the counts', () => {
    const s = runScenario(getPreset('memory-pressure')!, { durationMs: 3000 });
    const [a, b] = [s.series.points[1]!, s.series.points[2]!];
    const m = mergePoints(a, b);
    expect(Object.keys(m)).toEqual(Object.keys(b));
    expect(m.tMs).toBe(b.tMs);
    expect(m.requests).toBe(a.requests + b.requests);
    expect(m.evictions).toBe(a.evictions + b.evictions);
    expect(m.p99).toBe(Math.max(a.p99, b.p99));
    expect(m.instancesUp).toBe(Math.min(a.instancesUp, b.instancesUp));
    expect(m.shardOps).toEqual(a.shardOps.map((x, i) => x + b.shardOps[i]!));
    expect(m.shardKeys).toEqual(b.shardKeys);
    expect(m.alerts).toEqual([...new Set([...a.alerts, ...b.alerts])]);
    const k = scaleCounts(m, 2);
    expect(k.requests).toBe(2 * m.requests);
    expect(k.p99).toBe(m.p99);
    expect(k.shardOps).toEqual(m.shardOps.map((x) => 2 * x));
  });
});
