import {
  evictionPolicies,
  failureKinds,
  loadBalancers,
  serviceTimes,
  stampedeModes,
  strategies,
} from '../../scenario/schema.ts';
import { cdcLagDistributions, writeBehindQueues } from '../../scenario/writePathSchema.ts';
import type { Unit } from '../format.ts';
import { persistenceModes, redisDownPolicies } from '../../scenario/redisSchema.ts';
import { consequences } from '../../scenario/schemaExtras.ts';
import { isLivePath } from '../../scenario/changes.ts';
import { negativeModes } from '../../scenario/lookupSchema.ts';
import { trackingConnections, trackingModes } from '../../scenario/trackingSchema.ts';

/**
 * The config panel is generated from this table: one line per scenario field. Ranges mirror
 * `scenario/schema.ts` (the schema stays the authority: values are validated against it). `log` gives a
 * logarithmic slider for ranges spanning decades; `sliderMin` is its lower end when the field allows 0.
 * List item fields use `*` for the index and a short label that the list prefixes ("Phase 2 start").
 */

export type SectionId =
  | 'scenario'
  | 'workload'
  | 'topology'
  | 'strategy'
  | 'l1'
  | 'l2'
  | 'stampede'
  | 'database'
  | 'overload'
  | 'network'
  | 'cdn'
  | 'monitoring'
  | 'failures';

export const SECTIONS: readonly { id: SectionId; title: string }[] = [
  { id: 'scenario', title: 'Scenario' },
  { id: 'workload', title: 'Workload' },
  { id: 'topology', title: 'Topology' },
  { id: 'strategy', title: 'Strategy' },
  { id: 'l1', title: 'L1 (in-process cache)' },
  { id: 'l2', title: 'L2 (Redis)' },
  { id: 'stampede', title: 'Stampede' },
  { id: 'database', title: 'Database' },
  { id: 'overload', title: 'Overload (timeouts, retries, queue bounds)' },
  { id: 'network', title: 'Network' },
  { id: 'cdn', title: 'CDN / edge' },
  { id: 'monitoring', title: 'Monitoring (alert thresholds)' },
  { id: 'failures', title: 'Failures' },
];

/**
 * `target`: the instance or shard a failure hits, picked by name ("App 2"), stored as its index; `lines`:
 * a list of strings, typed one a line.
 */
export type FieldKind = 'number' | 'select' | 'boolean' | 'text' | 'target' | 'lines';

export interface FieldDef {
  path: string;
  label: string;
  section: SectionId;
  kind: FieldKind;
  unit?: Unit;
  min?: number;
  max?: number;
  integer?: boolean;
  log?: boolean;
  sliderMin?: number;
  /** No slider: free numbers such as a seed or a start time. */
  noSlider?: boolean;
  options?: readonly string[];
  /** Null means "off" ("No expiry", "Unbounded"); `parentPath` when the whole parent object is nulled. */
  nullable?: { label: string; parentPath?: string };
  multiline?: boolean;
  /**
   * The field may change while a run plays (a live change at the current time, see LIVE_PATHS); false:
   * changing it means "Apply & restart". Set from LIVE_PATHS by `withLive`, never by hand.
   */
  live: boolean;
}

const DAY = 86_400_000;

/** Marks each field live or restart-only from the one list the engine also uses. */
const withLive = (defs: readonly Omit<FieldDef, 'live'>[]): readonly FieldDef[] =>
  defs.map((def) => ({ ...def, live: isLivePath(def.path) }));

