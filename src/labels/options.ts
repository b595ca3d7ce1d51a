import type { AlertRule } from '../engine/mechanisms/alerts/rules.ts';
import type { Outcome } from '../engine/types.ts';
import type { EvictionPolicy, FailureKind, StampedeMode, Strategy } from '../scenario/schema.ts';
import type { consequences } from '../scenario/schemaExtras.ts';
import type { PersistenceMode, RedisDownPolicy } from '../scenario/redisSchema.ts';
import type { cdcLagDistributions, WriteBehindQueue } from '../scenario/writePathSchema.ts';
import { appName, shardName } from './names.ts';

/**
 * Plain words for every enum value that can reach the screen: scenario options (by field path, since
 * the same value means different things in different fields: `none`, `constant`), request outcomes,
 * monitoring rules and the operations a traced hop carries. Raw ids never reach a person; a test walks
 * the schema and the engine's lists so a new value cannot slip through without a label.
 */

const STRATEGY: Record<Strategy, string> = {
  none: 'No cache (every read goes to the database)',
  'cache-aside': 'Cache-aside (delete on write)',
  'cache-aside-update': 'Cache-aside (update on write)',
  'write-through': 'Write-through',
  'ttl-only': 'TTL only (nothing invalidated on write)',
  'write-behind': 'Write-behind (async batched flush)',
  cdc: 'CDC invalidation (binlog consumer)',
};

// Redis's own policy names stay in brackets: they are what people type into redis.conf.
const EVICTION: Record<EvictionPolicy, string> = {
  'allkeys-lru': 'Least recently used, any key (allkeys-lru)',
  'allkeys-lfu': 'Least frequently used, any key (allkeys-lfu)',
  'allkeys-random': 'Random, any key (allkeys-random)',
  'volatile-lru': 'Least recently used, keys with a TTL (volatile-lru)',
  'volatile-ttl': 'Shortest TTL left first (volatile-ttl)',
  noeviction: 'Never evict: refuse writes when full (noeviction)',
};

const STAMPEDE: Record<StampedeMode, string> = {
  none: 'None',
  'single-flight': 'Request coalescing (single-flight)',
  lock: 'Distributed lock (SET NX EX)',
  xfetch: 'Probabilistic early expiration (XFetch)',
  'background-refresh': 'Background refresh',
};

export const FAILURE_LABELS: Record<FailureKind, string> = {
  'redis-restart': 'Redis restart (every shard)',
  'redis-shard-crash': 'Redis shard crash',
  deploy: 'Rolling deploy',
  'instance-crash': 'App instance crash',
  'cdc-outage': 'CDC consumer outage',
  'db-latency-spike': 'Database latency spike',
};

/**
 * A scheduled failure as people read it, naming the node a targeted one hits.
 *
 * @example failureLabel('redis-shard-crash', 1) // 'Redis shard crash (Redis shard 2)'
 */
export function failureLabel(kind: FailureKind, target: number): string {
  if (kind === 'redis-shard-crash') return `${FAILURE_LABELS[kind]} (${shardName(target)})`;
  if (kind === 'instance-crash') return `${FAILURE_LABELS[kind]} (${appName(target)})`;
  return FAILURE_LABELS[kind];
}

const PERSISTENCE: Record<PersistenceMode, string> = {
  none: 'None: a restart comes back empty',
  rdb: 'RDB snapshots',
  aof: 'AOF (append-only file)',
};

const DOWN_POLICY: Record<RedisDownPolicy, string> = {
  fallback: 'Fall back to the database',
  fail: 'Fail the request',
};

const QUEUE_IN: Record<WriteBehindQueue, string> = {
  app: 'In the app instance',
  redis: 'In Redis',
};

const LAG: Record<(typeof cdcLagDistributions)[number], string> = {
  constant: 'Constant',
  exponential: 'Exponential (random, same mean)',
};

