import type { CurvesResult } from '../../trace/mrc/curves.ts';
import type { Policy } from '../../trace/mrc/types.ts';
import { fmtBytes, fmtInt, grid } from '../table.ts';
import { optLabel, shardsNote } from '../../trace/mrc/labels.ts';

const pct = (part: number, whole: number) => (whole > 0 ? `${((100 * part) / whole).toFixed(2)} %` : '-');
const NAMES: Record<Policy, string> = { lru: 'LRU', fifo: 'FIFO', opt: 'Belady' };

/** The `npm run mrc` table: one row per size, the miss ratio by requests and by bytes per policy. */
export function formatMrcTable(r: CurvesResult, truncated: string | null): string {
  const policies = (['lru', 'fifo', 'opt'] as const).filter((p) => r.curves[p].length > 0);
  const header = ['cache size', ...policies.flatMap((p) => [`${NAMES[p]} miss`, `${NAMES[p]} byte miss`])];
  const body = (r.curves[policies[0] ?? 'lru'] ?? []).map((point, j) => [
    fmtBytes(point.size),
    ...policies.flatMap((p) => {
      const q = r.curves[p][j];
      return q ? [pct(q.misses, r.requests), pct(q.missBytes, r.bytes)] : ['-', '-'];
    }),
  ]);
  const lines = [
    `requests ${fmtInt(r.requests)}, unique keys ${fmtInt(r.uniqueKeys)}, bytes requested ${fmtBytes(r.bytes)}, working set ${fmtBytes(r.workingSet)}`,
    ...(r.curves.opt.length > 0 ? [`Belady: ${optLabel(r.uniformSizes)}`] : []),
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
