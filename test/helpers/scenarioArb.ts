import type fc from 'fast-check';
import { scenarioSchema, type Scenario, type ScenarioInput } from '../../src/scenario/schema.ts';
import { validScenario } from '../scenario/arbitraries.ts';

export { validScenario };

/** Most work a fuzzed run may take: a few milliseconds of engine time, so hundreds of cases fit in seconds. */
const MAX_REQUESTS = 6000;

/**
 * A valid scenario made cheap to run while keeping every mechanism it switched on: the duration and the
 * rates are scaled down (phases and failures keep their place in the run), key spaces and warm-ups cut.
 */
export function cheapToRun(input: ScenarioInput): Scenario {
  const s = scenarioSchema.parse(input);
  const duration = Math.min(s.durationMs, 3000);
  const scale = duration / s.durationMs;
  s.durationMs = duration;
  const peak = Math.max(s.workload.rps, ...s.workload.phases.map((p) => p.rps), 1);
  const rate = Math.min(1, (MAX_REQUESTS * 1000) / duration / peak);
  s.workload.rps *= rate;
  for (const p of s.workload.phases) {
    p.atMs *= scale;
    p.rps *= rate;
  }
  for (const f of s.failures) {
    f.atMs *= scale;
    f.durationMs *= scale;
    if (f.stepMs !== null) f.stepMs *= scale;
  }
  // Live changes keep their place in the run, and the costly ones are cut like the fields they change.
  const caps: Record<string, (v: number) => number> = {
    'workload.rps': (v) => Math.min(v, (MAX_REQUESTS * 1000) / duration),
    'cache.warming.topKeys': (v) => Math.min(v, 2000),
    'cache.stampede.refreshTopKeys': (v) => Math.min(v, 50),
    'cache.l2.hz': (v) => Math.min(v, 50),
    'database.queryCache.maxEntries': (v) => Math.min(v, 10_000),
  };
  for (const change of s.changes) {
    change.atMs *= scale;
    const cap = caps[change.path];
    if (cap && typeof change.value === 'number') change.value = cap(change.value);
  }
  s.workload.keys = Math.min(s.workload.keys, 20_000);
  for (const f of s.workload.families) f.keys = Math.min(f.keys, 5000);
  s.cache.warming.topKeys = Math.min(s.cache.warming.topKeys, 2000);
  s.cache.stampede.refreshTopKeys = Math.min(s.cache.stampede.refreshTopKeys, 50);
  s.workload.client.retries = Math.min(s.workload.client.retries, 2);
  s.cache.l2.hz = Math.min(s.cache.l2.hz, 50);
  s.database.queryCache.maxEntries = Math.min(s.database.queryCache.maxEntries, 10_000);
  // The absent keys are per-key arrays too, and a Bloom filter is built from every key at the start.
  s.workload.absent.keys = Math.min(s.workload.absent.keys, 20_000);
  s.cache.negative.bloomBits = Math.min(s.cache.negative.bloomBits, 1 << 20);
  // A trace's requests are read from its file before a run (the CLI, the app's Open trace); a generated
  // scenario has no file, so it runs on its own workload (replay has its own tests, test/engine/replay).
  s.workload.trace = null;
  return s;
}

/** Valid scenarios, ready for a quick run. */
export const runnableScenario: fc.Arbitrary<Scenario> = validScenario.map(cheapToRun);
