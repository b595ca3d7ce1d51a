import type { CurvesResult } from '../../trace/mrc/curves.ts';
import type { Policy } from '../../trace/mrc/types.ts';
import { fmtBytes, fmtInt, grid } from '../table.ts';
import { optLabel, sampledLabel, shardsNote } from '../../trace/mrc/labels.ts';
import type { SampledPolicy } from '../../trace/mrc/sampled.ts';

const pct = (part: number, whole: number) => (whole > 0 ? `${((100 * part) / whole).toFixed(2)} %` : '-');
const NAMES: Record<Policy | SampledPolicy, string> = {
  lru: 'LRU',
  fifo: 'FIFO',
  opt: 'Belady',
  'redis-lru': 'Redis LRU (sampled)',
  'redis-lfu': 'Redis LFU (sampled)',
};

/** The `npm run mrc` table: one row per size, the miss ratio by requests and by bytes per policy. */
export function formatMrcTable(r: CurvesResult, truncated: string | null): string {
  const policies = (['lru', 'fifo', 'opt'] as const).filter((p) => r.curves[p].length > 0);
  const sampled = (['redis-lru', 'redis-lfu'] as const).filter((p) => (r.curves[p]?.length ?? 0) > 0);
  const all = [...policies, ...sampled];
  const header = ['cache size', ...all.flatMap((p) => [`${NAMES[p]} miss`, `${NAMES[p]} byte miss`])];
  const rows = policies.length > 0 ? r.curves[policies[0]!] : (r.curves[sampled[0]!] ?? []);
  const body = rows.map((point) => [
    fmtBytes(point.size),
    ...all.flatMap((p) => {
      // The sampled policies run at a few of the sizes: a row without one says "-".
      const q = r.curves[p]?.find((c) => c.size === point.size);
      return q ? [pct(q.misses, r.requests), pct(q.missBytes, r.bytes)] : ['-', '-'];
    }),
  ]);
  const lines = [
    `requests ${fmtInt(r.requests)}, unique keys ${fmtInt(r.uniqueKeys)}, bytes requested ${fmtBytes(r.bytes)}, working set ${fmtBytes(r.workingSet)}`,
    ...(r.curves.opt.length > 0 ? [`Belady: ${optLabel(r.uniformSizes)}`] : []),
    ...(sampled.length > 0 ? [sampledLabel()] : []),
    ...(r.sampleRate < 1 ? [shardsNote(r.sampleRate)] : []),
    ...(r.lruSimulatedSizes.length > 0
      ? [`LRU below the largest object (${fmtBytes(r.largestObject)}) simulated size by size`]
      : []),
    ...(truncated ? [`note: ${truncated}`] : []),
    '',
    ...grid(header, body),
  ];
  return lines.join('\n') + '\n';
}
