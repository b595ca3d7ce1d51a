import { cpus } from 'node:os';
import { createSimulation } from '../engine/index.ts';
import { Driver } from '../runtime/driver.ts';
import { getPreset, presetIds } from '../scenario/presets/index.ts';

/**
 * `npm run bench:seek [-- --json] [--preset ID] [--minutes N]`: how fast the app's timeline seeks, and
 * what its snapshots hold, on a 10-minute `baseline` unless told otherwise. It drives the Driver the
 * engine's worker runs, in this process:
 * - coldSeekRatio: a seek from 0 to 9/10 of the run, over the untraced engine's time to simulate
 *   the same stretch in the same process (so the machine's speed cancels out; target <= 1.3);
 * - backSeekMs: from there back to 1/10 of the run (target <= 250 ms);
 * - snapshotBytes: what the snapshots hold once the whole run has been seen (target <= 64 MiB).
 * Three rounds, interleaved; the best of each figure is given, the median beside it.
 */

function usage(message: string): never {
  process.stderr.write(
    `bench:seek: ${message}\nusage: npm run bench:seek [-- --json] [--preset ID] [--minutes N]\n`,
  );
  process.exit(2);
}

const argv = process.argv.slice(2);
let json = false;
let presetId = 'baseline';
let minutes = 10;
for (let i = 0; i < argv.length; i++) {
  const a = argv[i]!;
  if (a === '--json') json = true;
  else if (a === '--preset') presetId = argv[++i] ?? usage('--preset needs a preset id');
  else if (a === '--minutes') {
    minutes = Number(argv[++i]);
    if (!(minutes > 0 && minutes <= 1440)) usage('--minutes needs a number of minutes, 1440 at most');
  } else usage(`unknown argument ${a}`);
}
const preset = getPreset(presetId);
if (!preset) usage(`no preset "${presetId}"; presets: ${presetIds.join(', ')}`);
const durationMs = minutes * 60_000;
const scenario = { ...preset, durationMs };
const far = Math.round(durationMs * 0.9);
const near = Math.round(durationMs * 0.1);

const time = (fn: () => void): number => {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
};

interface Round {
  untracedMs: number;
  coldSeekMs: number;
  backSeekMs: number;
  snapshotBytes: number;
  snapshots: number;
}

function round(): Round {
  const untracedMs = time(() => createSimulation(scenario, { trace: false }).runUntil(far));
  const driver = new Driver(scenario, createSimulation);
  const coldSeekMs = time(() => driver.seek(far));
  const backSeekMs = time(() => driver.seek(near));
  driver.seek(durationMs);
  return {
    untracedMs,
    coldSeekMs,
    backSeekMs,
    snapshotBytes: driver.snapshots.bytes,
    snapshots: driver.snapshots.size,
  };
}

// One unmeasured round compiles the hot paths, as a page that has been open a while would have.
round();
const rounds = [round(), round(), round()];
const ratios = rounds.map((r) => r.coldSeekMs / r.untracedMs).sort((a, b) => a - b);
const backs = rounds.map((r) => r.backSeekMs).sort((a, b) => a - b);
const last = rounds[rounds.length - 1]!;
const r2 = (x: number) => Math.round(x * 100) / 100;
const result = {
  preset: presetId,
  durationMs,
  coldSeekRatio: r2(ratios[0]!),
  medianColdSeekRatio: r2(ratios[1]!),
  coldSeekMs: Math.round(Math.min(...rounds.map((r) => r.coldSeekMs))),
  untracedMs: Math.round(Math.min(...rounds.map((r) => r.untracedMs))),
  backSeekMs: Math.round(backs[0]!),
  medianBackSeekMs: Math.round(backs[1]!),
  snapshotBytes: last.snapshotBytes,
  snapshots: last.snapshots,
  heapUsedBytes: process.memoryUsage().heapUsed,
  targets: { coldSeekRatio: 1.3, backSeekMs: 250, snapshotBytes: 64 * 1024 * 1024 },
  cpu: cpus()[0]?.model.trim() ?? 'unknown',
  cores: cpus().length,
  node: process.version,
};

if (json) process.stdout.write(`${JSON.stringify(result)}\n`);
else {
  const mb = (b: number) => `${(b / 1024 / 1024).toFixed(1)} MiB`;
  const lines = [
    `Seek benchmark: ${presetId}, ${minutes} min run, best of 3 rounds (median in brackets)`,
    `  cold seek 0 -> ${far / 1000} s   ${result.coldSeekMs} ms, ${result.coldSeekRatio}x the untraced engine's ${result.untracedMs} ms (${result.medianColdSeekRatio}x; target <= 1.3)`,
    `  back seek -> ${near / 1000} s    ${result.backSeekMs} ms (${result.medianBackSeekMs} ms; target <= 250)`,
    `  snapshots kept     ${result.snapshots}, ${mb(result.snapshotBytes)} (target <= 64 MiB)`,
    `  heap used          ${mb(result.heapUsedBytes)}`,
    `  machine            ${result.cpu}, ${result.cores} cores, Node ${result.node}`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}
