import { cpus, loadavg } from 'node:os';
import { createSimulation } from '../engine/index.ts';
import type { MadeRequest, Scenario, WorkloadRequests } from '../engine/types.ts';
import { getPreset } from '../scenario/presets/index.ts';
import { InputError, runCli } from './input.ts';

/**
 * `npm run bench:replay [-- --duration-ms N] [--rounds N] [--json]`: the engine's speed in requests per
 * second of CPU, drawing its traffic (Poisson arrivals, Zipf keys) and replaying the same traffic as a
 * trace. The requests the drawn run makes are recorded and replayed on the same scenario, so both runs
 * push the same requests through the same caches; they are alternated round by round so both see the
 * same machine load. The target: replay at least as fast as the drawn run.
 */

function recorded(scenario: Scenario): WorkloadRequests {
  const made: MadeRequest[] = [];
  const sim = createSimulation(scenario, { onRequest: (r) => made.push(r) });
  sim.runUntil(Infinity);
  const n = made.length;
  const w: WorkloadRequests = {
    length: n,
    timeMs: new Float64Array(n),
    key: new Uint32Array(n),
    kind: new Uint8Array(n),
    size: null,
    ttlS: null,
    uniqueKeys: scenario.workload.keys,
  };
  made.forEach((r, i) => {
    w.timeMs[i] = r.timeMs;
    w.key[i] = r.key;
    w.kind[i] = r.kind;
  });
  return w;
}

/** CPU ms of one run to its end, and the requests it made. */
function timed(scenario: Scenario, workload?: WorkloadRequests): { ms: number; requests: number } {
  let requests = 0;
  const t0 = process.cpuUsage();
  const sim = createSimulation(scenario, {
    ...(workload ? { workload } : {}),
    onRequest: () => requests++,
  });
  sim.runUntil(Infinity);
  const t = process.cpuUsage(t0);
  return { ms: (t.user + t.system) / 1000, requests };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

function main(argv: readonly string[]): number {
  let durationMs = 100_000;
  let rounds = 3;
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--json') json = true;
    else if (arg === '--duration-ms' || arg === '--rounds') {
      const v = Number(argv[++i]);
      if (!Number.isInteger(v) || v < 1) throw new InputError(`${arg}: expected a whole number above 0`);
      if (arg === '--rounds') rounds = Math.min(v, 50);
      else durationMs = Math.min(v, 600_000);
    } else
      throw new InputError(`unknown option ${arg} (bench:replay [--duration-ms N] [--rounds N] [--json])`);
  }
  const drawn: Scenario = { ...getPreset('baseline')!, durationMs };
  const workload = recorded(drawn);
  // Timed from the first second: the scenario the CLI builds for a trace starts there too.
  const replayed: Scenario = {
    ...drawn,
    workload: { ...drawn.workload, trace: { name: 'recorded', format: 'csv', timeScale: 1 } },
  };
  timed(replayed, workload); // warm-up: the recording warmed the drawn run's code only
  const drawnMs: number[] = [];
  const replayMs: number[] = [];
  let made = 0;
  for (let r = 0; r < rounds; r++) {
    drawnMs.push(timed(drawn).ms);
    const x = timed(replayed, workload);
    replayMs.push(x.ms);
    made = x.requests;
  }
  const result = {
    scenario: `baseline, ${durationMs} ms at ${drawn.workload.rps} requests/s`,
    requests: made,
    drawnRequestsPerS: (made / median(drawnMs)) * 1000,
    replayRequestsPerS: (made / median(replayMs)) * 1000,
    ratio: median(drawnMs) / median(replayMs),
    load: loadavg()[0],
    cores: cpus().length,
  };
  if (json) {
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return 0;
  }
  const rate = (x: number) => `${Math.round(x).toLocaleString('en-US')} requests/s`;
  process.stdout.write(
    [
      `${result.scenario}: ${made.toLocaleString('en-US')} requests`,
      `CPU time, median of ${rounds} rounds, load ${result.load?.toFixed(2)} on ${result.cores} cores`,
      `  drawn (Poisson, Zipf)   ${rate(result.drawnRequestsPerS)}`,
      `  replayed (same trace)   ${rate(result.replayRequestsPerS)}`,
      `  replay / drawn          ${result.ratio.toFixed(2)}x (target at least 1x)`,
      '',
    ].join('\n'),
  );
  return 0;
}

void runCli('bench:replay', () => main(process.argv.slice(2)));
