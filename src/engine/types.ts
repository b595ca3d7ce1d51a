/**
 * The engine's public types: what the app, the CLI and the tests may rely on. A run's `Summary` is the
 * flow's figures and each registered mechanism's part.
 */
import type { CoreSummary, SimulationOf } from './flow/types.ts';
import type { MechanismSummaries } from './registry.ts';

export * from './flow/types.ts';
export type { AlertSummary } from './mechanisms/alerts/index.ts';
export type { CdcSummary } from './mechanisms/cdc/index.ts';
export type { FamilySummary } from './mechanisms/families/index.ts';
export type { MitigationSummary } from './mechanisms/stampede/index.ts';
export type { WriteBehindSummary } from './mechanisms/writeBehind/index.ts';

export type Summary = CoreSummary & MechanismSummaries;
export type Simulation = SimulationOf<Summary>;
