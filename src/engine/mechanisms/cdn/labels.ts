/**
 * The labels of the cdn mechanism's run figures (its figures.ts), by figure id: its part of the
 * label map every screen and the CLI use (src/labels/figures.ts).
 */
export const cdnLabels = {
  cdnHits: 'CDN hits / misses',
  cdnStaleHits: 'stale edge hits / purges',
  crossUserLeaks: "another user's data served",
  cdnServedWhileRevalidating: 'served stale while revalidating',
  cdnServedIfError: 'errors answered with a stale copy',
  cdnRevalidations: 'revalidations sent / failed',
  cdnServedAge: 'age of stale copies served',
} as const;
