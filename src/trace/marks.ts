import { fmtBytes } from '../report/figures.ts';

/** The cache sizes a scenario sets, as the miss-ratio chart marks them. */
export interface ScenarioSizes {
  l1Keys: number | null;
  l2Keys: number | null;
  l2Bytes: number | null;
  shards: number;
}

export interface Mark {
  label: string;
  size: number;
}

/**
 * Where the scenario's caches fall on a trace's curve. Redis's `maxMemoryBytes` is a size in bytes
 * (per shard, so the cluster holds shards times it); a limit in keys becomes bytes through the trace's
 * mean object size, and the label says so. An unbounded cache or an L1 that is off has no mark.
 */
export function scenarioMarks(s: ScenarioSizes | null, meanObjectBytes: number): Mark[] {
  if (!s) return [];
  const marks: Mark[] = [];
  const mean = Math.max(1, Math.round(meanObjectBytes));
  if (s.l1Keys !== null) {
    marks.push({
      label: `L1: ${s.l1Keys.toLocaleString('en-US')} keys x ${fmtBytes(mean)} mean object`,
      size: s.l1Keys * mean,
    });
  }
  if (s.l2Bytes !== null) {
    marks.push({
      label: `Redis: ${s.shards} x ${fmtBytes(s.l2Bytes)} maxmemory`,
      size: s.shards * s.l2Bytes,
    });
  } else if (s.l2Keys !== null) {
    const keys = s.shards * s.l2Keys;
    marks.push({
      label: `Redis: ${keys.toLocaleString('en-US')} keys x ${fmtBytes(mean)} mean object`,
      size: keys * mean,
    });
  }
  return marks;
}
