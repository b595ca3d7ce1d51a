import type { MechanismCost } from '../../costPart.ts';

/** A miss of a replicated hot key sets each of its copies. */
export const hotKeysCost: MechanismCost = {
  name: 'hotKeys',
  missEvents: (s, rank) => (rank < s.cache.hotKeys.topKeys ? s.cache.hotKeys.replicas - 1 : 0),
};
