import './zodConfig.ts';
import { z } from 'zod';

/**
 * Redis memory, eviction tuning, expiry cadence and persistence (`cache.l2`), and what the app does while
 * Redis is down (`cache.redisDownPolicy`). Spread into the schemas in schema.ts; documented with the rest
 * in docs/scenario-format.md. Names follow redis.conf where there is one.
 */
export const persistenceModes = ['none', 'rdb', 'aof'] as const;
export const redisDownPolicies = ['fallback', 'fail'] as const;

export const l2RedisExtras = {
  /** maxmemory per shard in bytes; null: no limit (only `maxKeys` applies). */
  maxMemoryBytes: z.int().min(1).max(1_099_511_627_776).nullable().default(null),
  /** maxmemory-samples: keys sampled per eviction. */
  maxMemorySamples: z.int().min(1).max(64).default(5),
  /** lfu-log-factor: how many accesses it takes to raise a high LFU counter. */
  lfuLogFactor: z.int().min(0).max(1000).default(10),
  /** lfu-decay-time: minutes of idleness per point lost (0: no decay). */
  lfuDecayTimeMin: z.int().min(0).max(10_000).default(1),
  /** hz: active expiry cycles per second per shard (0: lazy expiry only). */
  hz: z.int().min(0).max(500).default(10),
  /** What a restarted shard gets back. */
  persistence: z.enum(persistenceModes).default('none'),
  /** RDB snapshot interval. */
  rdbIntervalMs: z.number().finite().min(100).max(86_400_000).default(60_000),
};

export const redisDownPolicySchema = z.enum(redisDownPolicies).default('fallback');

export type PersistenceMode = (typeof persistenceModes)[number];
export type RedisDownPolicy = (typeof redisDownPolicies)[number];
