import { describe, expect, it } from 'vitest';
import { presets, getPreset } from '../../src/scenario/presets/index.ts';
import { presetCatalog, presetTitle } from '../../src/scenario/presets/catalog.ts';
import { DEFAULT_PRESET, defaultScenario } from '../../src/scenario/presets/defaultScenario.ts';
import { loadedPresets, loadPresets } from '../../src/scenario/presets/load.ts';
import { needsPresets, resolveInitial } from '../../src/runtime/initialScenario.ts';
import { resolveCompare } from '../../src/runtime/compareUrl.ts';

describe('the presets a first visit does without (issue 21)', () => {
  it('the catalog lists every preset, in the picker order, with its title', () => {
    expect(presetCatalog).toEqual(presets.map(({ id, title }) => ({ id, title })));
    expect(presetTitle('stampede')).toBe(presets.find((p) => p.id === 'stampede')!.title);
    expect(presetTitle('nope')).toBeUndefined();
  });

  it('the default scenario is the default preset as the presets give it', () => {
    expect(defaultScenario()).toEqual(getPreset(DEFAULT_PRESET));
    // A fresh copy each call: a caller may change it.
    expect(defaultScenario()).not.toBe(defaultScenario());
  });

  it('loads the presets module once', async () => {
    const book = await loadPresets();
    expect(loadedPresets()).toBe(book);
    expect(await loadPresets()).toBe(book);
    expect(book.presetIds).toEqual(presetCatalog.map((p) => p.id));
  });

  it('only a link naming a preset other than the default waits for them', () => {
    expect(needsPresets('')).toBe(false);
    expect(needsPresets('?embed=1&t=5000')).toBe(false);
    expect(needsPresets(`?preset=${DEFAULT_PRESET}`)).toBe(false);
    expect(needsPresets('?preset=stampede')).toBe(true);
    expect(needsPresets('?compare=stampede-lock')).toBe(true);
  });

  it('opens the default preset without them', () => {
    const opened = resolveInitial(`?preset=${DEFAULT_PRESET}`, '', { presets: null });
    expect(opened).toMatchObject({ presetId: DEFAULT_PRESET, notice: null });
    expect(opened.scenario).toEqual(defaultScenario());
  });

  it('says so when a preset link cannot be opened because the presets could not be fetched', () => {
    const opened = resolveInitial('?preset=stampede', '', { presets: null });
    expect(opened.presetId).toBe(DEFAULT_PRESET);
    expect(opened.scenario).toEqual(defaultScenario());
    expect(opened.notice).toBe(
      'The presets could not be loaded, so the preset "stampede" could not be opened. Showing the baseline scenario instead; reload the page to try again.',
    );
    expect(resolveCompare('?compare=stampede-lock', '', null)).toEqual({
      ok: false,
      notice:
        'The presets could not be loaded, so the preset "stampede-lock" to compare with (B) could not be opened; reload the page to try again. Showing A alone.',
    });
  });
});
