import { TraceError } from './types.ts';

/**
 * How much of a trace is held for an exact pass. At 17 bytes a request (time, key, size, operation)
 * 16 M requests take about 270 MB, which a browser tab and a small CI machine both hold. A longer
 * trace is read again with SHARDS spatial sampling: a fixed fraction of its keys, all their requests.
 */
export const TRACE_LIMITS = {
  exactRequests: 16_000_000,
} as const;

/** Thrown by the reader when a trace holds more requests than it may keep; says how far it got. */
export class TraceTooLong extends TraceError {
  constructor(
    readonly requests: number,
    /** Fraction of the file's bytes read when the limit was reached (0..1), to estimate the whole. */
    readonly fractionRead: number,
  ) {
    super(
      `the trace holds more than ${requests.toLocaleString('en-US')} requests, more than an exact pass keeps: sample it (SHARDS)`,
    );
  }
}

/**
 * The sampling rate for a trace that stopped at the limit: one key in N, with N a whole number chosen
 * so the sample is expected to fill at most 80 % of the limit.
 */
export function sampleRateAfter(tooLong: TraceTooLong): number {
  const estimate = tooLong.requests / Math.max(1e-9, tooLong.fractionRead);
  return 1 / Math.max(2, Math.ceil(estimate / (0.8 * tooLong.requests)));
}
