import type { AppStore } from '../store/appStore.ts';
import type { Driver } from './driver.ts';

/** Coarse metrics reach React at most this often; the canvas reads the driver directly every frame. */
const PUBLISH_INTERVAL_MS = 100;
/** The summary (charts, headline numbers) costs milliseconds to build on busy runs: refresh it less. */
const SUMMARY_INTERVAL_MS = 250;

/**
 * Copies the driver's state into the store: at once after a step, seek, load or play/pause, and while
 * playing at most 10 times a second (the summary 4 times). One setState per refresh, so React renders
 * once. Returns the unsubscribe.
 */
/** Time constant (simulated ms) of the shards' ops rates shown on the stage. */
const RATE_SMOOTHING_MS = 1000;

export function bridgeDriverToStore(
  driver: Driver,
  store: AppStore,
  clock: () => number = () => performance.now(),
): () => void {
  let lastNodes = -Infinity;
  let lastSummary = -Infinity;
  let summary = driver.sim.summary();
  let prev: { t: number; ops: number[]; rates: number[] | null } = { t: 0, ops: [], rates: null };
  /**
   * Per-shard ops rate from the cumulative counters, averaged over about RATE_SMOOTHING_MS of simulated
   * time (exponentially), so a 100 ms window holding a few commands of a quiet shard does not make it
   * flicker hot; a restart or seek back starts measuring again.
   */
  const rates = (t: number, ops: number[]): number[] => {
    if (t < prev.t || ops.length !== prev.ops.length) prev = { t, ops, rates: null };
    else if (t > prev.t) {
      const dt = (t - prev.t) / 1000;
      const old = prev.rates;
      const w = old === null ? 1 : 1 - Math.exp(-(t - prev.t) / RATE_SMOOTHING_MS);
      const now = ops.map((o, i) => Math.max(0, (o - (prev.ops[i] ?? 0)) / dt));
      prev = { t, ops, rates: now.map((r, i) => (old?.[i] ?? 0) + w * (r - (old?.[i] ?? 0))) };
    }
    return prev.rates ?? ops.map(() => 0);
  };
  const publish = (withSummary: boolean, extra: { notable?: null } = {}) => {
    const now = clock();
    lastNodes = now;
    if (withSummary) {
      summary = driver.sim.summary();
      lastSummary = now;
    }
    const nodes = driver.sim.nodes();
    store.setState({
      ...extra,
      playing: driver.playing,
      speed: driver.speed,
      achievedSpeed: driver.achievedSpeed,
      behind: driver.behind,
      nowMs: driver.sim.now(),
      events: summary.events,
      sampleEvery: driver.feed.sampleEvery,
      nodes,
      summary,
      shardRates: rates(
        nodes.nowMs,
        nodes.shards.map((s) => s.ops),
      ),
    });
  };
  publish(true);
  return driver.subscribe((reason) => {
    if (reason === 'tick' && driver.playing) {
      const now = clock();
      if (now - lastNodes < PUBLISH_INTERVAL_MS) return;
      publish(now - lastSummary >= SUMMARY_INTERVAL_MS);
      return;
    }
    publish(true, reason === 'load' ? { notable: null } : {});
  });
}
