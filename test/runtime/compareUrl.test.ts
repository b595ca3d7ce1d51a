import { describe, expect, it } from 'vitest';
import { resolveCompare, withCompare } from '../../src/runtime/compareUrl.ts';
import { resolveInitial } from '../../src/runtime/initialScenario.ts';
import { getPreset } from '../../src/scenario/presets/index.ts';
import { encodeScenario } from '../../src/scenario/url.ts';

const lock = getPreset('stampede-lock')!;
const changed = { ...getPreset('stampede')!, database: { ...getPreset('stampede')!.database, readMs: 20 } };

describe('run B in the address', () => {
  it('is absent unless asked for', () => {
    expect(resolveCompare('?preset=stampede', '')).toBeNull();
    expect(resolveCompare('', encodeScenario(changed))).toBeNull();
  });

  it('reads a preset from ?compare= and any scenario from b= in the hash', () => {
    expect(resolveCompare('?preset=stampede&compare=stampede-lock', '')).toEqual({
      ok: true,
      b: { scenario: lock, presetId: 'stampede-lock' },
    });
    const hash = `${encodeScenario(getPreset('baseline')!)}&b=${encodeScenario(changed).slice(3)}`;
    expect(resolveCompare('', hash)).toEqual({ ok: true, b: { scenario: changed, presetId: null } });
    // A's part of the same address still reads as A.
    expect(resolveInitial('', hash).scenario).toEqual(getPreset('baseline'));
  });

  it('says what is wrong with a bad B, naming B, and leaves A alone', () => {
    const unknown = resolveCompare('?preset=stampede&compare=nope', '');
    expect(unknown).toMatchObject({
      ok: false,
      notice: expect.stringContaining('no preset called "nope" to compare with (B)'),
    });
    const cut = resolveCompare('', '#b=N4Igzg');
    expect(cut).toMatchObject({
      ok: false,
      notice: expect.stringMatching(
        /^The scenario to compare with \(B\) in this link could not be read \(.+\)\. Showing A alone\.$/,
      ),
    });
    const invalid = `#b=${encodeScenario({ version: 1, cache: { l2: { ttlMs: -5 } } } as never).slice(3)}`;
    expect(resolveCompare('', invalid)).toMatchObject({
      ok: false,
      notice: expect.stringContaining('cache.l2.ttlMs: got -5'),
    });
    expect(resolveCompare('', '#b=')).toMatchObject({
      ok: false,
      notice: expect.stringContaining('b= is followed by nothing'),
    });
    expect(resolveInitial('?preset=stampede&compare=nope', '').presetId).toBe('stampede');
  });

  it('is written back as ?compare= for a preset, b= for anything else, and read back the same', () => {
    const preset = withCompare('/app/?preset=stampede', '', { scenario: lock, presetId: 'stampede-lock' });
    expect(preset).toBe('/app/?preset=stampede&compare=stampede-lock');
    const aHash = encodeScenario(getPreset('baseline')!);
    const custom = withCompare('/app/?compare=stampede-lock', aHash, { scenario: changed, presetId: null });
    const [pathAndSearch, hash] = custom.split('#');
    expect(pathAndSearch).toBe('/app/');
    expect(resolveCompare('', `#${hash}`)).toEqual({ ok: true, b: { scenario: changed, presetId: null } });
    expect(resolveInitial('', `#${hash}`).scenario).toEqual(getPreset('baseline'));
    expect(withCompare('/app/?preset=a&compare=b', `#b=xyz`, null)).toBe('/app/?preset=a');
  });
});
