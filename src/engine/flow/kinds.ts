/**
 * Event types and job kinds. The flow's own are fixed small numbers; a mechanism asks for its own when
 * its module loads (`eventType('cdn.forward')`), so two mechanisms added side by side never collide and
 * none has to know another's numbers. The numbers only live inside a process (queues and snapshots are
 * never written out), and modules load in the same order every time, so a run is as deterministic as
 * ever.
 */

// The flow's event types. Payload: `a` is a job id (or an index), `b` a number whose meaning the type fixes.
export const EV_ARRIVAL = 1; // b: arrival generation
export const EV_REDIS_ARRIVE = 2; // b: command (OP_*), with the copy of a replicated key (see packOp)
export const EV_REDIS_REPLY = 3; // b: version, MISS or REDIS_ERROR
export const EV_DB_ARRIVE = 4;
export const EV_DB_DONE = 5;
export const EV_DB_REPLY = 6; // b: version read or committed
export const EV_SAMPLE = 7;
export const EV_PHASE = 8; // a: phase index
export const FIRST_EVENT = 16;

// The flow's job kinds (see jobs.ts).
const FIRST_JOB = 16;

const eventNames: string[] = [];
const jobNames: string[] = [];

/**
 * A new event type for a mechanism, named for messages (`<mechanism>.<event>`).
 *
 * @example
 * export const EV_CDN_PURGE = eventType('cdn.purge');
 */
export function eventType(name: string): number {
  eventNames.push(name);
  return FIRST_EVENT + eventNames.length - 1;
}

/**
 * A new job kind for a mechanism (a job table entry that is not a client's read or write).
 *
 * @example
 * export const JOB_FLUSH = jobKind('writeBehind.flush');
 */
export function jobKind(name: string): number {
  jobNames.push(name);
  const kind = FIRST_JOB + jobNames.length - 1;
  if (kind > 255) throw new Error(`too many job kinds (${name})`);
  return kind;
}

/** Event types handed out so far, plus one: the length of a dispatch table. */
export const eventTypeCount = (): number => FIRST_EVENT + eventNames.length;
export const jobKindCount = (): number => FIRST_JOB + jobNames.length;

/** The name of an event type, for an engine error's message. */
export function eventName(type: number): string {
  const name = type >= FIRST_EVENT ? eventNames[type - FIRST_EVENT] : undefined;
  return name === undefined ? `event type ${type}` : `event type ${type} (${name})`;
}
