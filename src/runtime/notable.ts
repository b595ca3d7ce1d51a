import type { Simulation, SimMs, SeriesPoint } from '../engine/types.ts';
import type { CreateSimulation } from './driver.ts';

export interface Notable {
  atMs: SimMs;
  label: string;
}

/** How far ahead to look for an alert before giving up (simulated ms). */
const HORIZON_MS = 30_000;
const PROBE_MS = 250;

/** Alert thresholds from the design's monitoring section. */
function alerts(p: SeriesPoint): string[] {
  const out: string[] = [];
  const l2 = p.l2Hits + p.l2Misses;
  if (l2 > 20 && p.l2Hits / l2 < 0.7) out.push('Alert: Redis hit rate fell below 70 %');
  if (p.p99 > 5) out.push('Alert: p99 latency above 5 ms');
  if (p.staleReads > 0) out.push('Stale values served');
  if (p.errors > 0) out.push('Errors');
  return out;
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
    if (f.atMs > now) candidates.push({ atMs: f.atMs, label: `Failure: ${f.kind}` });
    const back = f.atMs + f.durationMs;
    if (f.durationMs > 0 && back > now) candidates.push({ atMs: back, label: `Recovered from ${f.kind}` });
  }
  const hot = sim.inspectKey(0).redis;
  if (hot && hot.expiresAtMs !== null && hot.expiresAtMs > now) {
    // Land just after the expiry so the stage shows the key gone and the misses that follow.
    candidates.push({ atMs: hot.expiresAtMs + 1, label: 'The hottest key (key 0) expired in Redis' });
  }
  candidates.sort((a, b) => a.atMs - b.atMs);
  const first = candidates[0];
  const limit = Math.min(scenario.durationMs, first ? first.atMs : now + HORIZON_MS, now + HORIZON_MS);
  const alert = probeAlerts(sim, create, limit);
  if (alert && (!first || alert.atMs < first.atMs)) return alert;
  return first && first.atMs <= scenario.durationMs ? first : null;
}

function probeAlerts(sim: Simulation, create: CreateSimulation, limit: SimMs): Notable | null {
  const clone = create(sim.scenario, { trace: false });
  clone.restore(sim.snapshot());
  const seen = new Set<string>();
  const known = clone.summary().series.points;
  const last = known[known.length - 1];
  if (last) for (const a of alerts(last)) seen.add(a);
  let checked = known.length;
  for (let t = clone.now() + PROBE_MS; t <= limit + PROBE_MS; t += PROBE_MS) {
    clone.runUntil(Math.min(t, limit));
    const pts = clone.summary().series.points;
    for (; checked < pts.length; checked++) {
      const p = pts[checked]!;
      const fresh = alerts(p).filter((a) => !seen.has(a));
      if (fresh.length > 0 && p.tMs > sim.now()) return { atMs: p.tMs, label: fresh[0]! };
      // An alert that clears and fires again is news again.
      seen.clear();
      for (const a of alerts(p)) seen.add(a);
    }
    if (t >= limit) break;
  }
  return null;
}
