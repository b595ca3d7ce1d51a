import type { StateCreator } from 'zustand';
import type { NodeView, Summary, TraceRequest } from '../engine/types.ts';
import type { AppState } from './appStore.ts';

/** Coarse metrics, refreshed at most 10 times a second by the runtime bridge. */
export interface MetricsSlice {
  nodes: NodeView | null;
  summary: Summary | null;
  /** Operations per simulated second per shard, between the last two refreshes. */
  shardRates: number[];
  /** The last completed requests the canvas followed, newest first. */
  recent: TraceRequest[];
  setMetrics: (nodes: NodeView | null, summary: Summary | null, shardRates: number[]) => void;
}

export const createMetricsSlice: StateCreator<AppState, [], [], MetricsSlice> = (set) => ({
  nodes: null,
  summary: null,
  shardRates: [],
  recent: [],
  setMetrics: (nodes, summary, shardRates) => set({ nodes, summary, shardRates }),
});
