import { availableParallelism, loadavg } from 'node:os';
import { runScenario } from '../engine/index.ts';
import { getPreset } from '../scenario/presets/index.ts';
import { planSweep, rangeValues } from '../sweep/plan.ts';
import { runOnPool, startThreads } from './sweepThreads.ts';

/**
 * `npm run bench:sweep [-- --rounds N]`: how well a sweep uses the cores. 20 points of 60 s of `baseline`
 * (the L2 TTL from 100 ms to 60 s, log-spaced) run on one worker thread per core; beside it the same 20
 * runs one after another in this process. The ratio is the sweep's time over (the sequential time /
 * cores): 1 is perfect scaling, the target is 1.3 or less.
 *
 * The sweep is timed from the threads' start (what `npm run sweep` costs, loading the engine in each
 * thread included) and from the moment they are ready (a pool kept between sweeps, as the app keeps its
 * workers). Wall time shows scaling only when the cores are free: on a shared machine with Linux's
 * autogroup scheduling, a process gets its session's share of the CPU however many threads it runs. So
 * CPU time (all threads) is measured too: the sweep's CPU time over the sequential runs' CPU time is the
 * work the parallel sweep adds, the ratio it reaches with idle cores, load imbalance aside. Rounds
 * alternate sweep and sequential runs so a neighbour's load slows both alike; the best round counts.
 */

const POINTS = 20;
const DURATION_MS = 60_000;
const TARGET = 1.3;

const argv = process.argv.slice(2);
let rounds = 3;
if (argv.length > 0) {
  rounds = argv[0] === '--rounds' && argv.length === 2 ? Number(argv[1]) : NaN;
  if (!Number.isInteger(rounds) || rounds < 1 || rounds > 20) {
    process.stderr.write('bench:sweep: usage: npm run bench:sweep [-- --rounds N]  (1 to 20, default 3)\n');
    process.exit(2);
  }
}

const base = getPreset('baseline')!;
const values = rangeValues({ from: 100, to: 60_000, steps: POINTS, log: true }, false);
if (!values.ok) throw new Error(values.message);
const plan = planSweep(base, {
  param: 'cache.l2.ttlMs',
  values: values.value,
  seeds: 1,
  durationMs: DURATION_MS,
});
if (!plan.ok) throw new Error(plan.message);
const scenarios = plan.value.points.map((p) => p.scenario);
const cores = availableParallelism();

const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
const cpuMsSince = (cpu0: NodeJS.CpuUsage): number => {
  const cpu = process.cpuUsage(cpu0);
  return (cpu.user + cpu.system) / 1000;
};

interface Timing {
  wall: number;
  cpu: number;
}

/** One sweep, timed from the threads' start and from when all of them had loaded the engine. */
async function timeSweep(): Promise<{ total: Timing; ready: Timing }> {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const pool = startThreads(cores);
  await Promise.all(pool.map((t) => t.ready));
  const t1 = performance.now();
  const c1 = process.cpuUsage();
  await runOnPool(pool, scenarios);
  const ready = { wall: performance.now() - t1, cpu: cpuMsSince(c1) };
  const total = { wall: performance.now() - t0, cpu: cpuMsSince(c0) };
  await Promise.all(pool.map((t) => t.close()));
  return { total, ready };
}

function timeSequential(): Timing {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  for (const s of scenarios) runScenario(s);
  return { wall: performance.now() - t0, cpu: cpuMsSince(c0) };
}

// One run first, so the sequential side is not charged for compiling the engine (each thread of the
// sweep is: that start-up is part of what a sweep costs).
runScenario(scenarios[0]!);
const totals: Timing[] = [];
const readies: Timing[] = [];
const sequentials: Timing[] = [];
for (let r = 0; r < rounds; r++) {
  const sweep = await timeSweep();
  totals.push(sweep.total);
  readies.push(sweep.ready);
  sequentials.push(timeSequential());
  process.stderr.write(
    `round ${r + 1}: sweep ${seconds(sweep.total.wall)} (${seconds(sweep.ready.wall)} once the threads were ready), sequential ${seconds(sequentials[r]!.wall)}\n`,
  );
}
const best = (list: Timing[]): Timing => list.reduce((a, b) => (b.wall < a.wall ? b : a));
const sequential = best(sequentials);
const ideal = sequential.wall / cores;
const verdict = (ratio: number) =>
  `${ratio.toFixed(2)} (target <= ${TARGET}: ${ratio <= TARGET ? 'met' : 'NOT met'})`;
const row = (label: string, t: Timing) =>
  `  ${label.padEnd(34)} ${seconds(t.wall)}  ratio ${verdict(t.wall / ideal)}; ` +
  `CPU ${seconds(t.cpu)} on ${(t.cpu / t.wall).toFixed(2)} cores, ${(t.cpu / sequential.cpu).toFixed(2)} x the sequential CPU`;
process.stdout.write(
  [
    `bench:sweep: ${POINTS} points x ${DURATION_MS / 1000} s of baseline, ${cores} worker threads (one per core), best of ${rounds} rounds`,
    `  ${'one run (mean of 20, in sequence)'.padEnd(34)} ${seconds(sequential.wall / POINTS)}  (CPU ${seconds(sequential.cpu / POINTS)})`,
    `  ${`${POINTS} x one run / ${cores} cores`.padEnd(34)} ${seconds(ideal)}`,
    row('sweep, threads started and ready', best(readies)),
    row('sweep, thread start-up included', best(totals)),
    `  load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}: with other work on these ${cores} cores, the CPU ratio says what idle cores would give`,
    '',
  ].join('\n'),
);