const CONSEQUENCE: Record<(typeof consequences)[number], string> = {
  none: 'None',
  oversell: 'Items oversold',
  'wrong-price': 'Wrong prices charged',
  'revoked-access': 'Revoked users allowed',
  'wrong-balance': 'Wrong balances shown',
};

/** Scenario option labels by field path (`*` for a list index, as in the config panel's table). */
export const OPTION_LABELS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'topology.loadBalancer': { 'round-robin': 'Round robin', random: 'Random' },
  'cache.strategy': STRATEGY,
  'cache.l2.eviction': EVICTION,
  'cache.l2.persistence': PERSISTENCE,
  'cache.stampede.mode': STAMPEDE,
  'cache.tracking.mode': {
    default: 'Default: Redis remembers what each instance read',
    bcast: 'BCAST: every change under the prefixes, to every instance',
    optin: 'OPTIN: only reads after CLIENT CACHING yes',
    optout: 'OPTOUT: every read but those after CLIENT CACHING no',
  },
  'cache.tracking.connection': {
    resp3: "The replies' connection (RESP3 push)",
    redirect: 'A connection of their own (REDIRECT)',
  },
  'cache.negative.mode': {
    none: 'None: absent keys read the database every time',
    ttl: 'Cache the absence (own TTL)',
    bloom: 'Bloom filter of existing keys',
  },
  'cache.writeBehind.queueIn': QUEUE_IN,
  'cache.cdc.lagDistribution': LAG,
  'cache.redisDownPolicy': DOWN_POLICY,
  'database.serviceTime': {
    exponential: 'Exponential (each query varies)',
    constant: 'Constant (every query the same)',
  },
  'failures.*.kind': FAILURE_LABELS,
  'workload.families.*.consequence': CONSEQUENCE,
  'workload.trace.format': {
    twitter: "Twitter's cache-trace CSV",
    oracle: 'Oracle general binary (24-byte records)',
    csv: 'Plain CSV (time, key, size, operation, TTL)',
  },
};

/**
 * The label of `value` in the field at `path` ("failures.2.kind" finds "failures.*.kind"). A value
 * without a label (a bug the labels test catches) is shown as "Unknown option" rather than raw.
 *
 * @example
 * optionLabel('cache.stampede.mode', 'xfetch'); // "Probabilistic early expiration (XFetch)"
 */
export function optionLabel(path: string, value: string): string {
  const generic = path.replace(/\.\d+(?=\.|$)/g, '.*');
  return OPTION_LABELS[generic]?.[value] ?? 'Unknown option';
}

/** Legend text for each request outcome, in plain words. */
export const OUTCOME_LABELS: Record<Outcome, string> = {
  'l1-hit': 'L1 hit',
  'l2-hit': 'L2 hit',
  'cdn-hit': 'CDN hit',
  db: 'Miss to database',
  stale: 'Stale value served',
  write: 'Write',
  error: 'Error or lost',
};

/** The monitoring rules (the article's table), as a dashboard would name them. */
export const ALERT_LABELS: Record<AlertRule, string> = {
  'hit-rate': 'Hit rate low',
  'miss-spike': 'Miss spike',
  evictions: 'Evictions',
  memory: 'Memory high',
  p99: 'Redis p99 latency high',
  'key-growth': 'Key count growing',
  'expiring-at-once': 'Keys expiring together',
};

/** What a traced hop carries, for the request waterfall (Redis commands keep their names). */
export const HOP_LABELS: Readonly<Record<string, string>> = {
  get: 'GET',
  set: 'SET',
  del: 'DEL',
  lock: 'lock (SET NX EX)',
  unlock: 'unlock',
  read: 'read',
  write: 'write',
  reply: 'reply',
  request: 'request',
  response: 'response',
  flush: 'batch flush',
  invalidate: 'invalidation',
  lost: 'write lost',
  leak: "another user's data",
};

export const hopLabel = (op: string): string => HOP_LABELS[op] ?? 'other';
