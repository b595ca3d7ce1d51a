import { parseCacheControl } from '../../../scenario/cacheControl.ts';
import { ttlHit } from '../../costHits.ts';
import type { MechanismCost } from '../../costPart.ts';

/**
 * The CDN edge: a hop for each write and each read it does not answer; the share of reads it answers by
 * the TTL formula per route and key (the route's edge TTL from its Cache-Control); its tables, a slot
 * per key and route, 16 bytes each.
 */
export const cdnCost: MechanismCost = {
  name: 'cdn',
  edgeEvents: (s) => (s.topology.cdn ? 1 : 0),
  edgeHitRatio: (s, groups, rps, w) => {
    if (!s.topology.cdn) return null;
    const routes =
      s.cdn.routes.length > 0 ? s.cdn.routes : [{ share: 1, cacheControl: 'public, max-age=60' }];
    const total = routes.reduce((n, r) => n + r.share, 0);
    let hits = 0;
    let reads = 0;
    for (const r of routes) {
      const cc = parseCacheControl(r.cacheControl);
      const ttl = cc.ok && cc.value.storable ? cc.value.edgeTtlMs : 0;
      for (const g of groups) {
        for (const b of g.buckets) {
          const read = (rps / 1000) * (r.share / total) * b.p * g.readRatio;
          reads += read * b.count;
          hits += read * ttlHit(read, ttl, w) * b.count;
        }
      }
    }
    return reads > 0 ? hits / reads : 0;
  },
  keyState: (s, keys) => {
    const tables = s.topology.cdn ? Math.max(1, s.cdn.routes.length) * keys : 0;
    return { setupKeys: tables, stateBytes: tables * 16 };
  },
};
