/**
 * `npx tsx test/golden/dumpSummaries.ts out.jsonl [preset ids]`: every golden run's full Summary (series
 * included), one JSON line per run. Two dumps, made before and after an engine change, are compared by
 * `scripts/compareSummaries.mjs`, which tells counters that moved from floats that moved in their last
 * digits (the golden files keep series and short runs as digests, which cannot say which it was).
 */
import { writeFileSync } from 'node:fs';
import { createSimulation } from '../../src/engine/index.ts';
import { PRESET_IDS, generatedRuns, presetRuns } from './runs.ts';

const [out, ...only] = process.argv.slice(2);
if (!out) throw new Error('usage: dumpSummaries.ts out.jsonl [preset ids]');
const ids = only.length > 0 ? only : PRESET_IDS;
const specs = [...ids.flatMap((id) => presetRuns(id)), ...(only.length > 0 ? [] : generatedRuns())];
const lines = specs.map((spec) => {
  const sim = createSimulation(spec.scenario, spec.options);
  sim.runUntil(Infinity);
  return JSON.stringify({ id: spec.id, summary: sim.summary() });
});
writeFileSync(out, lines.join('\n') + '\n');
console.log(`${lines.length} runs written to ${out}`);
