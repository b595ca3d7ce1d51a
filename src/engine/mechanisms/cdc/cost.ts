import type { MechanismCost } from '../../costPart.ts';

/** CDC: a committed write is published, consumed and deletes the key (each copy of a replicated one). */
export const cdcCost: MechanismCost = {
  name: 'cdc',
  writeEvents: (s, deletes) => (s.cache.strategy === 'cdc' ? 5 + deletes : null),
};