// One line per field, so adding a field is one line: keep prettier from spreading them out.
// prettier-ignore
export const FIELDS: readonly FieldDef[] = withLive([
  { path: 'title', label: 'Title', section: 'scenario', kind: 'text' },
  { path: 'description', label: 'Description', section: 'scenario', kind: 'text', multiline: true },
  { path: 'seed', label: 'Seed', section: 'scenario', kind: 'number', unit: 'none', min: 0, max: 2 ** 32 - 1, integer: true, noSlider: true },
  { path: 'durationMs', label: 'Duration', section: 'scenario', kind: 'number', unit: 'ms', min: 1, max: DAY, log: true },
  { path: 'workload.rps', label: 'Requests per second', section: 'workload', kind: 'number', unit: 'per-s', min: 0, max: 10_000_000, log: true, sliderMin: 1 },
  { path: 'workload.readRatio', label: 'Read ratio', section: 'workload', kind: 'number', unit: 'ratio', min: 0, max: 1 },
  { path: 'workload.keys', label: 'Keys', section: 'workload', kind: 'number', unit: 'keys', min: 1, max: 2_000_000, integer: true, log: true },
  { path: 'workload.zipf', label: 'Zipf exponent', section: 'workload', kind: 'number', unit: 'none', min: 0, max: 3 },
  { path: 'workload.hotKey.share', label: 'Hot key share', section: 'workload', kind: 'number', unit: 'ratio', min: 0, max: 1, nullable: { label: 'No hot key', parentPath: 'workload.hotKey' } },
  { path: 'workload.users', label: 'Users', section: 'workload', kind: 'number', unit: 'count', min: 1, max: 10_000_000, integer: true, log: true },
  { path: 'workload.valueBytes', label: 'Value size (bytes)', section: 'workload', kind: 'number', unit: 'count', min: 1, max: 536_870_912, integer: true, log: true },
  { path: 'workload.absent.share', label: 'Share of reads for absent keys', section: 'workload', kind: 'number', unit: 'ratio', min: 0, max: 1 },
  { path: 'workload.absent.keys', label: 'Absent keys', section: 'workload', kind: 'number', unit: 'keys', min: 1, max: 2_000_000, integer: true, log: true },
  { path: 'topology.instances', label: 'Instances', section: 'topology', kind: 'number', unit: 'count', min: 1, max: 32, integer: true },
  { path: 'topology.redisShards', label: 'Redis shards', section: 'topology', kind: 'number', unit: 'count', min: 1, max: 128, integer: true, log: true },
  { path: 'topology.cdn', label: 'CDN', section: 'topology', kind: 'boolean' },
  { path: 'topology.loadBalancer', label: 'Load balancer', section: 'topology', kind: 'select', options: loadBalancers },
  { path: 'cache.strategy', label: 'Strategy', section: 'strategy', kind: 'select', options: strategies },
  { path: 'cache.l1.enabled', label: 'L1 enabled', section: 'l1', kind: 'boolean' },
  { path: 'cache.l1.ttlMs', label: 'L1 TTL', section: 'l1', kind: 'number', unit: 'ms', min: 1, max: DAY, log: true, nullable: { label: 'No expiry' } },
  { path: 'cache.l1.maxKeys', label: 'L1 max keys', section: 'l1', kind: 'number', unit: 'keys', min: 1, max: 1_000_000, integer: true, log: true, nullable: { label: 'Unbounded' } },
  { path: 'cache.l1.coalesce', label: 'L1 coalesce', section: 'l1', kind: 'boolean' },
  { path: 'cache.tracking.enabled', label: 'Redis tracking (client-side caching)', section: 'l1', kind: 'boolean' },
  { path: 'cache.tracking.mode', label: 'Tracking mode', section: 'l1', kind: 'select', options: trackingModes },
  { path: 'cache.tracking.prefixes', label: 'BCAST prefixes (one a line)', section: 'l1', kind: 'lines' },
  { path: 'cache.tracking.optKeys', label: 'Tracking: keys opted in or out', section: 'l1', kind: 'number', unit: 'keys', min: 0, max: 2_000_000, integer: true },
  { path: 'cache.tracking.noloop', label: 'Tracking NOLOOP', section: 'l1', kind: 'boolean' },
  { path: 'cache.tracking.tableMaxKeys', label: 'Tracking table max keys (per shard)', section: 'l1', kind: 'number', unit: 'keys', min: 0, max: 100_000_000, integer: true },
  { path: 'cache.tracking.connection', label: 'Invalidations arrive on', section: 'l1', kind: 'select', options: trackingConnections },
  { path: 'cache.tracking.raceFix', label: 'Tracking race fix (mark keys being fetched)', section: 'l1', kind: 'boolean' },
  { path: 'cache.staleWindows.l1.whileRevalidateMs', label: 'L1 stale-while-revalidate', section: 'l1', kind: 'number', unit: 'ms', min: 0, max: 3_600_000, log: true, sliderMin: 10 },
  { path: 'cache.staleWindows.l1.ifErrorMs', label: 'L1 stale-if-error', section: 'l1', kind: 'number', unit: 'ms', min: 0, max: 3_600_000, log: true, sliderMin: 10 },
  { path: 'cache.l2.ttlMs', label: 'L2 TTL', section: 'l2', kind: 'number', unit: 'ms', min: 1, max: DAY, log: true, nullable: { label: 'No expiry' } },
  { path: 'cache.l2.ttlReset', label: 'L2 sliding TTL (reset on read)', section: 'l2', kind: 'boolean' },
  { path: 'cache.l2.maxKeys', label: 'L2 max keys', section: 'l2', kind: 'number', unit: 'keys', min: 1, max: 10_000_000, integer: true, log: true, nullable: { label: 'Unbounded' } },
  { path: 'cache.l2.eviction', label: 'L2 eviction policy', section: 'l2', kind: 'select', options: evictionPolicies },
  { path: 'cache.l2.serviceMs', label: 'Redis service time', section: 'l2', kind: 'number', unit: 'ms', min: 0, max: 1000, log: true, sliderMin: 0.001 },
  { path: 'cache.l2.ttlJitter', label: 'L2 TTL jitter (±)', section: 'l2', kind: 'number', unit: 'ratio', min: 0, max: 0.9 },
  { path: 'cache.staleWindows.l2.whileRevalidateMs', label: 'L2 stale-while-revalidate', section: 'l2', kind: 'number', unit: 'ms', min: 0, max: 3_600_000, log: true, sliderMin: 10 },
  { path: 'cache.staleWindows.l2.ifErrorMs', label: 'L2 stale-if-error', section: 'l2', kind: 'number', unit: 'ms', min: 0, max: 3_600_000, log: true, sliderMin: 10 },
  { path: 'cache.l2.maxMemoryBytes', label: 'Redis maxmemory per shard (bytes)', section: 'l2', kind: 'number', unit: 'count', min: 1, max: 1_099_511_627_776, integer: true, log: true, sliderMin: 1024, nullable: { label: 'Unbounded' } },
  { path: 'cache.l2.maxMemorySamples', label: 'Eviction samples (maxmemory-samples)', section: 'l2', kind: 'number', unit: 'count', min: 1, max: 64, integer: true },
  { path: 'cache.l2.lfuLogFactor', label: 'LFU log factor', section: 'l2', kind: 'number', unit: 'none', min: 0, max: 1000, integer: true, log: true, sliderMin: 1 },
  { path: 'cache.l2.lfuDecayTimeMin', label: 'LFU decay time (minutes)', section: 'l2', kind: 'number', unit: 'none', min: 0, max: 10_000, integer: true, log: true, sliderMin: 1 },
  { path: 'cache.l2.hz', label: 'Active expiry cycles per second (hz)', section: 'l2', kind: 'number', unit: 'per-s', min: 0, max: 500, integer: true },
  { path: 'cache.l2.persistence', label: 'Redis persistence', section: 'l2', kind: 'select', options: persistenceModes },
  { path: 'cache.l2.rdbIntervalMs', label: 'RDB snapshot interval', section: 'l2', kind: 'number', unit: 'ms', min: 100, max: DAY, log: true },
  { path: 'cache.negative.mode', label: 'Negative caching', section: 'l2', kind: 'select', options: negativeModes },
  { path: 'cache.negative.ttlMs', label: 'Negative cache TTL', section: 'l2', kind: 'number', unit: 'ms', min: 1, max: DAY, log: true },
  { path: 'cache.negative.bloomBits', label: 'Bloom filter bits (m)', section: 'l2', kind: 'number', unit: 'count', min: 64, max: 268_435_456, integer: true, log: true },
  { path: 'cache.negative.bloomHashes', label: 'Bloom filter hashes (k)', section: 'l2', kind: 'number', unit: 'count', min: 1, max: 32, integer: true },
  { path: 'cache.redisDownPolicy', label: 'While Redis is down', section: 'l2', kind: 'select', options: redisDownPolicies },
  { path: 'cache.stampede.mode', label: 'Stampede protection', section: 'stampede', kind: 'select', options: stampedeModes },
  { path: 'cache.stampede.beta', label: 'XFetch beta', section: 'stampede', kind: 'number', unit: 'none', min: 0.01, max: 100, log: true },
  { path: 'cache.stampede.lockTtlMs', label: 'Lock TTL', section: 'stampede', kind: 'number', unit: 'ms', min: 1, max: 600_000, log: true },
  { path: 'cache.stampede.backoffMs', label: 'Lock backoff', section: 'stampede', kind: 'number', unit: 'ms', min: 0, max: 60_000, log: true, sliderMin: 1 },
  { path: 'cache.stampede.maxRetries', label: 'Lock retries before falling through', section: 'stampede', kind: 'number', unit: 'count', min: 0, max: 50, integer: true },
  { path: 'cache.stampede.refreshTopKeys', label: 'Background refresh: keys watched', section: 'stampede', kind: 'number', unit: 'keys', min: 1, max: 10_000, integer: true, log: true },
  { path: 'cache.stampede.refreshAt', label: 'Background refresh at fraction of TTL', section: 'stampede', kind: 'number', unit: 'ratio', min: 0.01, max: 0.99 },
  { path: 'cache.leases.enabled', label: 'Leases (memcache)', section: 'stampede', kind: 'boolean' },
  { path: 'cache.leases.waitMs', label: 'Lease wait before reading again', section: 'stampede', kind: 'number', unit: 'ms', min: 0.1, max: 10_000, log: true },
  { path: 'cache.leases.leaseTtlMs', label: 'Lease lifetime', section: 'stampede', kind: 'number', unit: 'ms', min: 1, max: 600_000, log: true },
  { path: 'cache.warming.enabled', label: 'Cache warming', section: 'stampede', kind: 'boolean' },
  { path: 'cache.warming.topKeys', label: 'Warming: keys loaded', section: 'stampede', kind: 'number', unit: 'keys', min: 1, max: 2_000_000, integer: true, log: true },
  { path: 'cache.warming.onStart', label: 'Warm before traffic starts', section: 'stampede', kind: 'boolean' },
  { path: 'cache.warming.afterRestart', label: 'Warm after a Redis restart', section: 'stampede', kind: 'boolean' },
  { path: 'cache.hotKeys.replicas', label: 'Hot key replicas', section: 'l2', kind: 'number', unit: 'count', min: 1, max: 64, integer: true },
  { path: 'cache.hotKeys.topKeys', label: 'Hot keys replicated', section: 'l2', kind: 'number', unit: 'keys', min: 1, max: 10_000, integer: true, log: true },
  { path: 'cache.writeBehind.batchSize', label: 'Write-behind batch size', section: 'strategy', kind: 'number', unit: 'count', min: 1, max: 10_000, integer: true, log: true },
  { path: 'cache.writeBehind.flushIntervalMs', label: 'Write-behind flush interval', section: 'strategy', kind: 'number', unit: 'ms', min: 1, max: 3_600_000, log: true },
  { path: 'cache.writeBehind.rowCost', label: 'Write-behind cost per extra row', section: 'strategy', kind: 'number', unit: 'ratio', min: 0, max: 1 },
  { path: 'cache.writeBehind.queueIn', label: 'Write-behind queue lives in', section: 'strategy', kind: 'select', options: writeBehindQueues },
  { path: 'cache.writeBehind.ordered', label: 'Write-behind keeps writes in order', section: 'strategy', kind: 'boolean' },
  { path: 'cache.cdc.lagMs', label: 'CDC lag', section: 'strategy', kind: 'number', unit: 'ms', min: 0, max: 3_600_000, log: true, sliderMin: 1 },
  { path: 'cache.cdc.lagDistribution', label: 'CDC lag distribution', section: 'strategy', kind: 'select', options: cdcLagDistributions },
  { path: 'cache.cdc.consumerMs', label: 'CDC consumer time per event', section: 'strategy', kind: 'number', unit: 'ms', min: 0, max: 10_000, log: true, sliderMin: 0.01 },
  { path: 'database.connections', label: 'DB connections', section: 'database', kind: 'number', unit: 'count', min: 1, max: 1000, integer: true, log: true },
  { path: 'database.readMs', label: 'DB read time', section: 'database', kind: 'number', unit: 'ms', min: 0, max: 60_000, log: true, sliderMin: 0.01 },
  { path: 'database.writeMs', label: 'DB write time', section: 'database', kind: 'number', unit: 'ms', min: 0, max: 60_000, log: true, sliderMin: 0.01 },
  { path: 'database.serviceTime', label: 'DB service time distribution', section: 'database', kind: 'select', options: serviceTimes },
  { path: 'database.queryCache.enabled', label: 'DB query cache', section: 'database', kind: 'boolean' },
  { path: 'database.queryCache.maxEntries', label: 'DB query cache entries', section: 'database', kind: 'number', unit: 'count', min: 1, max: 10_000_000, integer: true, log: true },
  { path: 'workload.client.timeoutMs', label: 'Client timeout', section: 'overload', kind: 'number', unit: 'ms', min: 1, max: 600_000, log: true, nullable: { label: 'No timeout' } },
  { path: 'workload.client.retries', label: 'Client retries', section: 'overload', kind: 'number', unit: 'count', min: 0, max: 10, integer: true },
  { path: 'workload.client.backoffMs', label: 'Retry backoff base', section: 'overload', kind: 'number', unit: 'ms', min: 0, max: 60_000, log: true, sliderMin: 1 },
  { path: 'database.acquireTimeoutMs', label: 'DB pool acquire timeout', section: 'overload', kind: 'number', unit: 'ms', min: 1, max: 600_000, log: true },
  { path: 'database.maxQueue', label: 'DB pool queue bound', section: 'overload', kind: 'number', unit: 'count', min: 0, max: 10_000_000, integer: true, log: true, sliderMin: 1, nullable: { label: 'Unbounded' } },
  { path: 'cache.l2.maxQueue', label: 'Redis shard queue bound', section: 'overload', kind: 'number', unit: 'count', min: 0, max: 10_000_000, integer: true, log: true, sliderMin: 1 },
  { path: 'cdn.purgeDelayMs', label: 'CDN purge delay', section: 'cdn', kind: 'number', unit: 'ms', min: 0, max: 3_600_000, log: true, sliderMin: 1 },
  { path: 'cdn.hopMs', label: 'CDN latency', section: 'cdn', kind: 'number', unit: 'ms', min: 0, max: 10_000, log: true, sliderMin: 0.01 },
  { path: 'monitoring.enabled', label: 'Alerts enabled', section: 'monitoring', kind: 'boolean' },
  { path: 'monitoring.hitRateBelow', label: 'Alert: hit rate below', section: 'monitoring', kind: 'number', unit: 'ratio', min: 0, max: 1 },
  { path: 'monitoring.missSpikeFactor', label: 'Alert: miss spike factor', section: 'monitoring', kind: 'number', unit: 'none', min: 1, max: 1000, log: true },
  { path: 'monitoring.missSpikeMin', label: 'Alert: miss spike minimum', section: 'monitoring', kind: 'number', unit: 'count', min: 0, max: 10_000_000, integer: true, log: true, sliderMin: 1 },
  { path: 'monitoring.evictionsAbove', label: 'Alert: evictions above', section: 'monitoring', kind: 'number', unit: 'count', min: 0, max: 10_000_000, integer: true, log: true, sliderMin: 1 },
  { path: 'monitoring.memoryAbove', label: 'Alert: memory above', section: 'monitoring', kind: 'number', unit: 'ratio', min: 0, max: 1 },
  { path: 'monitoring.p99AboveMs', label: 'Alert: Redis p99 above', section: 'monitoring', kind: 'number', unit: 'ms', min: 0, max: 60_000, log: true, sliderMin: 0.01 },
  { path: 'monitoring.keyGrowthAbove', label: 'Alert: key growth above', section: 'monitoring', kind: 'number', unit: 'ratio', min: 0, max: 100, log: true, sliderMin: 0.01 },
  { path: 'monitoring.keyGrowthWarmupMs', label: 'Alert: key growth warm-up', section: 'monitoring', kind: 'number', unit: 'ms', min: 0, max: DAY, noSlider: true },
  { path: 'monitoring.expiringAtOnceAbove', label: 'Alert: keys expiring at once above', section: 'monitoring', kind: 'number', unit: 'ratio', min: 0, max: 1 },
  { path: 'network.clientMs', label: 'Client latency', section: 'network', kind: 'number', unit: 'ms', min: 0, max: 10_000, log: true, sliderMin: 0.01 },
  { path: 'network.redisMs', label: 'Redis latency', section: 'network', kind: 'number', unit: 'ms', min: 0, max: 10_000, log: true, sliderMin: 0.01 },
  { path: 'network.dbMs', label: 'Database latency', section: 'network', kind: 'number', unit: 'ms', min: 0, max: 10_000, log: true, sliderMin: 0.01 },
  { path: 'network.jitterMs', label: 'Network jitter', section: 'network', kind: 'number', unit: 'ms', min: 0, max: 10_000, log: true, sliderMin: 0.01 },
]);

