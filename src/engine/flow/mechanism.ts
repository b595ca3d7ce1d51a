import { JOB_BG_DEL, JOB_BG_SET, JOB_READ, JOB_READ_REFILL, JOB_WRITE } from './jobs.ts';
import { eventName, eventTypeCount, FIRST_EVENT, jobKindCount } from './kinds.ts';
import { blankPointOf, mergePointsBy, orderFields } from '../../series/field.ts';
import { CORE_SERIES } from './seriesFields.ts';
import type { JobSpec, Mechanism, Plan } from './shapes.ts';

export type { EventHandler, EventSpec, JobSpec, Mechanism, Plan, Source } from './shapes.ts';
export type { Copies, ModelEnv } from './modelParts.ts';

/** What the flow's own job kinds are to it (see Mechanism.jobs for a mechanism's). */
export const CORE_JOBS: readonly JobSpec[] = [
  { kind: JOB_READ, client: true, awaitsRedis: true },
  { kind: JOB_WRITE, client: true, awaitsRedis: true },
  { kind: JOB_BG_SET },
  { kind: JOB_BG_DEL },
  { kind: JOB_READ_REFILL, client: true, awaitsRedis: true },
];

/**
 * The plan of a list of mechanisms. Throws when two claim one event type or job kind, when an event
 * type handed out has no handler, or when two series fields share a name. `pointOrder` orders the
 * series point's fields (the flow's and the mechanisms'); fields it does not list follow in registry
 * order.
 *
 * @example
 * const plan = buildPlan([overload, cdn], CORE_JOBS);
 */
export function buildPlan(
  mechanisms: readonly Mechanism[],
  coreJobs: readonly JobSpec[],
  summaryOrder: readonly string[] = [],
  pointOrder: readonly string[] = [],
): Plan {
  const kinds = jobKindCount();
  const pointFields = orderFields([...CORE_SERIES, ...mechanisms.flatMap((m) => m.series ?? [])], pointOrder);
  const plan: Plan = {
    mechanisms,
    handlers: new Array(eventTypeCount()).fill(undefined),
    clientJob: new Uint8Array(kinds),
    awaitsRedis: new Uint8Array(kinds),
    countsAsRead: new Uint8Array(kinds).fill(1),
    redisReply: new Array(kinds).fill(undefined),
    serviceMs: new Array(kinds).fill(undefined),
    dbDone: new Array(kinds).fill(undefined),
    dbReply: new Array(kinds).fill(undefined),
    dbFailed: new Array(kinds).fill(undefined),
    logs: mechanisms.flatMap((m) => m.logs ?? []),
    pointFields,
    blankPoint: blankPointOf(pointFields),
    mergePoints: mergePointsBy(pointFields),
    summaryOrder,
  };
  const names = new Set<string>();
  const jobs = [...coreJobs, ...mechanisms.flatMap((m) => m.jobs ?? [])];
  for (const m of mechanisms) {
    if (names.has(m.name)) throw new Error(`two mechanisms are named ${m.name}`);
    names.add(m.name);
    for (const [type, handler] of m.events ?? []) {
      if (plan.handlers[type] !== undefined) throw new Error(`${m.name}: event type ${type} has a handler`);
      plan.handlers[type] = handler;
    }
  }
  for (let type = FIRST_EVENT; type < plan.handlers.length; type++) {
    if (plan.handlers[type] === undefined) throw new Error(`${eventName(type)} has no handler`);
  }
  const seen = new Set<number>();
  for (const j of jobs) {
    if (seen.has(j.kind)) throw new Error(`job kind ${j.kind} is claimed twice`);
    seen.add(j.kind);
    plan.clientJob[j.kind] = j.client ? 1 : 0;
    plan.awaitsRedis[j.kind] = (j.awaitsRedis ?? j.redisReply !== undefined) ? 1 : 0;
    plan.countsAsRead[j.kind] = j.countsAsRead === false ? 0 : 1;
    plan.redisReply[j.kind] = j.redisReply;
    plan.serviceMs[j.kind] = j.serviceMs;
    plan.dbDone[j.kind] = j.dbDone;
    plan.dbReply[j.kind] = j.dbReply;
    plan.dbFailed[j.kind] = j.dbFailed;
  }
  return plan;
}
