import { describe, expect, it } from 'vitest';
import { DRAW_SETTING_KEY, readDrawSetting, saveDrawSetting } from '../../src/runtime/drawMemory.ts';
import { openCompare } from '../../src/runtime/compareRun.ts';
import type { EngineSession } from '../../src/runtime/session.ts';
import { createAppStore } from '../../src/store/appStore.ts';
import { defaultScenario } from '../../src/scenario/presets/defaultScenario.ts';
// Without Worker (jsdom), run B's port imports the in-thread engine on the fly; loaded here first, that
// import cannot still be under way when the file ends (Vitest refuses loads after its teardown).
import '../../src/worker/localPort.ts';

/** A localStorage stand-in. */
function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
  };
}

describe('the remembered "Requests drawn" setting', () => {
  it('reads back what was saved: automatic or a fixed choice', () => {
    const storage = memoryStorage();
    expect(readDrawSetting(storage)).toBeNull();
    saveDrawSetting(storage, 10_000);
    expect(readDrawSetting(storage)).toBe(10_000);
    saveDrawSetting(storage, 'auto');
    expect(readDrawSetting(storage)).toBe('auto');
  });

  it('ignores a stored value that is not one of the choices, and storage that throws', () => {
    for (const bad of ['', 'Auto', '1234', '-1000', '1e4', '10000.5', ' 5000', '{}', 'x'.repeat(1e5)]) {
      expect(readDrawSetting(memoryStorage({ [DRAW_SETTING_KEY]: bad }))).toBeNull();
    }
    const throwing = {
      getItem: (): string => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(readDrawSetting(throwing)).toBeNull();
    expect(() => saveDrawSetting(throwing, 5000)).not.toThrow();
    expect(readDrawSetting(null)).toBeNull();
  });
});

describe("compare's run B", () => {
  it("starts with A's draw setting, not automatic", () => {
    const aStore = createAppStore(defaultScenario());
    aStore.getState().setDrawSetting(10_000);
    const a = { holdTo: null, state: { nowMs: 0 } } as unknown as EngineSession;
    const run = openCompare({ scenario: defaultScenario(), presetId: 'baseline' }, a, aStore, 0);
    try {
      expect(run.store.getState().drawSetting).toBe(10_000);
    } finally {
      run.close();
    }
  });
});
