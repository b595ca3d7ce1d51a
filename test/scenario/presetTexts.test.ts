/**
 * Texts that match the screen: every figure a preset's text tells people to watch is named by its
 * on-screen label and shown by the app for that scenario (`shownFigures` is built from the lists the
 * components render), and no text points at a name the screen does not use: a raw id, a field path,
 * a node counted from 0, or a figure only the CLI prints.
 */
import { describe, expect, it } from 'vitest';
import { shownFigures } from '../../src/components/app/shownFigures.ts';
import { FIELDS, LISTS } from '../../src/components/config/fields.ts';
import { runScenario } from '../../src/engine/index.ts';
import { FIGURES, type FigureId } from '../../src/labels/figures.ts';
import { OPTION_LABELS } from '../../src/labels/options.ts';
import { getPreset, presetIds, presets } from '../../src/scenario/presets/index.ts';

/** Figures only the CLI table prints: a text may not send people to look for them in the app. */
const CLI_ONLY: FigureId[] = ['dbPeakConcurrency', 'dbMeanLatency', 'dbUtilisation', 'hotShardFactor'];

/** Every option label, where a raw enum value may legitimately appear ("Least recently used (allkeys-lru)"). */
const optionText = Object.values(OPTION_LABELS)
  .flatMap((o) => Object.values(o))
  .join(' ')
  .toLowerCase();
const enumValues = [...new Set(Object.values(OPTION_LABELS).flatMap((o) => Object.keys(o)))];
const fieldLabels = [...FIELDS, ...LISTS.flatMap((l) => l.fields)].map((f) => f.label.toLowerCase());

describe.each(presets.map((p) => [p.id, p] as const))('the text of %s', (id, preset) => {
  const text = preset.description;
  const lower = text.toLowerCase();

  it('names the figures it tells people to watch, as the screen labels them', () => {
    expect(preset.watch.length, 'a preset says which figures prove its point').toBeGreaterThan(0);
    for (const f of preset.watch) expect(lower, f).toContain(FIGURES[f].toLowerCase());
  });

  it('points only at figures the app shows for this scenario', () => {
    const scenario = { ...getPreset(id)!, durationMs: 300 };
    const shown = shownFigures(scenario, runScenario(scenario));
    for (const f of preset.watch) expect(shown.has(f), `${f} ("${FIGURES[f]}") is not on screen`).toBe(true);
    for (const f of CLI_ONLY) expect(lower, `"${FIGURES[f]}" is only in the CLI`).not.toContain(FIGURES[f]);
  });

  it('uses no raw ids, field paths or preset ids', () => {
    expect(text).not.toMatch(/\b[a-z]+[A-Z][a-zA-Z]*\b/); // camelCase: a Summary or scenario field
    expect(text).not.toMatch(/\b[a-z][a-zA-Z]*\.[a-z][a-zA-Z.]*\b/); // a dotted field path
    expect(text).not.toMatch(/\b(app|redis)-\d+\b/); // an engine node id
    for (const other of presetIds.filter((p) => p.includes('-')))
      expect(lower, `preset id ${other}`).not.toMatch(new RegExp(`(^|[^a-z-])${other}([^a-z-]|$)`));
    for (const v of enumValues.filter((e) => e.includes('-'))) {
      if (new RegExp(`(^|[^a-z-])${v}([^a-z-]|$)`).test(lower))
        expect(optionText, `"${v}" appears, but no option label says it`).toContain(v);
    }
  });

  it('names instances and shards as the stage does, within the topology', () => {
    const scenario = getPreset(id)!;
    for (const m of text.matchAll(/\bRedis shard (\d+)|\bApp (\d+)\b/g)) {
      const n = Number(m[1] ?? m[2]);
      const max = m[1] ? scenario.topology.redisShards : scenario.topology.instances;
      expect(n, m[0]).toBeGreaterThanOrEqual(1);
      expect(n, m[0]).toBeLessThanOrEqual(max);
    }
    // "shard 1" or "instance 2" without the stage's full name would be ambiguous about counting.
    expect(text).not.toMatch(/(?<!Redis )\bshard \d/);
    expect(text).not.toMatch(/\binstance \d/);
  });

  it('names the settings it asks people to change by their labels in the Configure tab', () => {
    for (const m of text.matchAll(
      /\b(?:[Ss]et|[Ss]witch|[Tt]urn|[Rr]aise|[Ll]ower|[Dd]rag|[Ss]horten) (?:the )?([A-Z][\w -]+?)(?= (?:to|on|off|back|and|from|above|below)\b)/g,
    )) {
      expect(fieldLabels, m[0]).toContain(m[1]!.toLowerCase());
    }
  });
});

describe('the baseline', () => {
  // It keeps the shape the engine's reference core (npm run bench) models, so it is not healthy: its
  // text must then say which warnings it shows, and why.
  it('names every figure the app shows as a warning, and each alert that fires', async () => {
    const { stripItems } = await import('../../src/components/app/stripItems.ts');
    const preset = presets.find((p) => p.id === 'baseline')!;
    const scenario = getPreset('baseline')!;
    const summary = runScenario(scenario);
    const warned = stripItems(scenario, summary).filter((i) => i.warn);
    for (const w of warned) expect(preset.description.toLowerCase()).toContain(w.label.toLowerCase());
    if (summary.alerts.some((a) => a.rule === 'hit-rate')) expect(preset.description).toMatch(/70 % alert/);
    expect(preset.description).toMatch(/warning colours/);
  });
});
