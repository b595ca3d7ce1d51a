import { overloadLabels } from '../engine/mechanisms/overload/labels.ts';
import { failuresLabels } from '../engine/mechanisms/failures/labels.ts';
import { redisOpsLabels } from '../engine/mechanisms/redisOps/labels.ts';
import { writeBehindLabels } from '../engine/mechanisms/writeBehind/labels.ts';
import { cdcLabels } from '../engine/mechanisms/cdc/labels.ts';
import { cdnLabels } from '../engine/mechanisms/cdn/labels.ts';
import { replayLabels } from '../engine/mechanisms/replay/labels.ts';
import { queryCacheLabels } from '../engine/mechanisms/queryCache/labels.ts';
import { stampedeLabels } from '../engine/mechanisms/stampede/labels.ts';
import { leasesLabels } from '../engine/mechanisms/leases/labels.ts';
import { negativeCacheLabels } from '../engine/mechanisms/negativeCache/labels.ts';
import { trackingLabels } from '../engine/mechanisms/tracking/labels.ts';
import { staleWindowsLabels } from '../engine/mechanisms/staleWindows/labels.ts';
import { familiesLabels } from '../engine/mechanisms/families/labels.ts';
import { alertsLabels } from '../engine/mechanisms/alerts/labels.ts';

/**
 * The name of every figure the app and the CLI show, by id. Components, the CLI table and the
 * report rows take their labels from here, and preset texts name the figures they tell people to
 * watch by these ids, so a text cannot point at a figure under a name the screen does not use.
 */
export const FIGURES = {
  // The metrics strip under the stage.
  requests: 'Requests',
  l1HitRatio: 'L1 hit ratio',
  l2HitRatio: 'L2 hit ratio',
  cdnHitRatio: 'CDN hit ratio',
  dbQueriesPerSecond: 'DB queries/s',
  p99Latency: 'p99 latency',
  staleReads: 'Stale reads',
  errors: 'Errors',
  lostWrites: 'Lost writes',
  dataLeaked: 'Data leaked',

  // Charts (titles, then the series they draw).
  hitRatioChart: 'Hit ratio per layer',
  dbQpsChart: 'Database queries per second',
  dbPoolChart: 'Database connections in use',
  queriesWaiting: 'Queries waiting',
  latencyChart: 'Latency p50 / p99',
  redisP99: 'Redis p99',
  staleRateChart: 'Stale reads per second',
  errorRateChart: 'Errors, timeouts and retries per second',
  timeoutsSeries: 'Timeouts',
  retriesSeries: 'Retries',
  shardOpsChart: 'Operations per shard',
  shardKeysChart: 'Keys per shard',
  staleAgeChart: 'Staleness age',
  ttlChart: 'TTL distribution',
  memoryChart: 'Memory per shard',

  // On the stage's cards.
  writesQueued: 'writes queued',
  eventsWaiting: 'events waiting',
  poolBusy: 'busy',
  locksHeld: 'lock held',
  hotKeyTtl: 'hot key',

  // Run figures: the Charts tab's lists and the CLI's sections, each mechanism's from its folder
  // (src/engine/mechanisms/<name>/labels.ts, shown by its figures.ts).
  ...overloadLabels,
  ...failuresLabels,
  ...redisOpsLabels,
  ...writeBehindLabels,
  ...cdcLabels,
  ...cdnLabels,
  ...queryCacheLabels,
  ...stampedeLabels,
  ...leasesLabels,
  ...negativeCacheLabels,
  ...trackingLabels,
  ...staleWindowsLabels,
  ...familiesLabels,
  ...replayLabels,
  ...alertsLabels,

  // The headline figures of A/B compare and sweeps (report/headline.ts), besides those above.
  dbReadsPerSecond: 'DB reads/s',
  dbPeak: 'DB peak concurrency',
  p50Latency: 'p50 latency',

  // Only in the CLI table.
  dbPeakConcurrency: 'peak concurrency',
  dbMeanLatency: 'mean latency',
  dbUtilisation: 'utilisation',
  hotShardFactor: 'hot-shard factor',
} as const;

export type FigureId = keyof typeof FIGURES;

/** The label of a figure: `figure('lostWrites')` is "Lost writes". */
export const figure = (id: FigureId): string => FIGURES[id];
