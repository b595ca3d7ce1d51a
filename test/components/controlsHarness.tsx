import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { vi, type Mock } from 'vitest';
import type { Controller } from '../../src/runtime/controller.ts';
import { ControllerContext } from '../../src/runtime/controller.ts';
import { getPreset } from '../../src/scenario/presets/index.ts';
import { createAppStore, type AppStore } from '../../src/store/appStore.ts';
import { AppStoreContext } from '../../src/store/useAppStore.ts';

export type SpyController = { [K in keyof Controller]: Mock<Controller[K]> };

/** A controller whose every command is a spy: the components under test only call it. */
export function spyController(): SpyController {
  return {
    play: vi.fn(),
    pause: vi.fn(),
    toggle: vi.fn(),
    step: vi.fn(),
    restart: vi.fn(),
    setSpeed: vi.fn(),
    faster: vi.fn(),
    slower: vi.fn(),
    seek: vi.fn(),
    nextNotable: vi.fn(),
    restartEngine: vi.fn(),
    setSeed: vi.fn(),
    loadPreset: vi.fn(),
    loadScenario: vi.fn(),
    replayTrace: vi.fn(),
    heldTrace: vi.fn(() => null),
    summariesAt: vi.fn<Controller['summariesAt']>(() => Promise.resolve([])),
    applyDraft: vi.fn(),
    startCompare: vi.fn(),
    stopCompare: vi.fn(),
    injectFailure: vi.fn(),
    setLiveField: vi.fn(),
    undoChange: vi.fn(),
    resetToPreset: vi.fn(),
    confirmCost: vi.fn(),
    cancelCost: vi.fn(),
    inspectKey: vi.fn<Controller['inspectKey']>(),
    nodeKeys: vi.fn<Controller['nodeKeys']>(() => Promise.resolve([])),
    requestDetail: vi.fn<Controller['requestDetail']>(() => Promise.resolve({ request: null, hops: [] })),
    summary: vi.fn<Controller['summary']>(),
  };
}

export function renderWithApp(ui: ReactNode, controller: Controller = spyController()) {
  const scenario = getPreset('baseline');
  if (!scenario) throw new Error('baseline preset missing');
  const store: AppStore = createAppStore(scenario);
  store.getState().setApplied(scenario, 'baseline');
  const result = render(
    <AppStoreContext.Provider value={store}>
      <ControllerContext.Provider value={controller}>{ui}</ControllerContext.Provider>
    </AppStoreContext.Provider>,
  );
  return { ...result, store, controller };
}
