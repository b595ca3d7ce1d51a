/**
 * `npm run golden:record [-- --new-scenarios] [preset ids | generated]`: runs the golden runs and writes
 * their fingerprints to `test/golden/data/`. Generated scenarios are drawn once
 * (with `--new-scenarios`, or when there are none yet) and kept in the file, so the fingerprints stay
 * comparable when the scenario generator changes. Review the diff before committing: a golden file
 * changes only with a figure that was meant to change, in a commit of its own that says why.
 */
import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { dirname } from 'node:path';
import fc from 'fast-check';
import type { Scenario } from '../../src/engine/types.ts';
import { getPreset } from '../../src/scenario/presets/index.ts';
import type { ScenarioInput } from '../../src/scenario/schema.ts';
import { cheapToRun } from '../helpers/scenarioArb.ts';
import { liveChanges, liveValue } from '../scenario/arbitraries.ts';
import { fingerprint, type RunSpec } from './fingerprint.ts';
import {
  GENERATED_FILE,
  PRESET_IDS,
  generatedRuns,
  presetFile,
  presetRuns,
  readGolden,
  type GoldenRun,
} from './runs.ts';

const GENERATED = 40;
const GENERATOR_SEED = 18;

/** One run a line, so a diff shows which run moved (prettier leaves the folder alone). */
function write(file: string, runs: GoldenRun[]): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `{"runs": [\n${runs.map((r) => JSON.stringify(r)).join(',\n')}\n]}\n`);
}

const record = (spec: RunSpec, scenario?: Scenario): GoldenRun => ({
  id: spec.id,
  options: spec.options,
  ...(scenario ? { scenario } : {}),
  fingerprint: fingerprint(spec),
});

/** Live changes that start, stop or resize a mechanism, which the reconcilers must get right. */
const SWITCHES = [
  'workload.rps',
  'cache.strategy',
  'cache.strategy',
  'cache.strategy',
  'cache.stampede.mode',
  'cache.l1.enabled',
  'cache.l1.maxKeys',
  'cache.l2.ttlMs',
  'cache.l2.maxKeys',
  'cache.l2.hz',
  'cache.l2.persistence',
  'cache.stampede.mode',
  'cache.warming.enabled',
  'cache.hotKeys.replicas',
  'database.connections',
  'database.queryCache.enabled',
  'monitoring.enabled',
];
const switchChange = fc
  .record({ atMs: fc.integer({ min: 0, max: 10_000_000 }), path: fc.constantFrom(...SWITCHES) })
  .chain(({ atMs, path }) => liveValue(path).map((value) => ({ atMs, path, value })));

/**
 * Each preset in turn (so every mechanism is on in some of them, failures included), with one or two
 * changes that switch a mechanism and up to two of any live field, made cheap to run as the property
 * tests make them (about 3 s, 6000 requests).
 */
function drawScenarios(): Scenario[] {
  const changeSets = fc.sample(
    fc
      .tuple(fc.array(switchChange, { minLength: 1, maxLength: 2 }), liveChanges(2))
      .map(([a, b]) => [...a, ...b]),
    { seed: GENERATOR_SEED, numRuns: GENERATED },
  );
  return changeSets.map((changes, i) => {
    const base = getPreset(PRESET_IDS[i % PRESET_IDS.length]!)!;
    const input: ScenarioInput = {
      ...base,
      changes: changes.map((c) => ({ ...c, atMs: c.atMs % base.durationMs })).sort((a, b) => a.atMs - b.atMs),
    };
    return cheapToRun(input);
  });
}

const args = process.argv.slice(2);
const only = args.filter((a) => !a.startsWith('--'));
for (const id of PRESET_IDS) {
  if (only.length > 0 && !only.includes(id)) continue;
  write(
    presetFile(id),
    presetRuns(id).map((spec) => record(spec)),
  );
  process.stdout.write(`${id}\n`);
}
if (only.length === 0 || only.includes('generated')) {
  const fresh = args.includes('--new-scenarios') || !existsSync(GENERATED_FILE);
  const runs = fresh
    ? drawScenarios().map((scenario, i) =>
        record({ id: `generated-${i + 1}`, scenario, options: {}, snapshotAt: 0.6, traceMs: 1000 }, scenario),
      )
    : generatedRuns().map((spec, i) => record(spec, readGolden(GENERATED_FILE)[i]!.scenario));
  write(GENERATED_FILE, runs);
  process.stdout.write(`generated: ${runs.length}\n`);
}
