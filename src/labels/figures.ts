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

  // Run figures: the Charts tab's lists and the CLI's sections (report/figures.ts).
  clientTimeouts: 'client timeouts / retries sent',
  acquireTimeouts: 'DB acquire timeouts / refused (queue full)',
  redisQueueRejections: 'Redis commands refused (queue full)',
  errorsSeen: 'errors seen by clients',
  shardOutages: 'shard outages',
  instanceRestarts: 'instance restarts',
  redisErrors: 'Redis errors',
  redisFallbacks: 'reads sent to the database',
  keysLostOnRestart: 'keys lost on restart',
  evictions: 'keys evicted',
  rejectedWrites: 'SETs refused (memory full)',
  writesAcknowledged: 'writes acknowledged',
  writesFlushed: 'writes flushed',
  writesLost: 'writes lost',
  batches: 'batches / pending at end',
  maxQueueDepth: 'max queue depth',
  dbLag: 'database lag max / mean',
  dbRegressions: 'rows gone back in time',
  cdcEvents: 'events published / processed',
  cdcBacklog: 'broker backlog max / at end',
  cdcLag: 'consumer lag mean / max',
  cdnHits: 'CDN hits / misses',
  cdnStaleHits: 'stale edge hits / purges',
  crossUserLeaks: "another user's data served",
  queryCacheHitRatio: 'query cache hit ratio',
  queryCacheHits: 'query cache hits / misses',
  queryCacheFlushes: 'table flushes / entries dropped',
  locksTaken: 'locks taken',
  lockWaits: 'lock waits',
  lockFallThroughs: 'lock fall-throughs',
  recomputesPerCycle: 'XFetch recomputes per cycle',
  refreshReads: 'refresh reads',
  warmingReads: 'warming reads',
  leasesGranted: 'leases granted',
  leaseRefusedFills: 'fills refused as stale',
  leaseWaits: 'lease waits',
  leaseFills: 'fills stored with a lease',
  leaseVoided: 'lease tokens voided',
  absentLookups: 'reads of absent keys',
  absentDbReads: 'absent keys read from the database',
  bloomRejects: 'reads ruled out by the Bloom filter',
  bloomFpRate: 'Bloom false positives, measured / expected',
  trackingPerInstance: 'invalidations per instance per second',
  trackingSent: 'invalidation messages sent',
  trackingTable: 'tracking table peak keys / cap',
  trackingCap: 'invalidations caused by the table cap',
  trackingExpiry: 'invalidations for expired or evicted keys',
  trackingDropped: 'L1 copies dropped',
  trackingRaces: 'tracking races',
  familyRow: 'per-family hit ratios',
  oversold: 'items oversold',
  wrongPrices: 'wrong prices charged',
  revokedAllowed: 'revoked users allowed',
  wrongBalances: 'wrong balances shown',
  alerts: 'Alerts',

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
