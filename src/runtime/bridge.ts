import type { AppStore } from '../store/appStore.ts';
import type { Driver } from './driver.ts';

/** Coarse metrics reach React at most this often; the canvas reads the driver directly every frame. */
const PUBLISH_INTERVAL_MS = 100;

/**
 * Copies the driver's state into the store: playback flags at once, metrics (node views and the
 * summary, which cost a little to build) at most 10 times a second while playing. Returns the unsubscribe.
 */
export function bridgeDriverToStore(
  driver: Driver,
  store: AppStore,
  clock: () => number = () => performance.now(),
): () => void {
  let last = -Infinity;
  let prev: { t: number; ops: number[]; rates: number[] } = { t: 0, ops: [], rates: [] };
  /** Per-shard ops rate from the cumulative counters; a restart or seek back starts measuring again. */
  const rates = (t: number, ops: number[]): number[] => {
    if (t < prev.t || ops.length !== prev.ops.length) prev = { t, ops, rates: ops.map(() => 0) };
    else if (t > prev.t) {
      const dt = (t - prev.t) / 1000;
      prev = { t, ops, rates: ops.map((o, i) => Math.max(0, (o - (prev.ops[i] ?? 0)) / dt)) };
    }
    return prev.rates;
  };
  const publish = () => {
    last = clock();
    const summary = driver.sim.summary();
    store.getState().setPlayback({
      playing: driver.playing,
      speed: driver.speed,
      achievedSpeed: driver.achievedSpeed,
      behind: driver.behind,
      nowMs: driver.sim.now(),
      events: summary.events,
      sampleEvery: driver.feed.sampleEvery,
    });
    const nodes = driver.sim.nodes();
    const shardRates = rates(
      nodes.nowMs,
      nodes.shards.map((s) => s.ops),
    );
    store.getState().setMetrics(nodes, summary, shardRates);
  };
  publish();
  return driver.subscribe((reason) => {
    if (reason === 'tick' && clock() - last < PUBLISH_INTERVAL_MS && driver.playing) return;
    if (reason === 'load') store.getState().setPlayback({ notable: null });
    publish();
  });
}
