import { createReadStream, statSync } from 'node:fs';
import { TraceReader, type ReadOptions } from '../../trace/read/index.ts';
import { TraceError, type Trace } from '../../trace/types.ts';
import { sampleRateAfter, TRACE_LIMITS, TraceTooLong } from '../../trace/limits.ts';
import { InputError } from '../input.ts';
import { clip } from '../../scenario/quote.ts';

type FileOptions = Omit<ReadOptions, 'name' | 'fileBytes' | 'maxRequests'>;

/**
 * Reads a trace file in 1 MiB chunks. A trace longer than an exact pass keeps is read again with the
 * SHARDS rate its length calls for (unless a rate was given), and `onNote` says so. A bad file becomes
 * an InputError (exit 2, one line naming the file and the line or byte).
 */
export async function readTraceFile(
  path: string,
  options: FileOptions = {},
  onNote?: (note: string) => void,
): Promise<Trace> {
  const fileBytes = fileSize(path);
  const once = async (sampleRate: number | undefined): Promise<Trace> => {
    const reader = new TraceReader({
      ...options,
      ...(sampleRate === undefined ? {} : { sampleRate }),
      name: path,
      fileBytes,
      maxRequests: TRACE_LIMITS.exactRequests,
    });
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }))
      reader.push(chunk as Uint8Array);
    return reader.finish();
  };
  try {
    try {
      return await once(options.sampleRate);
    } catch (e) {
      if (!(e instanceof TraceTooLong) || options.sampleRate !== undefined) throw e;
      const rate = sampleRateAfter(e);
      onNote?.(`${e.message}; reading it again with 1 key in ${Math.round(1 / rate)}`);
      return await once(rate);
    }
  } catch (e) {
    if (e instanceof TraceError) throw new InputError(`${clip(path)}: ${e.message}`);
    throw e;
  }
}

function fileSize(path: string): number {
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) throw new InputError(`cannot read ${clip(path)}: it is a directory`);
    return stat.size;
  } catch (e) {
    if (e instanceof InputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(
      `cannot read ${clip(path)}: ${code === 'ENOENT' ? 'no such file' : (code ?? 'unreadable')}`,
    );
  }
}
