import { availableParallelism } from 'node:os';
import { presetIds } from '../scenario/presets/index.ts';
import { planSweep, rangeValues } from '../sweep/plan.ts';
import { sweepParam } from '../sweep/param.ts';
import { sweepCsv, toResult } from '../sweep/results.ts';
import { costGate } from './costGate.ts';
import { InputError, loadScenario, runCli } from './input.ts';
import { parseSweepArgs, SWEEP_USAGE, type SweepArgs } from './sweepArgs.ts';
import { formatSweepTable } from './sweepTable.ts';
import { runOnPool, startThreads, type SweepThread } from './sweepThreads.ts';

/**
 * `npm run sweep -- <preset | file.json> --param <path> (--values a,b,c | --range from:to:steps[:log])
 * [--seeds N] [--duration-ms N] [--workers N] [--json | --csv]`: one run per value and seed, spread over
 * worker threads (one per core), each run the same as `npm run sim` of its scenario and seed.
 */

/** "sweep: 7/20 runs" on one terminal line, rewritten in place; nothing when stderr is a pipe or file. */
function progress(total: number): { update(done: number): void; end(): void } {
  const tty = process.stderr.isTTY === true;
  return {
    update: (done) => tty && process.stderr.write(`\rsweep: ${done}/${total} runs`),
    end: () => tty && process.stderr.write('\r\x1b[K'),
  };
}

async function main(argv: readonly string[]): Promise<number> {
  const parsed = parseSweepArgs(argv);
  if (!parsed.ok) throw new InputError(parsed.message);
  if (parsed.help) {
    process.stdout.write(`${SWEEP_USAGE}\n\nPresets: ${presetIds.join(', ')}\n`);
    return 0;
  }
  const { args } = parsed;
  // The threads load the engine while this one reads and checks the scenario; all are stopped at the end.
  const pool = startThreads(Math.max(1, args.workers ?? availableParallelism()));
  try {
    return await sweep(args, pool);
  } finally {
    await Promise.all(pool.map((t) => t.close()));
  }
}

async function sweep(args: SweepArgs, pool: readonly SweepThread[]): Promise<number> {
  const base = loadScenario(args.target);
  const param = sweepParam(args.param, base);
  if (!param.ok) throw new InputError(`--param: ${param.message}`);
  let values: number[];
  if ('list' in args.values) {
    values = args.values.list;
  } else {
    const range = rangeValues(args.values.range, param.param.integer);
    if (!range.ok) throw new InputError(`--range: ${range.message}`);
    values = range.value;
  }
  const spec = { param: args.param, values, seeds: args.seeds };
  const plan = planSweep(
    base,
    args.durationMs === undefined ? spec : { ...spec, durationMs: args.durationMs },
  );
  if (!plan.ok) throw new InputError(plan.message);
  const { points } = plan.value;
  // The same gate as npm run sim, on each run: a typo in a range must not tie up the machine for hours.
  for (const p of points) {
    const refusal = costGate(p.scenario, {}, args.force);
    if (refusal !== null)
      throw new InputError(`the run at ${plan.value.param.path} = ${p.value}: ${refusal}`);
  }
  const bar = progress(points.length);
  bar.update(0);
  // At most one thread per run: the others stop now.
  const used = pool.slice(0, points.length);
  await Promise.all(pool.slice(used.length).map((t) => t.close()));
  const summaries = await runOnPool(
    used,
    points.map((p) => p.scenario),
    bar.update,
  ).finally(bar.end);
  const path = plan.value.param.path;
  if (args.format === 'json') {
    const out = points.map((p, i) => ({ value: p.value, seed: p.seed, summary: summaries[i] }));
    process.stdout.write(`${JSON.stringify(out)}\n`);
  } else {
    const results = points.map((p, i) => toResult(p.value, p.seed, summaries[i]!));
    process.stdout.write(
      args.format === 'csv'
        ? sweepCsv(path, results)
        : `${formatSweepTable(base.title, path, plan.value.seeds, results)}\n`,
    );
  }
  return 0;
}

await runCli('sweep', () => main(process.argv.slice(2)));
