import { closeSync, openSync, writeSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import type { MadeRequest, RunOptions, Scenario, Summary } from '../../engine/types.ts';
import { clip } from '../../scenario/quote.ts';
import { traceCsvChunks, type TraceRow } from '../../trace/csvWriter.ts';
import { replayScenario, workloadOf } from '../../trace/replay.ts';
import { TraceError, type OpName } from '../../trace/types.ts';
import type { SimArgs } from '../args.ts';
import { InputError } from '../input.ts';
import { readTraceFile } from './readFile.ts';

/**
 * `npm run sim`'s traces: the trace a run replays (`--trace`, or the scenario's `workload.trace.name`,
 * a path relative to the scenario file), read into the run's options; and the run's request stream
 * written as a plain CSV trace (`--export-trace`).
 */

/** The scenario to run: `scenario` itself, or its replay of the trace named, its requests in `options`. */
export async function withTrace(
  scenario: Scenario,
  args: Pick<SimArgs, 'target' | 'trace' | 'format' | 'timeScale' | 'sampleRate'>,
  options: RunOptions,
): Promise<Scenario> {
  const named = scenario.workload.trace;
  let path = args.trace;
  if (path === undefined && named !== null)
    path =
      isAbsolute(named.name) || args.target === '-' ? named.name : resolve(dirname(args.target), named.name);
  if (path === undefined) {
    if (args.format !== undefined || args.timeScale !== undefined || args.sampleRate !== undefined)
      throw new InputError(
        '--format, --time-scale and --sample apply to a trace: give one with --trace <file>',
      );
    return scenario;
  }
  const format = args.format ?? named?.format ?? undefined;
  const read = {
    ...(format === undefined ? {} : { format }),
    ...(args.sampleRate === undefined ? {} : { sampleRate: args.sampleRate }),
  };
  const trace = await readTraceFile(path, read, (note) => process.stderr.write(`sim: ${note}\n`));
  if (trace.truncated !== null) process.stderr.write(`sim: ${clip(path)}: ${trace.truncated}\n`);
  try {
    const replay = replayScenario(scenario, trace, {
      name: args.trace ?? named?.name ?? path,
      ...(args.timeScale === undefined ? {} : { timeScale: args.timeScale }),
    });
    options.workload = workloadOf(trace);
    return replay;
  } catch (e) {
    if (e instanceof TraceError) throw new InputError(`${clip(path)}: ${e.message}`);
    throw e;
  }
}

/** The table's first line for a replay: which trace, how much of it, how fast; '' for drawn traffic. */
export function replayLine(summary: Summary): string {
  const r = summary.replay;
  if (r === undefined) return '';
  const n = (x: number) => x.toLocaleString('en-US');
  return `Replay of ${clip(r.trace)}: ${n(r.made)} of ${n(r.traceRequests)} requests, time scale ${r.timeScale}${r.deletes > 0 ? `, ${n(r.deletes)} deletes` : ''}\n\n`;
}

const OPS: readonly OpName[] = ['get', 'set', 'delete'];

/** Collects the requests a run makes (through `options.onRequest`). */
export function requestRecorder(options: RunOptions): MadeRequest[] {
  const made: MadeRequest[] = [];
  options.onRequest = (r) => made.push(r);
  return made;
}

/** The requests as plain CSV trace rows (keys as the engine names them, TTLs in whole seconds). */
export function* requestRows(made: readonly MadeRequest[]): Generator<TraceRow> {
  for (const r of made) {
    const row: TraceRow = {
      timeMs: r.timeMs,
      key: `key:${r.key}`,
      size: r.valueBytes,
      op: OPS[r.kind] ?? 'get',
    };
    if (Number.isFinite(r.l2TtlMs) && r.l2TtlMs > 0) row.ttlS = Math.max(1, Math.round(r.l2TtlMs / 1000));
    yield row;
  }
}

export function writeRequestsCsv(path: string, made: readonly MadeRequest[]): void {
  const ttl = made.some((r) => Number.isFinite(r.l2TtlMs) && r.l2TtlMs > 0);
  let fd: number;
  try {
    fd = openSync(path, 'w');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(`cannot write ${clip(path)}: ${code ?? 'unwritable'}`);
  }
  try {
    for (const chunk of traceCsvChunks(requestRows(made), { size: true, op: true, ttl }))
      writeSync(fd, chunk);
  } finally {
    closeSync(fd);
  }
  process.stderr.write(`sim: wrote ${made.length} requests to ${clip(path)}\n`);
}
