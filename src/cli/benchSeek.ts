import { cpus, loadavg } from 'node:os';
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
 * Three rounds, interleaved; the best of each figure is given, the median beside it. Times are CPU
 * time of this process (user + system): on a machine shared with other work, wall time also counts
 * the time spent waiting for a core; the wall figures are printed beside them.
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

/** CPU ms (user + system) and wall ms that `fn` took. */
const time = (fn: () => void): { cpu: number; wall: number } => {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  fn();
  const c = process.cpuUsage(c0);
  return { cpu: (c.user + c.system) / 1000, wall: performance.now() - t0 };
};

interface Round {
  untracedMs: { cpu: number; wall: number };
  coldSeekMs: { cpu: number; wall: number };
  backSeekMs: { cpu: number; wall: number };
  snapshotBytes: number;
  snapshots: number;
  /** Heap the run holds after it (snapshots, series, state), measured after a GC when exposed. */
  heapBytes: number;
}

const gc = (globalThis as { gc?: () => void }).gc;
/** JavaScript heap plus the typed arrays' buffers, which live outside it. */
const heapAfterGc = (): number => {
  gc?.();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};

function round(): Round {
  const untracedMs = time(() => createSimulation(scenario, { trace: false }).runUntil(far));
  const heapBefore = heapAfterGc();
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
    heapBytes: heapAfterGc() - heapBefore,
  };
}

// One unmeasured round compiles the hot paths, as a page that has been open a while would have.
round();
const rounds = [round(), round(), round()];
const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const ratios = sorted(rounds.map((r) => r.coldSeekMs.cpu / r.untracedMs.cpu));
const wallRatios = sorted(rounds.map((r) => r.coldSeekMs.wall / r.untracedMs.wall));
const backs = sorted(rounds.map((r) => r.backSeekMs.cpu));
const backsWall = sorted(rounds.map((r) => r.backSeekMs.wall));
const last = rounds[rounds.length - 1]!;
const r2 = (x: number) => Math.round(x * 100) / 100;
const result = {
  preset: presetId,
  durationMs,
  coldSeekRatio: r2(ratios[0]!),
  medianColdSeekRatio: r2(ratios[1]!),
  wallColdSeekRatio: r2(wallRatios[1]!),
  coldSeekMs: Math.round(Math.min(...rounds.map((r) => r.coldSeekMs.cpu))),
  untracedMs: Math.round(Math.min(...rounds.map((r) => r.untracedMs.cpu))),
  backSeekMs: Math.round(backs[0]!),
  medianBackSeekMs: Math.round(backs[1]!),
  wallBackSeekMs: Math.round(backsWall[1]!),
  snapshotBytes: last.snapshotBytes,
  snapshots: last.snapshots,
  runHeapBytes: last.heapBytes,
  heapMeasuredAfterGc: gc !== undefined,
  targets: { coldSeekRatio: 1.3, backSeekMs: 250, snapshotBytes: 64 * 1024 * 1024 },
  cpu: cpus()[0]?.model.trim() ?? 'unknown',
  cores: cpus().length,
  load: loadavg()[0] ?? 0,
  node: process.version,
};

if (json) process.stdout.write(`${JSON.stringify(result)}\n`);
else {
  const mb = (b: number) => `${(b / 1024 / 1024).toFixed(1)} MiB`;
  const lines = [
    `Seek benchmark: ${presetId}, ${minutes} min run, CPU time, best of 3 rounds (median, then median wall time in brackets)`,
    `  cold seek 0 -> ${far / 1000} s   ${result.coldSeekMs} ms, ${result.coldSeekRatio}x the untraced engine's ${result.untracedMs} ms (${result.medianColdSeekRatio}x, wall ${result.wallColdSeekRatio}x; target <= 1.3)`,
    `  back seek -> ${near / 1000} s    ${result.backSeekMs} ms (${result.medianBackSeekMs} ms, wall ${result.wallBackSeekMs} ms; target <= 250)`,
    `  snapshots kept     ${result.snapshots}, ${mb(result.snapshotBytes)} (target <= 64 MiB)`,
    `  memory the run holds ${mb(result.runHeapBytes)} (heap and typed arrays${gc ? ', after a GC' : ', no GC exposed'})`,
    `  machine            ${result.cpu}, ${result.cores} cores, load ${result.load.toFixed(1)}, Node ${result.node}`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}
