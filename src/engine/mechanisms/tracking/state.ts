import type { Rules } from './rules.ts';
import { createTable, type Table } from './table.ts';

export type { Table };
import type { Ctx } from '../../flow/context.ts';

/** Derived from the scenario in force; null when tracking is off. The rules' settings, and: */
export interface TrackingModel extends Rules {
  /** Invalidations travel on their own connection (RESP2's REDIRECT), not behind the replies. */
  redirect: boolean;
  raceFix: boolean;
  prefixes: readonly string[];
  /** Per key, whether its name is under a `bcast` prefix: 0 not computed yet, 1 yes, 2 no. */
  underPrefix: Uint8Array;
}

/** Plain data, snapshotted with the rest of the state. */
export interface TrackingState {
  tables: Table[];
  /** Per instance, keys being fetched: 0 while no invalidation came for it, 1 once one did. */
  fetching: Map<number, number>[];
  /** Scratch between a command's two points: the DEL's key was there; writes refused before it. */
  delPresent: boolean;
  rejectedBefore: number;
  /** Invalidation messages sent to each instance, and received by it. */
  sent: Float64Array;
  received: Float64Array;
  /** Of those sent: for keys that expired, were evicted, or were forgotten by the table's cap. */
  byExpiryOrEviction: number;
  byCap: number;
  /** Keys the cap forgot. */
  capForgotten: number;
  /** The largest a shard's table grew (keys), and the largest all shards' held together. */
  tablePeak: number;
  tableTotalPeak: number;
  /** L1 copies dropped on an invalidation. */
  dropped: number;
  /** Replies that came after an invalidation of their key: kept (the race), or not (the fix). */
  races: number;
  racesStale: number;
  racesPrevented: number;
  /** CLIENT CACHING commands sent before reads (optin/optout). */
  cachingCommands: number;
  /** Invalidations received in the interval still open, for the series. */
  intervalReceived: number;
}

export const trackingState = (c: Ctx): TrackingState => c.s.mech.tracking as TrackingState;
export const trackingModel = (c: Ctx): TrackingModel => c.m.mech.tracking as TrackingModel;

export function createTrackingState(shards: number, instances: number): TrackingState {
  return {
    tables: Array.from({ length: shards }, createTable),
    fetching: Array.from({ length: instances }, () => new Map<number, number>()),
    delPresent: false,
    rejectedBefore: 0,
    sent: new Float64Array(instances),
    received: new Float64Array(instances),
    byExpiryOrEviction: 0,
    byCap: 0,
    capForgotten: 0,
    tablePeak: 0,
    tableTotalPeak: 0,
    dropped: 0,
    races: 0,
    racesStale: 0,
    racesPrevented: 0,
    cachingCommands: 0,
    intervalReceived: 0,
  };
}
