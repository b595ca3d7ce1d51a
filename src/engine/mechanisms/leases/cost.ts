import type { MechanismCost } from '../../costPart.ts';

/** Engine events of one wait: the client's retry, its GET at the shard, and the reply. */
const RETRY_EVENTS = 3;

/**
 * Leases: a miss's holder fills the key with its token (the SET and its arrival at the shard), and the
 * reads of the key that arrive while it is being filled (about one database read) are told to wait and
 * read again every `waitMs` until the fill lands: on average half the fill's time each.
 */
export const leasesCost: MechanismCost = {
  name: 'leases',
  missEvents: (s, _rank, perMs) => {
    const { leases } = s.cache;
    if (!leases.enabled) return 0;
    const fillMs = s.database.readMs;
    const waiters = perMs * fillMs;
    return 2 + waiters * RETRY_EVENTS * Math.max(1, fillMs / (2 * leases.waitMs));
  },
};
