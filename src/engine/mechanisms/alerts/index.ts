import {
  createHistogram,
  quantile,
  recordValue,
  resetHistogram,
  type Histogram,
} from '../../metrics/histogram.ts';
import type { Scenario } from '../../../scenario/schema.ts';
import type { Ctx } from '../../flow/context.ts';
import type { Mechanism } from '../../flow/mechanism.ts';
import type { CoreSeriesPoint } from '../../flow/types.ts';
import type { PointOf } from '../../../series/field.ts';
import { ALERTS_SERIES } from './series.ts';

/** A series point as the alerts read it: the flow's fields, and their own. */
type AlertsPoint = CoreSeriesPoint & PointOf<typeof ALERTS_SERIES>;
import { ALERT_RULES, ALERT_WINDOW, type AlertRule } from './rules.ts';

export { ALERT_RULES, ALERT_WINDOW, type AlertRule };

/**
 * The article's monitoring table as alert rules, evaluated at every time-series sample on what the
 * interval measured. Each rule has a threshold under `monitoring`; the point records the rules firing
 * (for the charts), and the Summary lists each rule that fired with when and how often.
 */
/** Below these counts a ratio says nothing: a handful of lookups or keys cannot raise an alert. */
const MIN_LOOKUPS = 20;
const MIN_KEYS = 100;
/** Keys sampled per shard for the expiry histogram (a stride through the shard's TTL list). */
const EXPIRY_SAMPLES = 1024;

export interface MonitorState {
  /** Redis command latency (queue wait + service at the shard) in the interval being measured. */
  redisLatency: Histogram;
  missHistory: Float64Array;
  keyHistory: Float64Array;
  /** Intervals closed so far (the ring position is this modulo the window). */
  intervals: number;
  prevEvictions: number;
  firstAt: Float64Array;
  lastAt: Float64Array;
  count: Float64Array;
  /** The most extreme value each rule saw when firing (lowest hit rate, highest p99, ...). */
  worst: Float64Array;
  scratch: Float64Array;
}

export function createMonitor(shards: number): MonitorState {
  const n = ALERT_RULES.length;
  return {
    redisLatency: createHistogram(),
    missHistory: new Float64Array(ALERT_WINDOW),
    keyHistory: new Float64Array(ALERT_WINDOW),
    intervals: 0,
    prevEvictions: 0,
    firstAt: new Float64Array(n).fill(-1),
    lastAt: new Float64Array(n).fill(-1),
    count: new Float64Array(n),
    worst: new Float64Array(n).fill(NaN),
    scratch: new Float64Array(EXPIRY_SAMPLES * shards),
  };
}

const stateOf = (c: Pick<Ctx, 's'>): MonitorState => c.s.mech.alerts as MonitorState;

/** Records one Redis command's time at its shard (hot path: one histogram increment). */
function recordRedisLatency(c: Ctx, _job: number, _op: number, _shard: number, doneAt: number): boolean {
  recordValue(stateOf(c).redisLatency, doneAt - c.s.now);
  return false;
}

/**
 * Per-second counts for expiringAtOnce, indexed by seconds from now. Zeroed again before it returns, so
 * it carries nothing from one call to the next and needs no place in the snapshotted state.
 */
let secondCounts = new Int32Array(1024);

