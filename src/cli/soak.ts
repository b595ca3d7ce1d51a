import { createSimulation } from '../engine/index.ts';
import { getPreset, presetIds } from '../scenario/presets/index.ts';
import { validateFieldValue } from '../scenario/validate.ts';
import { clip } from '../scenario/quote.ts';

/**
 * `npm run soak -- <preset> [--minutes N] [--rps N] [--sample-ms N]`: runs a preset for N simulated
 * minutes (60 by default) and prints, per simulated minute, the process's resident memory and its heap
 * after a garbage collection, so a leak shows as a line that keeps climbing, and the length of the
 * run's time series (bounded: see the engine's series.ts). `--rps` replaces the preset's rate (and
 * drops its phases, so the rate holds all along); `--sample-ms` the sample interval (1 s by default,
 * as in the app). Run through `node --expose-gc` so the heap figure is what is live, not what is
 * waiting to be collected.
 */

const USAGE = 'usage: npm run soak -- <preset> [--minutes N] [--rps N] [--sample-ms N]';

function fail(message: string): never {
  process.stderr.write(`soak: ${message}\n${USAGE}\n`);
  process.exit(2);
}

interface Args {
  preset: string;
  minutes: number;
  rps: number | null;
  sampleMs: number;
}

function parse(argv: readonly string[]): Args {
  let preset: string | undefined;
  let minutes = 60;
  let rps: number | null = null;
  let sampleMs = 1000;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--sample-ms') {
      sampleMs = Number(argv[++i]);
      if (!Number.isInteger(sampleMs) || sampleMs < 1)
        fail(`--sample-ms: expected a whole number of ms, at least 1`);
    } else if (arg === '--minutes' || arg === '--rps') {
      const value = Number(argv[++i]);
      const field = arg === '--minutes' ? 'durationMs' : 'workload.rps';
      const error = validateFieldValue(field, arg === '--minutes' ? value * 60_000 : value);
      if (!Number.isFinite(value) || error) fail(`${arg}: ${error?.message ?? `not a number`}`);
      if (arg === '--minutes') minutes = value;
      else rps = value;
    } else if (preset === undefined && !arg.startsWith('-')) preset = arg;
    else fail(`unexpected argument ${clip(arg)}`);
  }
  if (preset === undefined) fail('missing preset id');
  return { preset, minutes, rps, sampleMs };
}

const args = parse(process.argv.slice(2));
const scenario = getPreset(args.preset);
if (!scenario) fail(`unknown preset "${clip(args.preset)}"; known presets: ${presetIds.join(', ')}`);
if (args.rps !== null) {
  scenario.workload.rps = args.rps;
  scenario.workload.phases = [];
}
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) process.stderr.write('soak: run with node --expose-gc for heap figures after collection\n');

const mb = (bytes: number): string => (bytes / 1024 / 1024).toFixed(2).padStart(8);
const sim = createSimulation(scenario, {
  durationMs: args.minutes * 60_000,
  sampleIntervalMs: args.sampleMs,
});
const t0 = performance.now();
process.stdout.write(
  `${args.preset} at ${scenario.workload.rps} requests/s for ${args.minutes} simulated minutes, sampled every ${args.sampleMs} ms\n` +
    // Typed arrays (the engine's tables) live outside the JS heap: their buffers are a column of their own.
    'minute    requests  events/s wall   rss MB  heap MB  buffers MB  series (points x ms)  (after GC)\n',
);
for (let minute = 1; minute <= args.minutes; minute++) {
  const w0 = performance.now();
  const before = sim.summary().events;
  sim.runUntil(minute * 60_000);
  const summary = sim.summary();
  const rate = (summary.events - before) / ((performance.now() - w0) / 1000);
  gc?.();
  const mem = process.memoryUsage();
  process.stdout.write(
    `${String(minute).padStart(6)} ${String(summary.requests).padStart(11)} ${String(Math.round(rate)).padStart(9)} ` +
      `${mb(mem.rss)} ${mb(mem.heapUsed)} ${mb(mem.arrayBuffers)}    ` +
      `${String(summary.series.points.length).padStart(6)} x ${summary.series.intervalMs}\n`,
  );
}
process.stdout.write(`done in ${((performance.now() - t0) / 1000).toFixed(0)} s wall\n`);
