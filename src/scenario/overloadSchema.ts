import './zodConfig.ts';
import { z } from 'zod';

/**
 * How the system gives up under overload: the client's timeout and retries (`workload.client`), the
 * connection pool's acquire timeout and an optional bound on each queue. Defaults follow common
 * practice: HikariCP's `connectionTimeout` of 30 s, no client timeout (fetch and most HTTP clients have
 * none unless told) and no retries, no bound on the pool's queue but its timeout, 100 000 commands per
 * Redis shard. Neither the acquire timeout nor the shard bound can be switched off: they are what keep a
 * saturated database or shard from queueing without end.
 */

export const clientSchema = z.strictObject({
  /** The client gives up on a request after this long (from sending it); null: it waits forever. */
  timeoutMs: z.number().finite().min(1).max(600_000).nullable().default(null),
  /** Times the client sends a request again after a timeout or an error (each a new request). */
  retries: z.int().min(0).max(10).default(0),
  /** Base of the exponential backoff: retry k waits a uniform draw in [0, backoffMs * 2^(k-1)]. */
  backoffMs: z.number().finite().min(0).max(60_000).default(100),
});

/** Fields added to `database`. */
export const databaseOverloadExtras = {
  /** HikariCP's `connectionTimeout`: a query that waits this long for a connection fails. */
  acquireTimeoutMs: z.number().finite().min(1).max(600_000).default(30_000),
  /** Queries that may wait for a connection; one more fails at once. null: no bound. */
  maxQueue: z.int().min(0).max(10_000_000).nullable().default(null),
};

/** Fields added to `cache.l2`. */
export const l2OverloadExtras = {
  /**
   * Commands that may wait for a shard's thread; one more is refused as a down shard's would be. The
   * default, 2 s of work at the default service time, stands in for a Redis client's command timeout
   * (Jedis gives up after 2 s) and keeps a saturated shard's backlog bounded.
   */
  maxQueue: z.int().min(0).max(10_000_000).default(100_000),
};