/** The largest share of live keys whose expiry falls in one and the same second, estimated by sampling. */
export function expiringAtOnce(c: Pick<Ctx, 's'>): { share: number; keys: number } {
  const scratch = stateOf(c).scratch;
  const nowSecond = Math.floor(c.s.now / 1000);
  let n = 0;
  let live = 0;
  let withTtl = 0;
  for (const sh of c.s.shards) {
    const st = sh.store;
    live += st.size;
    withTtl += st.ttlCount;
    const stride = Math.max(1, Math.floor(st.ttlCount / EXPIRY_SAMPLES));
    for (let i = 0; i < st.ttlCount && n < scratch.length; i += stride) {
      const exp = st.expires[st.ttlSlots[i]!]!;
      if (exp > c.s.now) scratch[n++] = Math.floor(exp / 1000) - nowSecond;
    }
  }
  if (n === 0 || live === 0) return { share: 0, keys: live };
  // The most samples in one second, counted rather than sorted (a sample is run every interval).
  let last = 0;
  for (let i = 0; i < n; i++) last = Math.max(last, scratch[i]!);
  if (last >= secondCounts.length) secondCounts = new Int32Array(2 ** Math.ceil(Math.log2(last + 1)));
  let best = 0;
  for (let i = 0; i < n; i++) best = Math.max(best, ++secondCounts[scratch[i]!]!);
  for (let i = 0; i < n; i++) secondCounts[scratch[i]!] = 0;
  return { share: ((best / n) * withTtl) / live, keys: live };
}

function fire(
  c: Ctx,
  p: AlertsPoint,
  rule: number,
  value: number,
  worse: (a: number, b: number) => boolean,
): void {
  const mon = stateOf(c);
  if (mon.firstAt[rule]! < 0) mon.firstAt[rule] = p.tMs;
  mon.lastAt[rule] = p.tMs;
  mon.count[rule]!++;
  const w = mon.worst[rule]!;
  if (w !== w || worse(value, w)) mon.worst[rule] = value;
  p.alerts.push(ALERT_RULES[rule]!);
}

/**
 * The fullest shard's use of its limit (0 to 1): bytes over `maxmemory` when the shard has one, keys over
 * `cache.l2.maxKeys` when it has that, the larger of the two; 0 when shards are unbounded.
 */
export function shardMemoryUse(c: Pick<Ctx, 'm' | 's'>): number {
  const maxKeys = c.m.scenario.cache.l2.maxKeys;
  let worst = 0;
  for (const sh of c.s.shards) {
    const st = sh.store;
    if (maxKeys !== null) worst = Math.max(worst, st.size / maxKeys);
    if (st.maxMemoryBytes !== null && st.maxMemoryBytes > 0)
      worst = Math.max(worst, st.memoryBytes / st.maxMemoryBytes);
  }
  return worst;
}

const higher = (a: number, b: number): boolean => a > b;
const lower = (a: number, b: number): boolean => a < b;

/** Evaluates every rule on the point just closed, marks it with the rules firing and resets the interval. */
function evaluateAlerts(c: Ctx, p: AlertsPoint): void {
  const mon = stateOf(c);
  const cfg = c.m.scenario.monitoring;
  const lat = mon.redisLatency;
  const commands = lat.total;
  p.redisP99 = commands > 0 ? quantile(lat, 0.99) : 0;
  resetHistogram(lat);
  if (!cfg.enabled) return;
  const lookups = p.l2Hits + p.l2Misses;
  if (lookups >= MIN_LOOKUPS && p.l2Hits / lookups < cfg.hitRateBelow)
    fire(c, p, 0, p.l2Hits / lookups, lower);

  const w = ALERT_WINDOW;
  const seen = Math.min(mon.intervals, w);
  let missSum = 0;
  for (let i = 0; i < seen; i++) missSum += mon.missHistory[i]!;
  const trailing = seen > 0 ? missSum / seen : 0;
  if (seen >= 3 && p.l2Misses >= cfg.missSpikeMin && p.l2Misses > cfg.missSpikeFactor * trailing) {
    fire(c, p, 1, p.l2Misses, higher);
  }

  let evictions = 0;
  for (const sh of c.s.shards) evictions += sh.store.evictions;
  const evicted = Math.max(0, evictions - mon.prevEvictions);
  mon.prevEvictions = evictions;
  if (evicted > cfg.evictionsAbove) fire(c, p, 2, evicted, higher);

  const memory = shardMemoryUse(c);
  if (memory > cfg.memoryAbove) fire(c, p, 3, memory, higher);

  if (commands > 0 && p.redisP99 > cfg.p99AboveMs) fire(c, p, 4, p.redisP99, higher);

  const keys = p.shardKeys.reduce((a, b) => a + b, 0);
  const before = mon.keyHistory[mon.intervals % w]!; // the count `w` intervals ago
  if (mon.intervals >= w && p.tMs >= cfg.keyGrowthWarmupMs && before >= MIN_KEYS) {
    const growth = (keys - before) / before;
    if (growth > cfg.keyGrowthAbove) fire(c, p, 5, growth, higher);
  }

  const expiring = expiringAtOnce(c);
  if (expiring.keys >= MIN_KEYS && expiring.share > cfg.expiringAtOnceAbove)
    fire(c, p, 6, expiring.share, higher);

  mon.missHistory[mon.intervals % w] = p.l2Misses;
  mon.keyHistory[mon.intervals % w] = keys;
  mon.intervals++;
}