export interface ListDef {
  path: string;
  section: SectionId;
  /** Singular noun used in row labels and buttons ("Phase 2 start", "Add phase"). */
  item: string;
  maxItems: number;
  fields: readonly FieldDef[];
  /** A sensible new row, placed after the last one. */
  newItem(existing: readonly unknown[]): Record<string, unknown>;
}

const lastAt = (rows: readonly unknown[]): number => {
  const last = rows[rows.length - 1] as { atMs?: unknown } | undefined;
  return typeof last?.atMs === 'number' ? last.atMs : 0;
};

// prettier-ignore
export const LISTS: readonly ListDef[] = [
  {
    path: 'workload.phases',
    section: 'workload',
    item: 'Phase',
    maxItems: 100,
    fields: withLive([
      { path: 'workload.phases.*.atMs', label: 'start', section: 'workload', kind: 'number', unit: 'ms', min: 0, noSlider: true },
      { path: 'workload.phases.*.rps', label: 'requests per second', section: 'workload', kind: 'number', unit: 'per-s', min: 0, max: 10_000_000, log: true, sliderMin: 1 },
    ]),
    newItem: (rows) => ({ atMs: lastAt(rows) + 10_000, rps: 1000 }),
  },
  {
    path: 'workload.families',
    section: 'workload',
    item: 'Family',
    maxItems: 16,
    fields: withLive([
      { path: 'workload.families.*.name', label: 'name', section: 'workload', kind: 'text' },
      { path: 'workload.families.*.share', label: 'share', section: 'workload', kind: 'number', unit: 'ratio', min: 0, max: 1 },
      { path: 'workload.families.*.keys', label: 'keys', section: 'workload', kind: 'number', unit: 'keys', min: 1, max: 2_000_000, integer: true, log: true },
      { path: 'workload.families.*.zipf', label: 'Zipf exponent', section: 'workload', kind: 'number', unit: 'none', min: 0, max: 3, nullable: { label: 'Workload Zipf' } },
      { path: 'workload.families.*.readRatio', label: 'read ratio', section: 'workload', kind: 'number', unit: 'ratio', min: 0, max: 1, nullable: { label: 'Workload read ratio' } },
      { path: 'workload.families.*.ttlMs', label: 'L2 TTL', section: 'workload', kind: 'number', unit: 'ms', min: 1, max: DAY, log: true, nullable: { label: 'No expiry' } },
      { path: 'workload.families.*.l1TtlMs', label: 'L1 TTL', section: 'workload', kind: 'number', unit: 'ms', min: 1, max: DAY, log: true, nullable: { label: 'Global L1 TTL' } },
      { path: 'workload.families.*.valueBytes', label: 'value size (bytes)', section: 'workload', kind: 'number', unit: 'count', min: 1, max: 536_870_912, integer: true, log: true },
      { path: 'workload.families.*.bypass', label: 'bypass the cache', section: 'workload', kind: 'boolean' },
      { path: 'workload.families.*.consequence', label: 'consequence when stale', section: 'workload', kind: 'select', options: consequences },
    ]),
    newItem: (rows) => ({ name: `family-${rows.length + 1}`, share: 1, keys: 1000, ttlMs: 60_000 }),
  },
  {
    path: 'cdn.routes',
    section: 'cdn',
    item: 'Route',
    maxItems: 8,
    fields: withLive([
      { path: 'cdn.routes.*.name', label: 'name', section: 'cdn', kind: 'text' },
      { path: 'cdn.routes.*.share', label: 'share', section: 'cdn', kind: 'number', unit: 'ratio', min: 0, max: 1 },
      { path: 'cdn.routes.*.cacheControl', label: 'Cache-Control', section: 'cdn', kind: 'text' },
      { path: 'cdn.routes.*.personalised', label: 'personalised', section: 'cdn', kind: 'boolean' },
    ]),
    newItem: (rows) => ({ name: `route-${rows.length + 1}`, share: 1, cacheControl: 'public, max-age=60', personalised: false }),
  },
  {
    path: 'failures',
    section: 'failures',
    item: 'Failure',
    maxItems: 100,
    fields: withLive([
      { path: 'failures.*.kind', label: 'kind', section: 'failures', kind: 'select', options: failureKinds },
      { path: 'failures.*.atMs', label: 'at', section: 'failures', kind: 'number', unit: 'ms', min: 0, noSlider: true },
      { path: 'failures.*.durationMs', label: 'duration', section: 'failures', kind: 'number', unit: 'ms', min: 0, max: DAY, noSlider: true },
      { path: 'failures.*.multiplier', label: 'latency multiplier', section: 'failures', kind: 'number', unit: 'none', min: 1, max: 1000, log: true },
      { path: 'failures.*.stepMs', label: 'deploy step', section: 'failures', kind: 'number', unit: 'ms', min: 0, max: DAY, noSlider: true, nullable: { label: 'Same as duration' } },
      { path: 'failures.*.target', label: 'target', section: 'failures', kind: 'target' },
    ]),
    newItem: (rows) => ({ atMs: lastAt(rows) + 10_000, kind: failureKinds[0], durationMs: 5000 }),
  },
];

