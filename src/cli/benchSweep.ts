import { availableParallelism, loadavg } from 'node:os';
import { runScenario } from '../engine/index.ts';
import { getPreset } from '../scenario/presets/index.ts';
import { planSweep, rangeValues } from '../sweep/plan.ts';
import { runOnPool, startThreads, type ThreadTimes } from './sweepThreads.ts';
import { cpuOf, taskCpu } from './taskCpu.ts';

/**
 * `npm run bench:sweep [-- --rounds N] [--json]`: how well a sweep uses the cores. 20 points of 60 s of `baseline`
 * (the L2 TTL from 100 ms to 60 s, log-spaced) run on one worker thread per core; beside it the same 20
 * runs one after another in this process. The ratio is the sweep's time over (the sequential time /
 * cores): 1 is perfect scaling, the target is 1.3 or less warm and 1.6 or less cold (issue 21).
 *
 * The first sweep is timed from the threads' start (what a one-off `npm run sweep` costs: loading and
 * compiling the engine in each thread); then each round runs the sweep again on the same threads (a
 * pool kept between sweeps, as the app keeps its workers), warm as the sequential side is. Wall time shows scaling only when the cores are free: on a shared machine with Linux's
 * autogroup scheduling, a process gets its session's share of the CPU however many threads it runs. So
 * CPU time (all threads) is measured too: the sweep's CPU time over the sequential runs' CPU time is the
 * work the parallel sweep adds, the ratio it reaches with idle cores, load imbalance aside. Rounds
 * alternate sweep and sequential runs so a neighbour's load slows both alike; the best round counts.
 *
 * The first sweep's phases are printed per thread: from the spawn to the thread's start, its loading
 * of the engine (wall and the thread's own CPU), each run's wall and CPU in the thread (a cold thread's
 * first runs are its JIT warm-up), and the idle tail (one thread done, the other still running). Each
 * sweep's CPU shows the part of V8's helper threads: its optimizing compilers and concurrent GC, shared
 * by all the threads of the process (a cold sweep's compiling is mostly there).
 * `--json` prints all of it as one object instead of the table.
 */

const POINTS = 20;
const DURATION_MS = 60_000;
/** Targets on idle cores: the threads kept from an earlier sweep, and a first sweep, start-up included. */
const TARGET = { warm: 1.3, cold: 1.6 };

