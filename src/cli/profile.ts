import { Session, type Profiler } from 'node:inspector/promises';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runScenario } from '../engine/index.ts';
import { getPreset, presetIds } from '../scenario/presets/index.ts';

/**
 * `npm run profile [-- <preset> [--duration-ms N] [--top N]]`: where the engine's time goes. Samples the
 * CPU (V8's profiler, through the inspector) during one untraced run after a warm-up, and prints the
 * functions with the largest self time and their share of the run. Only the run is sampled, so module
 * loading and compilation do not blur the picture. V8 inlines small functions into their callers, so a
 * caller's share includes what it inlined.
 */

function usage(message: string): never {
  process.stderr.write(
    `profile: ${message}\nusage: npm run profile [-- <preset> [--duration-ms N] [--top N]]\n`,
  );
  process.exit(2);
}

const argv = process.argv.slice(2);
let presetId = 'baseline';
let durationMs = 1_000_000;
let top = 25;
for (let i = 0; i < argv.length; i++) {
  const arg = argv[i]!;
  if (arg === '--duration-ms' || arg === '--top') {
    const n = Number(argv[++i]);
    if (!Number.isInteger(n) || n < 1) usage(`${arg} needs a positive integer`);
    if (arg === '--top') top = n;
    else durationMs = n;
  } else if (arg.startsWith('--')) usage(`unknown option ${arg}`);
  else presetId = arg;
}
const scenario = getPreset(presetId);
if (!scenario) usage(`unknown preset "${presetId}"; known presets: ${presetIds.join(', ')}`);

// Warm-up: the profile should show the optimised code, not the interpreter.
runScenario(scenario, { durationMs: Math.min(durationMs, 100_000), sampleIntervalMs: 10_000 });

const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 500 });
await session.post('Profiler.start');
const t0 = performance.now();
const summary = runScenario(scenario, { durationMs, sampleIntervalMs: 10_000 });
const wallMs = performance.now() - t0;
const { profile } = await session.post('Profiler.stop');
session.disconnect();

const root = fileURLToPath(new URL('../..', import.meta.url));
const where = (url: string): string => {
  if (url === '') return '';
  const path = url.startsWith('file:') ? relative(root, fileURLToPath(url)) : url;
  return ` (${path})`;
};

/** Self time per function, summed over the profile's nodes (a function has one node per call path). */
function selfTimes(p: Profiler.Profile): { total: number; byFunction: Map<string, number> } {
  const nodes = new Map(p.nodes.map((n) => [n.id, n]));
  const byFunction = new Map<string, number>();
  let total = 0;
  const samples = p.samples ?? [];
  const deltas = p.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) {
    const frame = nodes.get(samples[i]!)!.callFrame;
    if (frame.functionName === '(idle)') continue;
    const name = `${frame.functionName || '(anonymous)'}${where(frame.url)}`;
    const dt = deltas[i] ?? 0;
    byFunction.set(name, (byFunction.get(name) ?? 0) + dt);
    total += dt;
  }
  return { total, byFunction };
}

const { total, byFunction } = selfTimes(profile);
const rows = [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, top);
const f = (n: number): string => n.toLocaleString('en-US');
const lines = [
  `Profile: ${presetId}, ${f(durationMs)} ms simulated, ${f(summary.requests)} requests in ${f(Math.round(wallMs))} ms` +
    ` (${f(Math.round(summary.requests / (wallMs / 1000)))} requests/s while sampled)`,
  `  self time  function`,
  ...rows.map(([name, t]) => `  ${((100 * t) / total).toFixed(1).padStart(7)} %  ${name}`),
];
process.stdout.write(`${lines.join('\n')}\n`);
