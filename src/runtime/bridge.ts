import type { AppState, AppStore } from '../store/types.ts';
import type { Change, Summary } from '../engine/types.ts';
import { pointSpanMs } from '../series/field.ts';
import type { EngineEvent } from '../worker/protocol.ts';
import { SeriesReceiver } from '../worker/seriesDelta.ts';

type Update = Extract<EngineEvent, { type: 'update' }>;

/**
 * The run's changes go into the applied scenario, and into the draft too (the draft is the scenario
 * the panel edits, changes included, so "Apply & restart" and links keep them).
 */
function withChangeList(store: AppStore, changes: Change[]): Partial<AppState> {
  const { applied, draft } = store.getState();
  const next = { ...applied, changes };
  return { applied: next, draft: draft === applied ? next : { ...draft, changes } };
}

/** Time constant (simulated ms) of the shards' ops rates shown on the stage. */
const RATE_SMOOTHING_MS = 1000;

/**
 * Per-shard ops rates over the series' last points, about RATE_SMOOTHING_MS of simulated time back from
 * the run's current end (what the per-shard ops chart draws), or null when the series has no point.
 */
export function seriesShardRates(summary: Summary): number[] | null {
  const { points, intervalMs } = summary.series;
  const last = points[points.length - 1];
  if (!last) return null;
  const ops = last.shardOps.map(() => 0);
  let spanMs = 0;
  for (let i = points.length - 1; i >= 0 && spanMs < RATE_SMOOTHING_MS; i--) {
    const p = points[i]!;
    p.shardOps.forEach((n, k) => (ops[k] = (ops[k] ?? 0) + n));
    spanMs += pointSpanMs(p, intervalMs);
  }
  return ops.map((n) => (n * 1000) / spanMs);
}

/**
 * Copies what the engine's `update` events say into the store, one setState per event so React renders
 * once. The worker sends them at most ten times a second while playing (the summary four times) and
 * at once after a command; the canvas never waits for them, it reads frames directly.
 */
export function createStoreBridge(store: AppStore): (update: Update) => void {
  const series = new SeriesReceiver();
  let prev: { t: number; ops: number[]; rates: number[] | null } = { t: 0, ops: [], rates: null };
  /**
   * Per-shard ops rate from the cumulative counters, averaged over about RATE_SMOOTHING_MS of simulated
   * time (exponentially), so a 100 ms window holding a few commands of a quiet shard does not make it
   * flicker hot. Where two updates cannot measure it (a seek back, a restart, a jump longer than that
   * time, a comparison's B held back to A's clock) it is read from the series the update carries, so a
   * paused stage shows the rates at its moment rather than zeros or an average over the jump.
   */
  const rates = (t: number, ops: number[], summary: Summary | undefined): number[] => {
    const jumped = t < prev.t || t - prev.t > RATE_SMOOTHING_MS || ops.length !== prev.ops.length;
    const fromSeries = jumped && summary ? seriesShardRates(summary) : null;
    if (fromSeries && fromSeries.length === ops.length) prev = { t, ops, rates: fromSeries };
    else if (t < prev.t || ops.length !== prev.ops.length) prev = { t, ops, rates: null };
    else if (t > prev.t) {
      const dt = (t - prev.t) / 1000;
      const old = prev.rates;
      const w = old === null ? 1 : 1 - Math.exp(-(t - prev.t) / RATE_SMOOTHING_MS);
      const now = ops.map((o, i) => Math.max(0, (o - (prev.ops[i] ?? 0)) / dt));
      prev = { t, ops, rates: now.map((r, i) => (old?.[i] ?? 0) + w * (r - (old?.[i] ?? 0))) };
    }
    return prev.rates ?? ops.map(() => 0);
  };
  return (u) => {
    const { state, nodes } = u;
    const summary = u.summary && u.seriesFrom ? series.join(u.summary, u.seriesFrom) : undefined;
    store.setState({
      ...(u.changes ? withChangeList(store, u.changes) : {}),
      playing: state.playing,
      speed: state.speed,
      achievedSpeed: state.achievedSpeed,
      behind: state.behind,
      nowMs: state.nowMs,
      events: state.events,
      sampleEvery: state.sampleEvery,
      nodes,
      recent: u.recent,
      shardRates: rates(
        nodes.nowMs,
        nodes.shards.map((s) => s.ops),
        summary,
      ),
      ...(summary ? { summary } : {}),
    });
  };
}
