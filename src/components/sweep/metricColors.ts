import type { HeadlineId } from '../../report/headline.ts';
import { OUTCOME_COLORS } from '../../render/palette.ts';

/** Each figure in the colour of the outcome it counts, as on the stage (theme colours for the rest). */
const COLORS: Record<HeadlineId, string> = {
  requests: 'var(--c-accent)',
  l1HitRatio: OUTCOME_COLORS['l1-hit'],
  l2HitRatio: OUTCOME_COLORS['l2-hit'],
  dbReadsPerSec: OUTCOME_COLORS.db,
  dbPeakConcurrency: OUTCOME_COLORS.db,
  p50Ms: 'var(--c-accent)',
  p99Ms: 'var(--c-fg)',
  staleReads: OUTCOME_COLORS.stale,
  lostWrites: 'var(--c-error)',
  errors: 'var(--c-error)',
};

export const metricColor = (id: HeadlineId): string => COLORS[id];
