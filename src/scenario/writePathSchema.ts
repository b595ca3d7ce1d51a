import './zodConfig.ts';
import { z } from 'zod';

/**
 * Scenario fields of the asynchronous write paths: `write-behind` and `cdc`. Kept apart from
 * `schema.ts` so that file stays a readable overview; `cacheSchema` mounts both objects, and every
 * field has a default that leaves the other strategies untouched.
 */

export const writeBehindQueues = ['app', 'redis'] as const;
export const cdcLagDistributions = ['constant', 'exponential'] as const;

export const writeBehindSchema = z.strictObject({
  /** A flusher sends a batch as soon as this many writes are queued (the article's worker uses 50). */
  batchSize: z.int().min(1).max(10_000).default(50),
  /** ...or when this much time has passed since its last flush, whatever is queued (the article: 1 s). */
  flushIntervalMs: z.number().finite().min(1).max(3_600_000).default(1000),
  /** Each row after the first costs this fraction of `database.writeMs` in a batch's service time. */
  rowCost: z.number().finite().min(0).max(1).default(0.1),
  /** Where the queue lives: in the app instance (lost when it crashes) or in Redis (lost on a Redis restart). */
  queueIn: z.enum(writeBehindQueues).default('app'),
  /** One batch in flight per flusher and a versioned upsert; false: parallel batches, blind overwrites. */
  ordered: z.boolean().default(true),
});

export const cdcSchema = z.strictObject({
  /** Mean delay from a commit to the consumer seeing its change event (binlog, connector, broker). */
  lagMs: z.number().finite().min(0).max(3_600_000).default(200),
  lagDistribution: z.enum(cdcLagDistributions).default('constant'),
  /** Time the consumer spends on one event; it bounds how fast a backlog drains after an outage. */
  consumerMs: z.number().finite().min(0).max(10_000).default(0.5),
});

export type WriteBehindQueue = (typeof writeBehindQueues)[number];