/**
 * Fields excluded from the panel on purpose: the format version is not the user's to change, the
 * changes list is recorded by live edits, one at a time, not typed in, and a trace is named by the file
 * the CLI replays (the app runs a scenario that names one on its generated workload, and says so).
 */
export const NOT_EDITABLE: readonly string[] = [
  'version',
  'changes.*.atMs',
  'changes.*.path',
  'changes.*.value',
  'workload.trace.name',
  'workload.trace.format',
  'workload.trace.timeScale',
];

/** The definition for a concrete path ("failures.3.atMs" finds "failures.*.atMs"). */
export function fieldFor(path: string): FieldDef | undefined {
  const generic = path.replace(/\.\d+(?=\.|$)/g, '.*');
  return (
    FIELDS.find((f) => f.path === generic) ?? LISTS.flatMap((l) => l.fields).find((f) => f.path === generic)
  );
}

/** The accessible name of the control at a concrete path; list rows are numbered from 1 ("Phase 2 start"). */
export function labelFor(path: string): string {
  const def = fieldFor(path);
  if (!def) return path;
  const list = LISTS.find((l) => path.startsWith(`${l.path}.`));
  if (!list) return def.label;
  const index = Number(path.slice(list.path.length + 1).split('.')[0]);
  return `${list.item} ${index + 1} ${def.label}`;
}
