import { loadavg, cpus } from 'node:os';
import { InputError, runCli } from './input.ts';
import { readTraceFile } from './trace/readFile.ts';
import { zipfTrace } from './trace/zipfTrace.ts';
import { curveInput, type CurveInput } from '../trace/mrc/types.ts';
import { lruStackCurve } from '../trace/mrc/lruCurve.ts';
import { simulateLru } from '../trace/mrc/simulate.ts';
import { defaultSizes } from '../trace/mrc/grid.ts';
import { fmtBytes } from './table.ts';

/**
 * `npm run bench:mrc [-- <trace file>] [--requests N] [--keys K] [--rounds N] [--with-map] [--json]`:
 * the whole exact LRU curve (one pass, every default size) beside one straightforward LRU simulation
 * at one size, over the same trace, alternated round by round so both see the same machine load. The
 * target: the curve at most 2x. Without a file the trace is generated (Zipf 0.9, 100 B-64 KiB), by
 * default 5 M requests over 1 M keys, whose arrays exceed the processor's caches; `--requests
 * 1000000 --keys 200000` is a small one whose arrays fit in them, where the simulation waits little
 * on memory. The yardstick is the typed-array simulation (a linked list over key ids, what the
 * curves use below the largest object), the fastest straightforward one here; `--with-map` adds a
 * textbook one on a JavaScript Map, which is far slower at a million keys (deletions churn the Map).
 */

function mapLru(input: CurveInput, capacity: number): number {
  const cache = new Map<number, number>();
  let used = 0;
  let misses = 0;
  for (const x of input.key) {
    const size = input.objectSize[x] as number;
    if (cache.delete(x)) {
      cache.set(x, size);
      continue;
    }
    misses++;
    if (size > capacity) continue;
    while (used + size > capacity) {
      const [victim, victimSize] = cache.entries().next().value as [number, number];
      cache.delete(victim);
      used -= victimSize;
    }
    cache.set(x, size);
    used += size;
  }
  return misses;
}

/** CPU time of one call in ms (user + system): on a shared, loaded machine it varies less than wall time. */
function time(run: () => unknown): number {
  const t0 = process.cpuUsage();
  run();
  const t = process.cpuUsage(t0);
  return (t.user + t.system) / 1000;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

async function main(argv: readonly string[]): Promise<number> {
  let file: string | undefined;
  let rounds = 5;
  let json = false;
  let withMap = false;
  let requests = 5_000_000;
  let keys = 1_000_000;
  const count = (name: string, text: string | undefined) => {
    const n = Number(text);
    if (!Number.isInteger(n) || n < 1 || n > 100_000_000)
      throw new InputError(`${name}: expected 1 to 100 M`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--json') json = true;
    else if (arg === '--with-map') withMap = true;
    else if (arg === '--rounds') {
      rounds = Number(argv[++i]);
      if (!Number.isInteger(rounds) || rounds < 1 || rounds > 100)
        throw new InputError('--rounds: expected 1 to 100');
    } else if (arg === '--requests') requests = count(arg, argv[++i]);
    else if (arg === '--keys') keys = count(arg, argv[++i]);
    else if (arg.startsWith('-'))
      throw new InputError(
        `unknown option ${arg} (bench:mrc [file] [--requests N] [--keys K] [--rounds N] [--with-map] [--json])`,
      );
    else file = arg;
  }
  const trace = file ? await readTraceFile(file) : zipfTrace(requests, keys, 0.9);
  const input = curveInput(trace);
  let workingSet = 0;
  let largest = 0;
  for (const s of input.objectSize) {
    workingSet += s;
    largest = Math.max(largest, s);
  }
  const sizes = defaultSizes(workingSet, largest);
  const one = sizes[Math.floor(sizes.length / 2)] as number;
  const curve: number[] = [];
  const typed: number[] = [];
  const map: number[] = [];
  for (let r = 0; r < rounds; r++) {
    curve.push(time(() => lruStackCurve(input, sizes)));
    typed.push(time(() => simulateLru(input, one)));
    if (withMap) map.push(time(() => mapLru(input, one)));
  }
  const result = {
    trace: file ?? 'generated: Zipf 0.9, 100 B-64 KiB',
    requests: trace.length,
    uniqueKeys: trace.uniqueKeys,
    sizes: sizes.length,
    curveMs: median(curve),
    typedLruMs: median(typed),
    mapLruMs: withMap ? median(map) : null,
    ratio: median(curve) / median(typed),
    load: loadavg()[0],
    cores: cpus().length,
  };
  if (json) {
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return 0;
  }
  const ms = (x: number) => `${x.toFixed(0)} ms`;
  process.stdout.write(
    [
      `trace: ${result.trace} (${result.requests.toLocaleString('en-US')} requests, ${result.uniqueKeys.toLocaleString('en-US')} keys)`,
      `CPU time, median of ${rounds} rounds, load ${result.load?.toFixed(2)} on ${result.cores} cores`,
      `  whole LRU curve, ${sizes.length} sizes, one pass     ${ms(result.curveMs)}`,
      `  one LRU simulation at ${fmtBytes(one)} (typed arrays)  ${ms(result.typedLruMs)}`,
      ...(result.mapLruMs === null
        ? []
        : [`  one LRU simulation at ${fmtBytes(one)} (Map)           ${ms(result.mapLruMs)}`]),
      `  curve / typed-array simulation             ${result.ratio.toFixed(2)}x (target at most 2x)`,
      '',
    ].join('\n'),
  );
  return 0;
}

void runCli('bench:mrc', () => main(process.argv.slice(2)));
