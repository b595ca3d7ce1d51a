import { zipfBuckets } from '../../costKeys.ts';
import type { MechanismCost } from '../../costPart.ts';

/** Families: the key space as its families, each with its popularity, share, read ratio and TTLs. */
export const familiesCost: MechanismCost = {
  name: 'families',
  keyGroups: (s, cuts) => {
    const { workload, cache } = s;
    const fams = workload.families;
    if (fams.length === 0) return null;
    const totalShare = fams.reduce((n, g) => n + g.share, 0);
    return fams.map((f) => ({
      buckets: zipfBuckets(f.keys, f.zipf ?? workload.zipf, cuts),
      share: f.share / totalShare,
      readRatio: f.readRatio ?? workload.readRatio,
      l2TtlMs: f.ttlMs ?? Infinity,
      l1TtlMs: f.l1TtlMs ?? cache.l1.ttlMs ?? Infinity,
      bypass: f.bypass,
    }));
  },
  keyCount: (s) => {
    const fams = s.workload.families;
    return fams.length > 0 ? fams.reduce((n, f) => n + f.keys, 0) : null;
  },
};
