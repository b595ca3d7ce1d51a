// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ShareDialog } from '../../src/components/share/ShareDialog.tsx';
import { getPreset } from '../../src/scenario/presets/index.ts';
import { createAppStore } from '../../src/store/appStore.ts';
import { AppStoreContext } from '../../src/store/useAppStore.ts';

describe('ShareDialog', () => {
  it('counts live changes as the Configure tab groups them: one slider drag is one change', () => {
    const base = getPreset('baseline')!;
    // One drag of the TTL slider (eleven steps, one per frame), then the rate changed once.
    const drag = Array.from({ length: 11 }, (_, i) => ({
      atMs: 5_000 + 16 * i,
      path: 'cache.l2.ttlMs',
      value: 30_000 - 1_000 * i,
    }));
    const scenario = { ...base, changes: [...drag, { atMs: 9_000, path: 'workload.rps', value: 800 }] };
    const store = createAppStore(scenario);
    store.getState().setApplied(scenario, null);
    store.setState({ nowMs: 10_000 });
    render(
      <AppStoreContext.Provider value={store}>
        <ShareDialog onClose={() => {}} />
      </AppStoreContext.Provider>,
    );
    expect(screen.getByText(/^The link opens/).textContent).toMatch(/with its 2 live changes, at 10 s/);
  });
});
