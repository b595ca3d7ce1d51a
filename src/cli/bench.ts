import { cpus } from 'node:os';
import { runScenario } from '../engine/index.ts';
import { getPreset } from '../scenario/presets/index.ts';

/**
 * `npm run bench [-- --json]`: the engine's headless speed on the baseline preset, tracing off.
 * The budget is 1 000 000 simulated requests per wall-clock second; this reports what it measures,
 * with the machine, so figures from different laptops are not compared blindly.
 */

// Aims at 2 s a run (three runs): long runs slow down a little as the caches fill, landing near 2-3 s each.
const TARGET_WALL_MS = 2000;
const WARMUP_SIM_MS = 10_000;

function usage(): never {
  process.stderr.write('bench: usage: npm run bench [-- --json]\n');
  process.exit(2);
}

const argv = process.argv.slice(2);
if (argv.some((a) => a !== '--json')) usage();
const json = argv.includes('--json');

const scenario = getPreset('baseline');
if (!scenario) throw new Error('the baseline preset is missing');

// Warm-up and calibration: the first runs pay for JIT compilation and per-run setup (the Zipf table),
// so the run length doubles until one takes long enough to tell how much simulated time fits in ~4 s.
let calibrationMs = WARMUP_SIM_MS;
let simMsPerWallMs: number;
for (;;) {
  const w0 = performance.now();
  runScenario(scenario, { durationMs: calibrationMs, sampleIntervalMs: 10_000 });
  const wall = performance.now() - w0;
  simMsPerWallMs = calibrationMs / Math.max(wall, 1);
  if (wall >= 800 || calibrationMs >= 86_400_000 / 2) break;
  calibrationMs *= 2;
}
const durationMs = Math.min(86_400_000, Math.max(WARMUP_SIM_MS, Math.round(simMsPerWallMs * TARGET_WALL_MS)));

// Three measured runs: a shared machine's neighbours slow single runs by 10-20 %, so the best run is the
// figure (the engine is deterministic: every run does exactly the same work) and the median is shown too.
const runs: { wallMs: number; requests: number; events: number }[] = [];
for (let i = 0; i < 3; i++) {
  const t0 = performance.now();
  const summary = runScenario(scenario, { durationMs, sampleIntervalMs: 10_000 });
  runs.push({ wallMs: performance.now() - t0, requests: summary.requests, events: summary.events });
}
const byWall = [...runs].sort((a, b) => a.wallMs - b.wallMs);
const best = byWall[0]!;
const median = byWall[1]!;
const perSec = (n: number, wallMs: number): number => Math.round(n / (wallMs / 1000));

const result = {
  preset: 'baseline',
  simulatedMs: durationMs,
  runs: runs.length,
  wallMs: Math.round(best.wallMs),
  requests: best.requests,
  events: best.events,
  requestsPerSec: perSec(best.requests, best.wallMs),
  eventsPerSec: perSec(best.events, best.wallMs),
  medianRequestsPerSec: perSec(median.requests, median.wallMs),
  targetRequestsPerSec: 1_000_000,
  cpu: cpus()[0]?.model.trim() ?? 'unknown',
  cores: cpus().length,
  node: process.version,
};

if (json) {
  process.stdout.write(`${JSON.stringify(result)}\n`);
} else {
  const f = (n: number): string => n.toLocaleString('en-US');
  const lines = [
    `Benchmark: baseline preset, ${f(durationMs)} ms simulated, best of ${result.runs} runs ${f(result.wallMs)} ms (tracing off)`,
    `  requests       ${f(result.requests)}`,
    `  events         ${f(result.events)}`,
    `  requests/s     ${f(result.requestsPerSec)}  (median ${f(result.medianRequestsPerSec)}; target ${f(result.targetRequestsPerSec)})`,
    `  events/s       ${f(result.eventsPerSec)}`,
    `  machine        ${result.cpu}, ${result.cores} cores, Node ${result.node}`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}
