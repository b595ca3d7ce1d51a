/**
 * Texts that match the screen: every figure a preset's text tells people to watch is named by its
 * on-screen label and shown by the app for that scenario (`shownFigures` is built from the lists the
 * components render), and no text points at a name the screen does not use: a raw id, a field path,
 * a node counted from 0, or a figure only the CLI prints.
 */
import { describe, expect, it } from 'vitest';
import { shownFigures } from '../../src/components/app/shownFigures.ts';
import { runScenario } from '../../src/engine/index.ts';
import { FIGURES, type FigureId } from '../../src/labels/figures.ts';
import { getPreset, presets } from '../../src/scenario/presets/index.ts';
import { badNodeNames, rawNames, unlabelledSettings } from '../labels/screenText.ts';

/** Figures only the CLI table prints: a text may not send people to look for them in the app. */
const CLI_ONLY: FigureId[] = ['dbPeakConcurrency', 'dbMeanLatency', 'dbUtilisation', 'hotShardFactor'];

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
    expect(rawNames(text)).toEqual([]);
  });

  it('names instances and shards as the stage does, within the topology', () => {
    expect(badNodeNames(text, getPreset(id)!.topology)).toEqual([]);
  });

  it('names the settings it asks people to change by their labels in the Configure tab', () => {
    expect(unlabelledSettings(text)).toEqual([]);
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
