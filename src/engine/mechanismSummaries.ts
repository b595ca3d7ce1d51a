import type { SimMs } from './types.ts';

/** The Summary's figures of the mechanisms that may be on: mitigations, write-behind and CDC. */

/** Figures of the stampede and hot-key mitigations. */
export interface MitigationSummary {
  /** `lock`: locks taken, backoff sleeps of requests that lost, losers that gave up and read the database. */
  lockAcquisitions: number;
  lockWaits: number;
  lockFallThroughs: number;
  /** `xfetch`: early recomputations, refresh cycles they fell in, and their ratio (about e^(1/β)). */
  xfetchRecomputes: number;
  xfetchCycles: number;
  recomputesPerCycle: number;
  /** `background-refresh`: database reads the refresher made (part of `db.reads`). */
  refreshReads: number;
  /** Cache warming: keys read for a warm-up (not part of `db.reads`). */
  warmingReads: number;
  /** Cache writes (SET/DEL) the app meant, Redis commands they took, and commands per database write. */
  cacheWrites: number;
  redisWriteCommands: number;
  writeAmplification: number;
}

export interface WriteBehindSummary {
  /** Writes acknowledged to clients before reaching the database. */
  acknowledged: number;
  /** Writes the flushers committed to the database, and the batches they used. */
  flushedRows: number;
  batches: number;
  /** Acknowledged writes neither committed nor lost when the run ended (queued or in flight). */
  pendingAtEnd: number;
  /** Acknowledged writes dropped with their queue (instance crash, or Redis restart with the queue there). */
  lostWrites: number;
  /** Most acknowledged writes waiting for the database at once. */
  maxQueueDepth: number;
  /** Age of the oldest write the database did not have yet: its maximum, and the mean per flushed write. */
  maxDbLagMs: SimMs;
  meanDbLagMs: SimMs;
  /** Rows overwritten by an older version (unordered flushes only). */
  dbRegressions: number;
  /** Reads the database answered with an older version than one it had already applied. */
  regressionStaleReads: number;
  series: { tMs: SimMs; queueDepth: number; dbLagMs: SimMs }[];
}

export interface CdcSummary {
  /** Change events the database emitted, and the ones the consumer turned into a DEL. */
  published: number;
  processed: number;
  /** Events still in the broker at the end, and the most there at once. */
  backlogAtEnd: number;
  maxBacklog: number;
  /** Time from a commit to the consumer taking its event. */
  meanConsumerLagMs: SimMs;
  maxConsumerLagMs: SimMs;
  series: { tMs: SimMs; backlog: number; consumerLagMs: SimMs }[];
}
