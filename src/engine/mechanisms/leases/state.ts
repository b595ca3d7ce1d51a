import type { Ctx } from '../../flow/context.ts';

/** Derived from the scenario in force; null when leases are off. */
export interface LeaseModel {
  waitMs: number;
  leaseTtlMs: number;
}

/** Plain data, snapshotted with the rest of the state. */
export interface LeaseState {
  /** Per shard, the outstanding lease of each key: its token, and when it lapses. */
  tokens: Map<number, number>[];
  expiries: Map<number, number>[];
  /** The last token handed out (tokens count up from 1, so each is unique in the run). */
  lastToken: number;
  granted: number;
  /** Fills a holder made with a valid token, and fills refused (the token voided or lapsed). */
  fills: number;
  refused: number;
  /** Outstanding tokens voided by a DEL or a SET of their key. */
  voided: number;
  /** Times a client was told to wait and read again. */
  waits: number;
}

export const leaseState = (c: Ctx): LeaseState => c.s.mech.leases as LeaseState;