const argv = process.argv.slice(2);
const json = argv.includes('--json');
const rest = argv.filter((a) => a !== '--json');
let rounds = 3;
if (rest.length > 0) {
  rounds = rest[0] === '--rounds' && rest.length === 2 ? Number(rest[1]) : NaN;
  if (!Number.isInteger(rounds) || rounds < 1 || rounds > 20) {
    process.stderr.write(
      'bench:sweep: usage: npm run bench:sweep [-- --rounds N] [--json]  (rounds 1 to 20, default 3)\n',
    );
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
  /** CPU of V8's helper threads meanwhile (part of `cpu`; NaN where threads' CPU is not known). */
  helperCpu: number;
}

/** The threads there before any sweep, the main one aside: V8's helpers (and libuv's, mostly idle). */
const helpers = [...taskCpu().keys()].filter((tid) => tid !== String(process.pid));

/** Starts timing something; the function returned ends it. */
function startTiming(): () => Timing {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const tasks0 = taskCpu();
  return () => ({
    wall: performance.now() - t0,
    cpu: cpuMsSince(c0),
    helperCpu: cpuOf(helpers, tasks0, taskCpu()),
  });
}

/** A sweep's time on `pool`. */
async function timeOnPool(pool: ReturnType<typeof startThreads>): Promise<Timing> {
  const end = startTiming();
  await runOnPool(pool, scenarios);
  return end();
}

/** The first sweep, from the threads' start: what a one-off `npm run sweep` costs. */
async function timeFirstSweep(): Promise<{
  total: Timing;
  pool: ReturnType<typeof startThreads>;
  threads: ThreadPhases[];
}> {
  const t0 = performance.now();
  const end = startTiming();
  const pool = startThreads(cores);
  // As npm run sweep does: the points are handed out at once, each thread takes its first when ready.
  await runOnPool(pool, scenarios);
  const total = end();
  return { total, pool, threads: pool.map((t) => phasesOf(t.times, t0)) };
}

/** The median of a thread's CPU time per run over the sweeps on the kept threads (the warm runs). */
function warmRunCpu(pool: ReturnType<typeof startThreads>, coldBatches: number[]): number {
  const cpu = pool
    .flatMap((t, i) => t.times.batches.slice(coldBatches[i]).flatMap((b) => b.runs.map((r) => r.cpuMs)))
    .sort((a, b) => a - b);
  return cpu.length === 0 ? NaN : cpu[Math.floor(cpu.length / 2)]!;
}

/** A thread's part in the first sweep, in ms from the sweep's start (see ThreadTimes). */
interface ThreadPhases {
  /** From the spawn to the thread's first line of code (Node making the thread). */
  spawnMs: number;
  /** From the thread's start to the engine loaded, and the thread's CPU meanwhile. */
  loadMs: number;
  loadCpuMs: number;
  readyAtMs: number;
  batchSizes: number[];
  runs: { wallMs: number; cpuMs: number }[];
  doneAtMs: number;
}

function phasesOf(times: ThreadTimes, t0: number): ThreadPhases {
  const startedAt = times.startedAt ?? NaN;
  const readyAt = times.readyAt ?? NaN;
  return {
    spawnMs: startedAt - times.spawnedAt,
    loadMs: readyAt - startedAt,
    loadCpuMs: times.loadCpuMs ?? NaN,
    readyAtMs: readyAt - t0,
    batchSizes: times.batches.map((b) => b.runs.length),
    runs: times.batches.flatMap((b) => b.runs),
    doneAtMs: Math.max(...times.batches.map((b) => b.doneAt)) - t0,
  };
}

function timeSequential(): Timing {
  const end = startTiming();
  for (const s of scenarios) runScenario(s);
  return end();
}

// One run first, so the sequential side is not charged for compiling the engine (the first sweep's
// threads are: that start-up is part of what a one-off sweep costs).
runScenario(scenarios[0]!);
const first = await timeFirstSweep();
const coldBatches = first.pool.map((t) => t.times.batches.length);
const readies: Timing[] = [];
const sequentials: Timing[] = [];
for (let r = 0; r < rounds; r++) {
  readies.push(await timeOnPool(first.pool));
  sequentials.push(timeSequential());
  process.stderr.write(
    `round ${r + 1}: sweep on the kept threads ${seconds(readies[r]!.wall)}, sequential ${seconds(sequentials[r]!.wall)}\n`,
  );
}
await Promise.all(first.pool.map((t) => t.close()));
const warmCpu = warmRunCpu(first.pool, coldBatches);
const best = (list: Timing[]): Timing => list.reduce((a, b) => (b.wall < a.wall ? b : a));
const sequential = best(sequentials);
const ideal = sequential.wall / cores;
const verdict = (ratio: number, target: number) =>
  `${ratio.toFixed(2)} (target <= ${target}: ${ratio <= target ? 'met' : 'NOT met'})`;
const row = (label: string, t: Timing, target: number) =>
  `  ${label.padEnd(34)} ${seconds(t.wall)}  ratio ${verdict(t.wall / ideal, target)}; ` +
  `CPU ${seconds(t.cpu)} on ${(t.cpu / t.wall).toFixed(2)} cores, ${(t.cpu / sequential.cpu).toFixed(2)} x the sequential CPU ` +
  `(V8's helper threads ${ms(t.helperCpu)} ms of it)`;
const ms = (x: number): string => (Number.isNaN(x) ? '?' : x.toFixed(0));
const doneAts = first.threads.map((t) => t.doneAtMs);
const tailMs = Math.max(...doneAts) - Math.min(...doneAts);
/** A thread's first sweep on two lines: its start, then its runs (wall/CPU in ms, CPU over a warm run's in a thread). */
const threadLines = (t: ThreadPhases, i: number): string[] => [
  `    thread ${i + 1}: started ${ms(t.spawnMs)} ms after its spawn, engine loaded in ${ms(t.loadMs)} ms ` +
    `(thread CPU ${ms(t.loadCpuMs)} ms), ready at ${ms(t.readyAtMs)} ms; batches ${t.batchSizes.join(', ')}; done at ${ms(t.doneAtMs)} ms`,
  `      runs, wall/CPU ms (CPU / a warm run's): ` +
    t.runs.map((r) => `${ms(r.wallMs)}/${ms(r.cpuMs)} (${(r.cpuMs / warmCpu).toFixed(1)})`).join(', '),
];
const load = loadavg().map((l) => Number(l.toFixed(1)));
if (json) {
  const timing = (t: Timing, target: number) => ({
    wallMs: t.wall,
    cpuMs: t.cpu,
    ratio: t.wall / ideal,
    target,
    cpuOverSequential: t.cpu / sequential.cpu,
    helperCpuMs: t.helperCpu,
  });
  const report = {
    points: POINTS,
    durationMs: DURATION_MS,
    cores,
    rounds,
    oneRun: { wallMs: sequential.wall / POINTS, cpuMs: sequential.cpu / POINTS, warmThreadCpuMs: warmCpu },
    idealMs: ideal,
    warm: timing(best(readies), TARGET.warm),
    cold: { ...timing(first.total, TARGET.cold), tailMs, threads: first.threads },
    loadAverage: load,
  };
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  process.exit(0);
}
process.stdout.write(
  [
    `bench:sweep: ${POINTS} points x ${DURATION_MS / 1000} s of baseline, ${cores} worker threads (one per core), best of ${rounds} rounds`,
    `  ${'one run (mean of 20, in sequence)'.padEnd(34)} ${seconds(sequential.wall / POINTS)}  (CPU ${seconds(sequential.cpu / POINTS)})`,
    `  ${`${POINTS} x one run / ${cores} cores`.padEnd(34)} ${seconds(ideal)}`,
    row('sweep, threads kept (warm)', best(readies), TARGET.warm),
    row('first sweep, start-up included', first.total, TARGET.cold),
    ...first.threads.flatMap(threadLines),
    `    a warm run in a kept thread: CPU ${ms(warmCpu)} ms (median of the rounds' runs)`,
    `    idle tail: ${ms(tailMs)} ms between the first thread's last answer and the last thread's`,
    `  load average ${load.join(' ')}: with other work on these ${cores} cores, the CPU ratio says what idle cores would give`,
    '',
  ].join('\n'),
);
