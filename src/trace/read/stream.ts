import { TraceReader, type ReadOptions } from './index.ts';
import { sampleRateAfter, TRACE_LIMITS, TraceTooLong } from '../limits.ts';
import type { Trace } from '../types.ts';

export interface StreamOptions extends Omit<ReadOptions, 'maxRequests'> {
  /** Bytes of the file read so far, after each chunk (for a progress bar). */
  onBytes?: (bytes: number) => void;
  /** Said once when the trace is too long for an exact pass and is read again, sampled. */
  onNote?: (note: string) => void;
}

/**
 * Reads a trace from a source of chunks that can be opened more than once (a file). A trace longer
 * than an exact pass keeps is read again with the SHARDS rate its length calls for, unless a rate was
 * given. The CLI and the app's trace worker both read through this.
 */
export async function readTraceStream(
  open: () => AsyncIterable<Uint8Array>,
  options: StreamOptions = {},
): Promise<Trace> {
  const { onBytes, onNote, ...readOptions } = options;
  const once = async (sampleRate: number | undefined): Promise<Trace> => {
    const reader = new TraceReader({
      ...readOptions,
      ...(sampleRate === undefined ? {} : { sampleRate }),
      maxRequests: TRACE_LIMITS.exactRequests,
    });
    for await (const chunk of open()) {
      reader.push(chunk);
      onBytes?.(reader.bytesIn);
    }
    return reader.finish();
  };
  try {
    return await once(readOptions.sampleRate);
  } catch (e) {
    if (!(e instanceof TraceTooLong) || readOptions.sampleRate !== undefined) throw e;
    const rate = sampleRateAfter(e);
    onNote?.(`${e.message}; read again keeping 1 key in ${Math.round(1 / rate)}`);
    return await once(rate);
  }
}
