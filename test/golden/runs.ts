/**
 * The golden runs: every preset with three seeds, and generated scenarios with live changes and
 * failures. Their fingerprints are recorded in `test/golden/data/` by `npm run golden:record` and
 * compared by the tests in this folder, so a change to the engine that moves any figure, any series
 * point, any byte the CLI prints, the cost estimate, the views, the trace or a snapshot's replay shows up
 * as the run and the field that moved.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Scenario } from '../../src/engine/types.ts';
import { getPreset, presetIds } from '../../src/scenario/presets/index.ts';
import { scenarioSchema } from '../../src/scenario/schema.ts';
import type { Fingerprint, RunSpec } from './fingerprint.ts';

export const DATA = join(dirname(fileURLToPath(import.meta.url)), 'data');
export const presetFile = (id: string): string => join(DATA, 'presets', `${id}.json`);
export const GENERATED_FILE = join(DATA, 'generated.json');

/**
 * A preset runs in full with its own seed (traced for its first seconds), and with two more seeds for a
 * shorter stretch: 15 s, or about 30 000 requests at a high rate (one of them replayed from a snapshot at
 * three quarters; their Summaries kept as a digest per field). The full run passes every failure of every
 * preset, the short ones most of them, and the test stays near a second of CPU per preset.
 */
const shortMs = (s: Scenario): number =>
  Math.min(s.durationMs, 15_000, Math.ceil((30_000 / s.workload.rps) * 1000));

/** The first 2 s, or less at high rates: about 4000 requests are enough to see every hop kind. */
const traceMs = (s: Scenario): number => Math.min(2000, Math.ceil((4000 / s.workload.rps) * 1000));

export function presetRuns(id: string): RunSpec[] {
  const scenario = getPreset(id);
  if (!scenario) throw new Error(`no preset ${id}`);
  const short = shortMs(scenario);
  return [
    { id: `${id}#${scenario.seed}`, scenario, options: { seed: scenario.seed }, traceMs: traceMs(scenario) },
    {
      id: `${id}#1@${short}`,
      scenario,
      options: { seed: 1, durationMs: short },
      snapshotAt: 0.75,
      compact: true,
    },
    { id: `${id}#2@${short}`, scenario, options: { seed: 2, durationMs: short }, compact: true },
  ];
}

export const PRESET_IDS = presetIds;

/** What a golden file holds per run: how it was run, and its fingerprint. */
export interface GoldenRun {
  id: string;
  options: RunSpec['options'];
  /** Generated runs keep their scenario: the generator may change, the golden must not. */
  scenario?: Scenario;
  fingerprint: Fingerprint;
}

export function readGolden(file: string): GoldenRun[] {
  if (!existsSync(file)) throw new Error(`${file} is missing: run npm run golden:record and commit it`);
  return (JSON.parse(readFileSync(file, 'utf8')) as { runs: GoldenRun[] }).runs;
}

/**
 * The generated runs, from their recorded scenarios (parsed again, so a field added to the schema since
 * takes its default).
 */
export function generatedRuns(): RunSpec[] {
  return readGolden(GENERATED_FILE).map((g) => ({
    id: g.id,
    scenario: scenarioSchema.parse(g.scenario),
    options: g.options,
    snapshotAt: 0.6,
    traceMs: 1000,
  }));
}
