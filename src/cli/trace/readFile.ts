import { createReadStream, statSync } from 'node:fs';
import { readTraceStream, type StreamOptions } from '../../trace/read/stream.ts';
import { TraceError, type Trace } from '../../trace/types.ts';
import { InputError } from '../input.ts';
import { clip } from '../../scenario/quote.ts';

/**
 * Reads a trace file in 1 MiB chunks (sampled when it is too long for an exact pass; `onNote` says so).
 * A bad file becomes an InputError (exit 2, one line naming the file and the line or byte).
 */
export async function readTraceFile(
  path: string,
  options: Omit<StreamOptions, 'name' | 'fileBytes' | 'onNote'> = {},
  onNote?: (note: string) => void,
): Promise<Trace> {
  const fileBytes = fileSize(path);
  try {
    return await readTraceStream(() => createReadStream(path, { highWaterMark: 1 << 20 }), {
      ...options,
      name: path,
      fileBytes,
      ...(onNote ? { onNote } : {}),
    });
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
