import { describe, expect, it } from 'vitest';
import * as kit from '../../src/lessons/kit.ts';
import { resolveInitial } from '../../src/runtime/initialScenario.ts';
import { addressFor } from '../../src/runtime/useUrlSync.ts';
import { getPreset } from '../../src/scenario/presets/index.ts';
import { encodeScenario } from '../../src/scenario/url.ts';

const title = (id: string) => getPreset(id)?.title;

describe('opening a URL', () => {
  it('opens the baseline preset when the URL says nothing', () => {
    const s = resolveInitial('', '');
    expect(s.scenario.title).toBe(title('baseline'));
    expect(s.presetId).toBe('baseline');
    expect(s.notice).toBeNull();
    expect(s.embed).toBe(false);
  });

  it('?preset=<id> opens that preset, embed=1 the embed layout', () => {
    const s = resolveInitial('?preset=stampede&embed=1', '');
    expect(s.scenario.title).toBe(title('stampede'));
    expect(s.presetId).toBe('stampede');
    expect(s.embed).toBe(true);
  });

  it('#s= opens the exact scenario and wins over ?preset=', () => {
    const edited = { ...getPreset('stampede')!, seed: 7 };
    const s = resolveInitial('?preset=baseline', encodeScenario(edited));
    expect(s.scenario).toEqual(edited);
    expect(s.presetId).toBeNull();
  });

  it('an unreadable #s= falls back to the baseline with a message', () => {
    const s = resolveInitial('', '#s=garbage!!');
    expect(s.scenario.title).toBe(title('baseline'));
    expect(s.notice).toMatch(/could not be read/);
  });

  it('?lesson= opens the step with the lesson kit, and says so when the kit could not be fetched', () => {
    const lesson = kit.getLesson('stampede')!;
    const s = resolveInitial('?lesson=stampede&step=2&present=1', '', { kit });
    expect(s.scenario).toEqual(kit.stepScenario(lesson, 1));
    expect(s.lesson).toEqual({ open: { lessonId: 'stampede', step: 1 }, presenting: true, notice: null });

    const without = resolveInitial('?lesson=stampede&step=2&present=1&preset=stampede', '');
    expect(without.lesson.open).toBeNull();
    expect(without.lesson.presenting).toBe(true);
    expect(without.notice).toMatch(/lessons could not be loaded/);
    expect(without.scenario.title).toBe(title('stampede'));
  });

  it('an unknown preset falls back to the baseline and lists the real ones', () => {
    const s = resolveInitial('?preset=nope', '');
    expect(s.scenario.title).toBe(title('baseline'));
    expect(s.notice).toMatch(/"nope"/);
    expect(s.notice).toMatch(/stampede/);
  });
});

describe('the address bar', () => {
  it('stays a preset link until the scenario is edited, keeping embed=1', () => {
    expect(addressFor('/app/', '?embed=1', 'stampede', false, () => '#s=x')).toBe(
      '/app/?embed=1&preset=stampede',
    );
    expect(addressFor('/app/', '?preset=stampede&embed=1', 'stampede', true, () => '#s=x')).toBe(
      '/app/?embed=1#s=x',
    );
    expect(addressFor('/', '', null, true, () => '#s=y')).toBe('/#s=y');
  });
});
