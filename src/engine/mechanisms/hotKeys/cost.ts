import type { MechanismCost } from '../../costPart.ts';

/**
 * Replicated hot keys: a miss of one sets each of its copies, a delete reaches each copy (about a tenth
 * more deletes than keys, the written keys being mostly not the hot ones), and the formulas change at
 * the last replicated rank.
 */
export const hotKeysCost: MechanismCost = {
  name: 'hotKeys',
  missEvents: (s, rank) => (rank < s.cache.hotKeys.topKeys ? s.cache.hotKeys.replicas - 1 : 0),
  deleteCopies: (s) => (s.cache.hotKeys.replicas > 1 ? 1.1 : null),
  rankCuts: (s) => (s.cache.hotKeys.replicas > 1 ? [s.cache.hotKeys.topKeys] : []),
};
