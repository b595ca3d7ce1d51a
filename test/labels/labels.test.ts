import { describe, expect, it } from 'vitest';
import { formatSummaryTable } from '../../src/cli/table.ts';
import { shownFigures } from '../../src/components/app/shownFigures.ts';
import { createSimulation, runScenario } from '../../src/engine/index.ts';
import { ALERT_RULES } from '../../src/engine/mechanisms/alerts/rules.ts';
import { OUTCOMES } from '../../src/engine/types.ts';
import { FIGURES, type FigureId } from '../../src/labels/figures.ts';
import { HEADLINE } from '../../src/report/headline.ts';
import { appName, nodeLabel, shardName } from '../../src/labels/names.ts';
import {
  ALERT_LABELS,
  failureLabel,
  FAILURE_LABELS,
  HOP_LABELS,
  OPTION_LABELS,
  optionLabel,
  OUTCOME_LABELS,
} from '../../src/labels/options.ts';
import { getPreset, presets } from '../../src/scenario/presets/index.ts';
import { scenarioSchema } from '../../src/scenario/schema.ts';
import { TraceReader } from '../../src/trace/read/index.ts';
import { replayScenario, workloadOf } from '../../src/trace/replay.ts';
import { schemaEnums } from './schemaEnums.ts';

/** Words a person reads: not a raw id (`redis-shard-crash`, `keysLostOnRestart`), not empty. */
function expectWords(label: string | undefined, what: string) {
  expect(label, what).toBeTruthy();
  expect(label, what).not.toMatch(/^[a-z0-9]+(-[a-z0-9]+)+$/); // kebab-case id
  expect(label, what).not.toMatch(/\b[a-z]+[A-Z]\w*\b/); // camelCase id
  expect(label, what).not.toMatch(/_/);
}

describe('the label map', () => {
  const enums = schemaEnums(scenarioSchema);

  it('finds the enums of the scenario format by walking its schema', () => {
    expect(Object.keys(enums)).toEqual(
      expect.arrayContaining([
        'cache.strategy',
        'cache.l2.eviction',
        'cache.stampede.mode',
        'failures.*.kind',
      ]),
    );
  });

  it.each(Object.entries(enums))('labels every value of %s in words', (path, values) => {
    expect(Object.keys(OPTION_LABELS[path] ?? {}).sort(), path).toEqual([...values].sort());
    for (const v of values) {
      expectWords(optionLabel(path, v), `${path} = ${v}`);
      // A concrete list path finds the generic entry.
      expect(optionLabel(path.replace('*', '3'), v)).toBe(optionLabel(path, v));
    }
  });

  it('labels every outcome, monitoring rule and traced operation', () => {
    for (const o of OUTCOMES) expectWords(OUTCOME_LABELS[o], o);
    for (const r of ALERT_RULES) expectWords(ALERT_LABELS[r], r);
    // The operations really traced, collected from runs that use every kind of hop.
    const ops = new Set<string>();
    for (const id of ['baseline', 'write-behind-crash', 'cdc', 'cdn-leak', 'stampede-lock']) {
      const sim = createSimulation({ ...getPreset(id)!, durationMs: 25_000 }, { trace: true });
      while (!sim.done()) {
        sim.runUntil(sim.now() + 500);
        for (const h of sim.drainHops()) ops.add(h.op);
      }
    }
    expect([...ops]).toEqual(expect.arrayContaining(['get', 'reply', 'flush', 'invalidate', 'lost', 'leak']));
    for (const op of ops) expectWords(HOP_LABELS[op], `hop ${op}`);
  });

  it('names nodes from 1, the way the stage does', () => {
    expect([appName(0), shardName(0), nodeLabel('redis-2'), nodeLabel('app-9')]).toEqual([
      'App 1',
      'Redis shard 1',
      'Redis shard 3',
      'App 10',
    ]);
    expect(nodeLabel('db')).toBe('Database');
    expectWords(nodeLabel('weird-9'), 'an unknown node');
    // A failure's target is an index in the scenario; people read the node's name.
    expect([failureLabel('redis-shard-crash', 1), failureLabel('instance-crash', 0)]).toEqual([
      'Redis shard crash (Redis shard 2)',
      'App instance crash (App 1)',
    ]);
    expect(failureLabel('redis-restart', 3)).toBe(FAILURE_LABELS['redis-restart']);
  });
});

describe('figure names', () => {
  it('are words, each used for one figure only', () => {
    for (const [id, label] of Object.entries(FIGURES)) expectWords(label, id);
    const labels = Object.values(FIGURES).map((l) => l.toLowerCase());
    expect(new Set(labels).size).toBe(labels.length);
  });

  it('each appears in the app or the CLI table for some preset', () => {
    const seen = new Set<FigureId>();
    let cli = '';
    for (const p of presets) {
      const scenario = { ...getPreset(p.id)!, durationMs: 1500 };
      const summary = runScenario(scenario);
      for (const f of shownFigures(scenario, summary)) seen.add(f);
      cli += formatSummaryTable(summary, scenario);
    }
    // No preset replays a trace (it takes a file): one small replay of baseline shows replay's figures.
    const reader = new TraceReader({ format: 'csv' });
    const lines = Array.from(
      { length: 200 },
      (_, i) => `${i * 5},k${i % 40},100,${i % 9 ? 'get' : 'delete'},`,
    );
    reader.push(new TextEncoder().encode(['time_ms,key,size,op,ttl_s', ...lines].join('\n') + '\n'));
    const trace = reader.finish();
    const replayed = replayScenario(getPreset('baseline')!, trace, { name: 'small.csv' });
    const replaySummary = runScenario(replayed, { workload: workloadOf(trace) });
    for (const f of shownFigures(replayed, replaySummary)) seen.add(f);
    cli += formatSummaryTable(replaySummary, replayed);
    // A/B compare's table and the sweeps' charts show the headline figures, whatever the preset.
    for (const f of HEADLINE) seen.add(f.figure);
    const unused = (Object.keys(FIGURES) as FigureId[]).filter(
      (id) => !seen.has(id) && !cli.includes(FIGURES[id]),
    );
    expect(unused).toEqual([]);
  });
});

describe('the CLI table', () => {
  it('names shards as the stage does and alerts by rule name, with no raw id', () => {
    const scenario = getPreset('shard-crash')!;
    const table = formatSummaryTable(runScenario({ ...scenario, durationMs: 20_000 }), scenario);
    expect(table).toMatch(/^ {2}Redis shard 1 +0-5460/m);
    expect(table).toMatch(/^ {2}Redis shard 3 /m);
    expect(table).not.toMatch(/redis-\d/);
    for (const rule of ALERT_RULES) expect(table).not.toMatch(new RegExp(`\\d ms ${rule}\\b`));
  });
});
