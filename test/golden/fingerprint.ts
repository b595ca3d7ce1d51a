/**
 * What a golden run records, and how a run is compared with it. A run's fingerprint holds its Summary in
 * full, except the time series, which are kept as one SHA-256 digest per column (a changed figure says
 * which series field moved, the files stay small); the exact bytes of `npm run sim -- --json`, `--csv`
 * and the CLI table as digests; the cost estimate; what the stage and the inspector read at the end; and,
 * for the runs that ask, the trace and the Summary after a snapshot is restored (into the same run and
 * into a new one).
 */
import { createHash } from 'node:crypto';
import { createSimulation, estimateCost } from '../../src/engine/index.ts';
import type { RunOptions, Scenario, Summary } from '../../src/engine/types.ts';
import { formatSummaryTable } from '../../src/cli/table.ts';
import { seriesCsv } from '../../src/export/seriesCsv.ts';

/** One golden run: a scenario (a preset's, or a generated one) with its options. */
export interface RunSpec {
  /** Names the run in messages: `<preset>#<seed>` or `generated-<n>`. */
  id: string;
  scenario: Scenario;
  options: Pick<RunOptions, 'seed' | 'durationMs'>;
  /** Also replay from a snapshot taken at this share of the run (0 to 1). */
  snapshotAt?: number;
  /** Also record the trace of the first `traceMs` of the run. */
  traceMs?: number;
  /** Keep the Summary as one digest per field instead of in full (a smaller file, as precise a check). */
  compact?: boolean;
}

export const digest = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 16);

/** One digest per field of a list of samples (the JSON of that field's values, in order), and the count. */
function seriesDigest(points: readonly object[]): Record<string, string | number> {
  const out: Record<string, string | number> = { count: points.length, json: digest(JSON.stringify(points)) };
  const fields = points.length > 0 ? Object.keys(points[0]!) : [];
  for (const f of fields)
    out[f] = digest(JSON.stringify(points.map((p) => (p as Record<string, unknown>)[f])));
  return out;
}

/** The Summary with each series replaced by its digests; `compact`: every field as a digest. */
function reduceSummary(s: Summary, compact: boolean): unknown {
  const reduced: Record<string, unknown> = {
    ...s,
    series: { intervalMs: s.series.intervalMs, points: seriesDigest(s.series.points) },
    writeBehind: s.writeBehind && { ...s.writeBehind, series: seriesDigest(s.writeBehind.series) },
    cdc: s.cdc && { ...s.cdc, series: seriesDigest(s.cdc.series) },
  };
  if (!compact) return reduced;
  return Object.fromEntries(Object.entries(reduced).map(([k, v]) => [k, digest(JSON.stringify(v))]));
}

export interface Fingerprint {
  summary: unknown;
  bytes: { json: string; csv: string; table: string };
  cost: unknown;
  views: { nodes: string; keys: string; ttlRemaining: string };
  trace?: { hops: number; requests: number; digest: string };
  restored?: { same: string; fresh: string };
}

/** Keys the inspector is asked about at the end: the hottest, a few popular ones and a rare one. */
const inspected = (keyCount: number): number[] =>
  [0, 1, 7, 99, keyCount - 1].filter((k, i, a) => k >= 0 && k < keyCount && a.indexOf(k) === i);

function keyCountOf(s: Scenario): number {
  const fams = s.workload.families;
  return fams.length === 0 ? s.workload.keys : fams.reduce((n, f) => n + f.keys, 0);
}

/** Runs the spec and records everything a golden file keeps of it. */
export function fingerprint(spec: RunSpec): Fingerprint {
  const sim = createSimulation(spec.scenario, spec.options);
  const end = spec.options.durationMs ?? spec.scenario.durationMs;
  let snapshot = null;
  if (spec.snapshotAt !== undefined) {
    sim.runUntil(end * spec.snapshotAt);
    snapshot = sim.snapshot();
  }
  sim.runUntil(Infinity);
  const summary = sim.summary();
  const json = JSON.stringify(summary);
  const out: Fingerprint = {
    summary: reduceSummary(summary, spec.compact ?? false),
    bytes: {
      json: digest(json),
      csv: digest(seriesCsv(summary)),
      table: digest(formatSummaryTable(summary, spec.scenario)),
    },
    cost: estimateCost(spec.scenario),
    views: {
      nodes: digest(JSON.stringify(sim.nodes())),
      keys: digest(JSON.stringify(inspected(keyCountOf(spec.scenario)).map((k) => sim.inspectKey(k)))),
      ttlRemaining: digest(JSON.stringify(sim.ttlRemaining(500))),
    },
  };
  if (snapshot !== null) {
    sim.restore(snapshot);
    sim.runUntil(Infinity);
    const same = digest(JSON.stringify(sim.summary()));
    const other = createSimulation(spec.scenario, spec.options);
    other.restore(snapshot);
    other.runUntil(Infinity);
    out.restored = { same, fresh: digest(JSON.stringify(other.summary())) };
  }
  if (spec.traceMs !== undefined) out.trace = traceOf(spec);
  return out;
}

/** The hops and requests of the first `traceMs` of the run, drained every simulated second. */
function traceOf(spec: RunSpec): NonNullable<Fingerprint['trace']> {
  const sim = createSimulation(spec.scenario, { ...spec.options, trace: true, traceCapacity: 1_000_000 });
  const hash = createHash('sha256');
  let hops = 0;
  let requests = 0;
  for (let t = 1000; ; t += 1000) {
    sim.runUntil(Math.min(t, spec.traceMs!));
    const h = sim.drainHops();
    const r = sim.drainRequests();
    hops += h.length;
    requests += r.length;
    hash.update(JSON.stringify(h)).update(JSON.stringify(r));
    if (t >= spec.traceMs! || sim.done()) break;
  }
  return { hops, requests, digest: hash.digest('hex').slice(0, 16) };
}

/**
 * Where `actual` first differs from `expected`, as `path: expected X, got Y`; null when the two are the
 * same JSON, byte for byte (key order included).
 */
export function firstDifference(expected: unknown, actual: unknown, path = ''): string | null {
  if (JSON.stringify(expected) === JSON.stringify(actual)) return null;
  const show = (x: unknown) => {
    const text = JSON.stringify(x) ?? String(x);
    return text.length > 120 ? `${text.slice(0, 117)}...` : text;
  };
  if (
    typeof expected !== 'object' ||
    typeof actual !== 'object' ||
    expected === null ||
    actual === null ||
    Array.isArray(expected) !== Array.isArray(actual)
  ) {
    return `${path || '(root)'}: expected ${show(expected)}, got ${show(actual)}`;
  }
  const e = expected as Record<string, unknown>;
  const a = actual as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(e), ...Object.keys(a)])];
  for (const k of keys) {
    const sub = Array.isArray(expected) ? `${path}[${k}]` : path ? `${path}.${k}` : k;
    if (!(k in a)) return `${sub}: missing (expected ${show(e[k])})`;
    if (!(k in e)) return `${sub}: unexpected (got ${show(a[k])})`;
    const d = firstDifference(e[k], a[k], sub);
    if (d !== null) return d;
  }
  return `${path || '(root)'}: same fields and values in another order (expected keys ${show(Object.keys(e))}, got ${show(Object.keys(a))})`;
}
