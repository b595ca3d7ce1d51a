import type { RunOptions, Scenario, Simulation, SimMs, SeriesPoint, Summary } from '../engine/types.ts';
import { failureLabel } from '../labels/options.ts';
import { HORIZON_MS } from './notableText.ts';

/** How the driver creates a simulation (the engine's `createSimulation`, or a test's). */
export type CreateSimulation = (scenario: Scenario, options?: RunOptions) => Simulation;

export interface Notable {
  atMs: SimMs;
  label: string;
}

const PROBE_MS = 250;
const HOT_EXPIRED = 'The hottest key (key 0) expired in Redis';

/** What fired at a sample: the engine's monitoring rules (the design's alert thresholds), and errors. */
function alerts(p: SeriesPoint): string[] {
  return p.errors > 0 ? [...p.alerts, 'errors'] : p.alerts;
}

function describe(rule: string, summary: Summary): string {
  if (rule === 'errors') return 'Requests are failing';
  const known = summary.alerts.find((a) => a.rule === rule);
  return `Alert: ${known?.message ?? rule}`;
}

/**
 * The next moment worth showing after `sim.now()`: a scheduled failure, the hottest key expiring in
 * Redis, or an alert starting. Alerts are found by running a clone restored from a snapshot, so the
 * live simulation is untouched.
 */
export function findNextNotable(sim: Simulation, create: CreateSimulation): Notable | null {
  const now = sim.now();
  const scenario = sim.scenario;
  const candidates: Notable[] = [];
  for (const f of scenario.failures) {
    if (f.atMs > now) candidates.push({ atMs: f.atMs, label: `Failure: ${failureLabel(f.kind, f.target)}` });
    const back = f.atMs + f.durationMs;
    if (f.durationMs > 0 && back > now)
      candidates.push({ atMs: back, label: `Recovered: ${failureLabel(f.kind, f.target)}` });
  }
  const hot = sim.inspectKey(0).redis;
  // Within the horizon the probe finds the expiry; a static guess would be wrong when in-flight reads
  // rewrite the key (and its TTL) before it expires.
  if (hot && hot.expiresAtMs !== null && hot.expiresAtMs > now + HORIZON_MS) {
    candidates.push({ atMs: hot.expiresAtMs + 1, label: HOT_EXPIRED });
  }
  candidates.sort((a, b) => a.atMs - b.atMs);
  const first = candidates[0];
  const limit = Math.min(scenario.durationMs, first ? first.atMs : now + HORIZON_MS, now + HORIZON_MS);
  const probed = probe(sim, create, limit);
  if (probed && (!first || probed.atMs < first.atMs)) return probed;
  return first && first.atMs <= scenario.durationMs ? first : null;
}

/**
 * Runs a clone ahead to `limit` looking for an alert starting or the hottest key expiring in Redis.
 * The expiry is confirmed by running to it: a refill can push it later, and then the watch goes on.
 */
function probe(sim: Simulation, create: CreateSimulation, limit: SimMs): Notable | null {
  const clone = create(sim.scenario, { trace: false });
  clone.restore(sim.snapshot());
  const seen = new Set<string>();
  const known = clone.summary().series.points;
  const last = known[known.length - 1];
  if (last) for (const a of alerts(last)) seen.add(a);
  // From a cold start every alert fires in the first interval; that is warm-up, not news.
  let warmUp = known.length === 0;
  // By time, not by index: a long run's series is coarsened as it grows (its points merge in pairs,
  // and the last one fills over several samples; see the engine's series.ts).
  let checkedT = last ? last.tMs : -Infinity;
  let expiryAt: SimMs | null = null;
  for (let t = clone.now() + PROBE_MS; ; t += PROBE_MS) {
    const end = Math.min(t, limit, expiryAt ?? Infinity);
    clone.runUntil(end);
    const summary = clone.summary();
    const pts = summary.series.points;
    let i = pts.length;
    while (i > 0 && pts[i - 1]!.tMs > checkedT) i--;
    for (; i < pts.length; i++) {
      const p = pts[i]!;
      checkedT = p.tMs;
      const fresh = warmUp ? [] : alerts(p).filter((a) => !seen.has(a));
      warmUp = false;
      if (fresh.length > 0 && p.tMs > sim.now()) return { atMs: p.tMs, label: describe(fresh[0]!, summary) };
      // An alert that clears and fires again is news again.
      seen.clear();
      for (const a of alerts(p)) seen.add(a);
    }
    const hot = clone.inspectKey(0).redis;
    const live = hot !== null && (hot.expiresAtMs === null || hot.expiresAtMs > clone.now());
    if (expiryAt !== null && clone.now() >= expiryAt && !live)
      return { atMs: expiryAt + 1, label: HOT_EXPIRED };
    expiryAt = live && hot.expiresAtMs !== null ? hot.expiresAtMs : null;
    if (end >= limit) return null;
  }
}
