import type { StaleServed } from '../../engine/types.ts';
import { formatCount } from '../format.ts';

/** Where the copies were served from: an instance's L1, a Redis shard's keys, the CDN edge. */
export type StaleTier = 'L1' | 'Redis' | 'CDN';

const FROM: Record<StaleTier, string> = {
  L1: 'from its L1',
  Redis: "from this shard's keys",
  CDN: 'at the edge',
};

/** Which window served them, in the badge's words: "SWR", "if-error", or "stale" for both. */
function windowWord(s: StaleServed): string {
  if (s.whileRevalidating > 0 && s.ifError > 0) return 'stale';
  return s.whileRevalidating > 0 ? 'SWR' : 'if-error';
}

/**
 * What the badge says in full (its tooltip, and the card's accessible description), or null when no
 * copy was served past its TTL yet.
 *
 * @example staleServedText({ whileRevalidating: 12, ifError: 0 }, 'L1')
 * // "Copies served past their TTL on purpose from its L1: 12 within stale-while-revalidate (a refresh sent), 0 for an error (stale-if-error)"
 */
export function staleServedText(s: StaleServed | undefined, tier: StaleTier): string | null {
  if (s === undefined || s.whileRevalidating + s.ifError === 0) return null;
  return (
    `Copies served past their TTL on purpose ${FROM[tier]}: ${formatCount(s.whileRevalidating)} within ` +
    `stale-while-revalidate (a refresh sent), ${formatCount(s.ifError)} for an error (stale-if-error)`
  );
}

/**
 * The stale windows at work on a node: how many copies it served past their TTL on purpose so far,
 * and by which window ("SWR 1,204", "if-error 37"); nothing before the first. `countClass`: the fit
 * level (fit.css) at which a card that runs out of room leaves the count out, keeping the window's word.
 */
export function StaleServedBadge({
  served,
  tier,
  countClass = 'fit-hide-1',
}: {
  served: StaleServed | undefined;
  tier: StaleTier;
  countClass?: string;
}) {
  const title = staleServedText(served, tier);
  if (served === undefined || title === null) return null;
  return (
    <span className="badge stale-served" title={title} data-stale-served={tier}>
      {windowWord(served)}
      <span className={countClass}> {formatCount(served.whileRevalidating + served.ifError)}</span>
    </span>
  );
}
