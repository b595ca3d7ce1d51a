import type { StateCreator } from 'zustand';
import type { AppState, MetricsSlice } from './types.ts';

export type { MetricsSlice } from './types.ts';

export const createMetricsSlice: StateCreator<AppState, [], [], MetricsSlice> = (set) => ({
  nodes: null,
  summary: null,
  shardRates: [],
  recent: [],
  setMetrics: (nodes, summary, shardRates) => set({ nodes, summary, shardRates }),
});
