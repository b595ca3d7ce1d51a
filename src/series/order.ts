/**
 * The series point's fields in the order its JSON has had them (the CLI's `--json`, exported files,
 * the golden runs): the flow's and the mechanisms' fields interleaved as they were when one type listed
 * them all. A new mechanism's fields follow these, in registry order.
 */
export const POINT_ORDER: readonly string[] = [
  'tMs',
  'requests',
  'l1Hits',
  'l1Misses',
  'l2Hits',
  'l2Misses',
  'dbReads',
  'dbWrites',
  'staleReads',
  'errors',
  'timeouts',
  'retries',
  'p50',
  'p99',
  'dbInUse',
  'dbQueue',
  'shardOps',
  'shardKeys',
  'redisP99',
  'alerts',
  'shardMemoryBytes',
  'evictions',
  'expired',
  'redisErrors',
  'instancesUp',
];
