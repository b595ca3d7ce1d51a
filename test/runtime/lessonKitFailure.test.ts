// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import * as kit from '../../src/lessons/kit.ts';
import { loadLessonKit } from '../../src/lessons/loadKit.ts';
import { createLessonActions } from '../../src/runtime/lessonActions.ts';
import { getPreset } from '../../src/scenario/presets/index.ts';
import { createAppStore } from '../../src/store/appStore.ts';
import { spyController } from '../components/controlsHarness.tsx';

// The lesson kit is a chunk fetched on first use; here the fetch fails once, as it would offline.
vi.mock('../../src/lessons/loadKit.ts', () => ({ loadLessonKit: vi.fn() }));

describe('when the lesson kit cannot be fetched', () => {
  it('says so, opens nothing, and the next try opens the step', async () => {
    const load = vi.mocked(loadLessonKit);
    const store = createAppStore(getPreset('baseline')!);
    const c = spyController();
    const actions = createLessonActions(c, store, null);

    load.mockRejectedValueOnce(new Error('Failed to fetch dynamically imported module'));
    await actions.open('stampede', 0);
    expect(store.getState().notice).toMatch(/lessons could not be loaded/);
    expect(store.getState().lesson).toBeNull();
    expect(c.loadScenario).not.toHaveBeenCalled();

    load.mockResolvedValueOnce(kit);
    await actions.open('stampede', 0);
    expect(store.getState().lesson).toMatchObject({ id: 'stampede', step: 0 });
    expect(c.loadScenario).toHaveBeenCalledWith(kit.stepScenario(kit.getLesson('stampede')!, 0), null);
  });
});
