/**
 * The engine's public types: what the app, the CLI and the tests may rely on. A run's `Summary` is the
 * flow's figures and each registered mechanism's part.
 */
import type { CoreSummary, SimMs, SimulationOf } from './flow/types.ts';
import type { MechanismSummaries } from './registry.ts';
import type { SeriesPoint } from '../series/fields.ts';

export * from './flow/types.ts';
export type { AlertSummary } from './mechanisms/alerts/index.ts';
export type { CdcSummary } from './mechanisms/cdc/index.ts';
export type { FamilySummary } from './mechanisms/families/index.ts';
export type { MitigationSummary } from './mechanisms/stampede/index.ts';
export type { WriteBehindSummary } from './mechanisms/writeBehind/index.ts';

/** One row of the time series: the flow's fields and each mechanism's (src/series/fields.ts). */
export type { SeriesPoint };

export type Summary = Omit<CoreSummary, 'series'> & {
  series: { intervalMs: SimMs; points: SeriesPoint[] };
} & MechanismSummaries;
export type Simulation = SimulationOf<Summary>;
