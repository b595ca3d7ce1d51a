import { createSimulation } from '../engine/index.ts';
import { getPreset, presetIds } from '../scenario/presets/index.ts';
import { validateFieldValue } from '../scenario/validate.ts';
import { clip } from '../scenario/quote.ts';

/**
 * `npm run soak -- <preset> [--minutes N] [--rps N]`: runs a preset for N simulated minutes (60 by
 * default) and prints, per simulated minute, the process's resident memory and its heap after a garbage
 * collection, so a leak shows as a line that keeps climbing. `--rps` replaces the preset's rate (and
 * drops its phases, so the rate holds all along). Run through `node --expose-gc` so the heap figure is
 * what is live, not what is waiting to be collected.
 */

const USAGE = 'usage: npm run soak -- <preset> [--minutes N] [--rps N]';

function fail(message: string): never {
  process.stderr.write(`soak: ${message}\n${USAGE}\n`);
  process.exit(2);
}

function parse(argv: readonly string[]): { preset: string; minutes: number; rps: number | null } {
  let preset: string | undefined;
  let minutes = 60;
  let rps: number | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--minutes' || arg === '--rps') {
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
  return { preset, minutes, rps };
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

const mb = (bytes: number): string => (bytes / 1024 / 1024).toFixed(1).padStart(8);
const sim = createSimulation(scenario, { durationMs: args.minutes * 60_000, sampleIntervalMs: 60_000 });
const t0 = performance.now();
process.stdout.write(
  `${args.preset} at ${scenario.workload.rps} requests/s for ${args.minutes} simulated minutes\n` +
    // Typed arrays (the engine's tables) live outside the JS heap: their buffers are a column of their own.
    'minute    requests  events/s wall   rss MB  heap MB  buffers MB  (after GC)\n',
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
      `${mb(mem.rss)} ${mb(mem.heapUsed)} ${mb(mem.arrayBuffers)}\n`,
  );
}
process.stdout.write(`done in ${((performance.now() - t0) / 1000).toFixed(0)} s wall\n`);
