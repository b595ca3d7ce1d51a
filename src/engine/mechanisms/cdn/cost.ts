import type { MechanismCost } from '../../costPart.ts';

/** The CDN edge's tables: a slot per key and route, 16 bytes each. */
export const cdnCost: MechanismCost = {
  name: 'cdn',
  keyState: (s, keys) => {
    const tables = s.topology.cdn ? Math.max(1, s.cdn.routes.length) * keys : 0;
    return { setupKeys: tables, stateBytes: tables * 16 };
  },
};