const pct = (x: number): string => `${(x * 100).toFixed(1)} %`;

function describe(rule: AlertRule, worst: number, cfg: Scenario['monitoring']): string {
  switch (rule) {
    case 'hit-rate':
      return `Redis hit rate fell to ${pct(worst)}, below ${pct(cfg.hitRateBelow)}: investigate what is cached`;
    case 'miss-spike':
      return `${worst} misses in one interval, over ${cfg.missSpikeFactor}x the trailing mean: a possible stampede`;
    case 'evictions':
      return `up to ${worst} keys evicted per interval (threshold ${cfg.evictionsAbove}): the cache is full, add memory`;
    case 'memory':
      return `a shard reached ${pct(worst)} of its limit, above ${pct(cfg.memoryAbove)}: scale or trim keys`;
    case 'p99':
      return `Redis p99 reached ${worst.toFixed(2)} ms, above ${cfg.p99AboveMs} ms: a busy or hot shard`;
    case 'key-growth':
      return `key count grew ${pct(worst)} over ${ALERT_WINDOW} intervals, above ${pct(cfg.keyGrowthAbove)}: a possible key leak`;
    case 'expiring-at-once':
      return `${pct(worst)} of live keys expire within the same second, above ${pct(cfg.expiringAtOnceAbove)}: stampede risk`;
  }
}

/** A monitoring rule that fired at least once. */
export interface AlertSummary {
  rule: string;
  firstAtMs: number;
  lastAtMs: number;
  /** Samples at which it fired. */
  count: number;
  message: string;
}

/** The rules that fired, in the table's order. */
function alertSummary(c: Ctx): AlertSummary[] {
  const mon = stateOf(c);
  const out: AlertSummary[] = [];
  ALERT_RULES.forEach((rule, i) => {
    if (mon.count[i]! === 0) return;
    out.push({
      rule,
      firstAtMs: mon.firstAt[i]!,
      lastAtMs: mon.lastAt[i]!,
      count: mon.count[i]!,
      message: describe(rule, mon.worst[i]!, c.m.scenario.monitoring),
    });
  });
  return out;
}

export const alerts: Mechanism<boolean, MonitorState, { alerts: AlertSummary[] }> = {
  name: 'alerts',
  reads: ['monitoring', 'cache.l2.maxKeys', 'cache.l2.ttlMs', 'topology.redisShards'],
  model: (scenario) => scenario.monitoring.enabled,
  // No reconcile: its state is sized by `topology.redisShards` (restart-only); the thresholds and
  // `monitoring.enabled` are read at each sample, which runs whether monitoring is on or not.
  state: (m) => createMonitor(m.scenario.topology.redisShards),
  hooks: (on) => (on ? { redisCommand: recordRedisLatency } : {}),
  series: ALERTS_SERIES,
  // Always: the Redis p99 of the interval is closed even when monitoring was just switched off.
  sample: (c, point) => evaluateAlerts(c, point as AlertsPoint),
  summary: (c): { alerts: AlertSummary[] } => ({ alerts: alertSummary(c) }),
};
