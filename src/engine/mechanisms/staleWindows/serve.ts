import { shardOf } from '../../flow/addressing.ts';
import type { Ctx } from '../../flow/context.ts';
import { JOB_WRITE } from '../../flow/jobs.ts';
import { recordStale } from '../../flow/metrics.ts';
import { recordClientOutcome, traceResponse } from '../../flow/reply.ts';
import type { Outcome } from '../../flow/types.ts';
import { l1PastTtl } from './l1.ts';
import { countServed, MARK_SIE, modelOf, stateOf, type TierCounts } from './state.ts';

/**
 * stale-if-error: a client read is about to be answered with an error (Redis or the database failed
 * or timed out). The instance answers with its own L1 copy instead, if it is within the L1's window,
 * or else with the copy Redis held past its TTL (kept with the job by l2.ts), within Redis's. The
 * answer is judged stale like any other: older than what clients were told.
 */
export function replyIfError(c: Ctx, job: number, end: number, _version: number, outcome: Outcome): boolean {
  if (outcome !== 'error') return false;
  const s = c.s;
  const j = s.jobs;
  const kind = j.kind[job]!;
  if (kind === JOB_WRITE || c.plan.clientJob[kind] === 0) return false;
  const w = modelOf(c);
  const x = stateOf(c);
  const key = j.key[job]!;
  if (w.l1 !== null && c.m.l1Enabled) {
    const copy = l1PastTtl(c, w.l1, j.instance[job]!, key);
    if (copy !== null && copy.pastMs < w.l1.sie) {
      serve(c, job, x.l1, j.instance[job]!, copy.version, copy.pastMs, 'l1-hit', end);
      return true;
    }
  }
  if (w.l2 === null || job >= x.markId.length) return false;
  if (x.markId[job] !== j.requestId[job] || x.mark[job] !== MARK_SIE) return false;
  const past = s.now - x.markSoft[job]!;
  if (past >= w.l2.sie) return false;
  serve(c, job, x.l2, shardOf(c.m, key), x.markVersion[job]!, past, 'l2-hit', end);
  return true;
}

/** Answers the read with the copy, counted as the client sees it (the flow then frees the job). */
function serve(
  c: Ctx,
  job: number,
  tier: TierCounts,
  node: number,
  version: number,
  pastMs: number,
  outcome: Outcome,
  end: number,
): void {
  const s = c.s;
  const key = s.jobs.key[job]!;
  countServed(tier, node, pastMs, true);
  const dbVersion = s.db.latest[key]!;
  const stale = version < dbVersion;
  if (stale) recordStale(s.metrics, s.now - s.db.latestAt[key]!);
  recordClientOutcome(c, job, outcome, stale, end);
  if (c.trace) traceResponse(c, job, s.now, end, stale ? 'stale' : outcome, version, dbVersion);
}
