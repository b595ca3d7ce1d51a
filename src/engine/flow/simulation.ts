import { peekTime, popSlot, release, schedule } from '../core/eventQueue.ts';
import {
  WORKLOAD_REQUESTS,
  type Change,
  type CoreSummary,
  type RunOptions,
  type Scenario,
  type SimulationOf,
} from './types.ts';
import { applyChangesTo, validateChange } from '../../scenario/changes.ts';
import { deepEqual } from '../../scenario/json.ts';
import { applyLiveChange } from './liveChanges.ts';
import {
  EV_ARRIVAL,
  EV_DB_ARRIVE,
  EV_DB_DONE,
  EV_DB_REPLY,
  EV_PHASE,
  EV_REDIS_ARRIVE,
  EV_REDIS_REPLY,
  EV_SAMPLE,
  scheduleTick,
  type Ctx,
} from './context.ts';
import { onDbArrive, onDbDone, onDbReply } from './dbFlow.ts';
import type { Plan } from './mechanism.ts';
import { closeInterval } from './metrics.ts';
import { createModel, createModelCache } from './model.ts';
import { onRedisReply } from './redisReply.ts';
import { onRedisArrive } from './redisSend.ts';
import { onArrival, onPhase } from './arrivals.ts';
import { createState, type State } from './state.ts';
import { buildSummary } from './summary.ts';
import { createTracer, drain } from './trace.ts';
import { createSeries, forgetFuture, logPush } from './series.ts';
import { restoreSnapshot, takeSnapshot } from './snapshot.ts';
import { keyView, nodeKeys, nodeView, ttlRemainingView, ttlView } from './views.ts';
import { storeSize } from '../redis/shardStore.ts';

/** A sample: the flow's fields of the interval's point, then each mechanism fills its own. */
function onSample(c: Ctx): void {
  const s = c.s;
  const point = c.plan.blankPoint();
  closeInterval(
    s.metrics,
    point,
    s.now,
    s.db.inUse,
    s.db.waitLen,
    s.shards.map((sh) => storeSize(sh.store)),
  );
  for (const mech of c.plan.mechanisms) mech.sample?.(c, point);
  logPush(c.series.points, point, c.plan.mergePoints);
  const next = s.now + c.m.sampleIntervalMs;
  if (next <= c.m.durationMs) scheduleTick(c, next, EV_SAMPLE, 0, 0);
}

/** The flow's events by a switch (the hot ones, called directly), the mechanisms' by the plan's table. */
function dispatch(c: Ctx, type: number, a: number, b: number): void {
  switch (type) {
    case EV_ARRIVAL:
      return onArrival(c, b);
    case EV_REDIS_ARRIVE:
      return onRedisArrive(c, a, b);
    case EV_REDIS_REPLY:
      return onRedisReply(c, a, b);
    case EV_DB_ARRIVE:
      return onDbArrive(c, a);
    case EV_DB_DONE:
      return onDbDone(c, a);
    case EV_DB_REPLY:
      return onDbReply(c, a, b);
    case EV_SAMPLE:
      return onSample(c);
    case EV_PHASE:
      return onPhase(c, a);
    default:
      return c.plan.handlers[type]!(c, a, b);
  }
}

/**
 * Creates a simulation of `scenario` under the plan's mechanisms (the engine's `createSimulation` passes
 * the registry's). Same scenario and seed, same run, event for event. The scenario's `changes` are
 * applied at their times, exactly as if they had been made live (a change `validateChange` refuses
 * throws here, with its message).
 *
 * @example
 * const sim = createRun(getPreset('baseline'), { trace: true }, plan);
 * sim.runUntil(1000);
 */
