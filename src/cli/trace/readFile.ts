import { createReadStream, statSync } from 'node:fs';
import { TraceReader, type ReadOptions } from '../../trace/read/index.ts';
import { TraceError, type Trace } from '../../trace/types.ts';
import { InputError } from '../input.ts';
import { clip } from '../../scenario/quote.ts';

/** Reads a trace file in 1 MiB chunks; a bad file becomes an InputError (exit 2, one line). */
export async function readTraceFile(
  path: string,
  options: Omit<ReadOptions, 'name' | 'fileBytes'> = {},
): Promise<Trace> {
  let fileBytes: number;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) throw new InputError(`cannot read ${clip(path)}: it is a directory`);
    fileBytes = stat.size;
  } catch (e) {
    if (e instanceof InputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(
      `cannot read ${clip(path)}: ${code === 'ENOENT' ? 'no such file' : (code ?? 'unreadable')}`,
    );
  }
  const reader = new TraceReader({ ...options, name: path, fileBytes });
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
      reader.push(chunk as Uint8Array);
    }
    return reader.finish();
  } catch (e) {
    if (e instanceof TraceError) throw new InputError(`${clip(path)}: ${e.message}`);
    throw e;
  }
}