export function createRun(scenario: Scenario, options: RunOptions, plan: Plan): SimulationOf<CoreSummary> {
  const models = createModelCache();
  if (options.workload !== undefined) models.shared.set(WORKLOAD_REQUESTS, options.workload);
  const durationMs = options.durationMs ?? scenario.durationMs;
  const seed = options.seed ?? scenario.seed;
  const sampleIntervalMs = options.sampleIntervalMs ?? 1000;
  // The changes are the run's own list (live ones are inserted), values as their fields parse them;
  // the model starts from the rest.
  const changes: Change[] = scenario.changes.map((ch) => ({ ...ch, value: checked(ch).value }));
  const start: Scenario = { ...scenario, changes: [] };
  const model = createModel(start, durationMs, seed, sampleIntervalMs, plan, models);
  const capacity = options.traceCapacity ?? 100_000;
  const c: Ctx = {
    m: model,
    s: createState(model, plan),
    series: createSeries(plan.logs),
    trace: options.trace ? createTracer(capacity) : null,
    made: options.onRequest ?? null,
    plan,
  };
  const q = () => c.s.queue;
  model.source.start(c);
  for (const mech of plan.mechanisms) mech.start?.(c);
  if (model.sampleIntervalMs <= model.durationMs) schedule(q(), model.sampleIntervalMs, EV_SAMPLE, 0, 0);

  const hasNext = (limit: number) => q().size > 0 && peekTime(q()) <= limit;
  const stepOne = () => {
    const queue = q();
    const slot = popSlot(queue);
    const type = queue.type[slot]!;
    const a = queue.a[slot]!;
    const b = queue.b[slot]!;
    c.s.now = queue.time[slot]!;
    release(queue, slot);
    c.s.events++;
    dispatch(c, type, a, b);
  };
  /**
   * Every event at or before `end`. The hot loop, stepOne inlined: handlers never replace the state or
   * its queue object (restore and live changes do, between calls), so both are read once.
   */
  function runEvents(end: number): void {
    const s = c.s;
    const queue = s.queue;
    while (queue.size > 0 && queue.heapTime[0]! <= end) {
      const slot = popSlot(queue);
      s.now = queue.time[slot]!;
      s.events++;
      const type = queue.type[slot]!;
      const a = queue.a[slot]!;
      const b = queue.b[slot]!;
      release(queue, slot);
      dispatch(c, type, a, b);
    }
  }
  const nextChangeAt = () => changes[c.s.changesApplied]?.atMs ?? Infinity;
  /** The next change, at its own time: every event at or before it has been processed. */
  const applyNext = () => {
    const change = changes[c.s.changesApplied]!;
    if (change.atMs > c.s.now) c.s.now = change.atMs;
    applyLiveChange(c, change, models);
  };
  const runUntil = (tMs: number) => {
    const end = Math.min(tMs, c.m.durationMs);
    // Split at change times rather than scheduling changes as events: a change made live after
    // runUntil(t) then lands exactly where its replay does, whatever the heap's sequence numbers.
    for (;;) {
      const at = nextChangeAt();
      if (at > end) {
        runEvents(end);
        break;
      }
      runEvents(at);
      applyNext();
      // Events a change at `end` schedules for `end` wait for the next call, as after a live change.
      if (at === end && nextChangeAt() > end) break;
    }
    if (end > c.s.now) c.s.now = end;
  };
  let described: Scenario | null = null;

  return {
    get scenario() {
      described ??= { ...scenario, changes: changes.map((ch) => ({ ...ch })) };
      return described;
    },
    now: () => c.s.now,
    done: () => !hasNext(c.m.durationMs) && nextChangeAt() > c.m.durationMs,
    step() {
      // A change may schedule events (a new arrival), so the next event is looked at again after each.
      while (nextChangeAt() < peekTime(q()) && nextChangeAt() <= c.m.durationMs) applyNext();
      if (!hasNext(c.m.durationMs)) return false;
      stepOne();
      return true;
    },
    runUntil,
    applyChange({ path, value }) {
      const parsed = checked({ path, value }).value;
      runUntil(c.s.now); // the rest of this instant first, as a replay would have it
      const change: Change = { atMs: c.s.now, path, value: parsed };
      changes.splice(c.s.changesApplied, 0, change);
      described = null;
      applyLiveChange(c, change, models);
      // Samples a previous pass computed past this instant belong to a run without this change.
      forgetFuture(c.series);
      return { ...change };
    },
    changes: () => changes.map((ch) => ({ ...ch })),
    events: () => c.s.events,
    setTracing(on) {
      if (!on) c.trace = null;
      else if (!c.trace) c.trace = createTracer(capacity);
    },
    snapshot: () => takeSnapshot(c),
    restore(snapshot) {
      restoreSnapshot(c, snapshot, (s) => checkRestorable(s, start, changes));
      c.m = createModel(c.s.scenario, durationMs, seed, sampleIntervalMs, plan, models);
      if (c.trace) c.trace = createTracer(capacity);
    },
    summary: () => buildSummary(c, changes.slice(0, c.s.changesApplied)),
    drainHops() {
      if (!c.trace) return [];
      const out = drain(c.trace.hops, capacity);
      c.trace.hops = [];
      return out;
    },
    drainRequests() {
      if (!c.trace) return [];
      const out = drain(c.trace.requests, capacity);
      c.trace.requests = [];
      return out;
    },
    nodes: () => nodeView(c),
    inspectKey: (key) => keyView(c, key),
    nodeKeys: (node, limit) => nodeKeys(c.s, node, limit),
    ttlDistribution: () => ttlView(c.s),
    ttlRemaining: (limit) => ttlRemainingView(c.s, limit),
  };
}

/** The change's check by `validateChange`; throws its message when the change is not valid. */
function checked(change: Pick<Change, 'path' | 'value'>): { value: unknown } {
  const check = validateChange(change.path, change.value);
  if (!check.ok) throw new Error(check.message);
  return check;
}

/**
 * A snapshot fits this run when its settings are what this run's own changes give at that point: then
 * the state, the settings and the changes still to come line up. Anything else would continue a run that
 * never happened, so it is refused with what differs.
 */
function checkRestorable(s: State, start: Scenario, changes: readonly Change[]): void {
  const applied = s.changesApplied;
  if (applied > changes.length) {
    throw new Error(
      `cannot restore: the snapshot has ${applied} changes applied, this simulation knows ${changes.length}`,
    );
  }
  if (!deepEqual(applyChangesTo(start, changes.slice(0, applied)), s.scenario)) {
    throw new Error(
      `cannot restore: the snapshot's settings differ from this simulation's after its first ${applied} changes`,
    );
  }
}
