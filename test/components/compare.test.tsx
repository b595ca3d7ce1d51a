// @vitest-environment jsdom
import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CompareDialog } from '../../src/components/compare/CompareDialog.tsx';
import { DifferenceTable } from '../../src/components/compare/DifferenceTable.tsx';
import { runScenario } from '../../src/engine/index.ts';
import { getPreset } from '../../src/scenario/presets/index.ts';
import { createAppStore } from '../../src/store/appStore.ts';
import { renderWithApp, spyController } from './controlsHarness.tsx';

describe('DifferenceTable', () => {
  it('shows A, B and B − A of each headline figure, with a header per column and per row', () => {
    const a = runScenario(getPreset('stampede')!, { durationMs: 12_000 });
    const b = runScenario(
      { ...getPreset('stampede-lock')!, seed: getPreset('stampede')!.seed },
      { durationMs: 12_000 },
    );
    const bStore = createAppStore(getPreset('stampede-lock')!);
    bStore.getState().setMetrics(null, b, []);
    const { store } = renderWithApp(<DifferenceTable bStore={bStore} />);
    expect(screen.queryByRole('table')).toBeNull(); // A has no figures yet
    act(() => store.getState().setMetrics(null, a, []));
    const table = screen.getByRole('table', { name: /A and B after/ });
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((h) => h.textContent);
    expect(headers).toEqual(['Figure', 'A', 'B', 'B − A', 'B is']);
    const reads = within(table).getByRole('row', { name: /DB reads\/s/ });
    const cells = within(reads).getAllByRole('cell');
    expect(Number(cells[1]!.dataset.value)).toBeLessThan(Number(cells[0]!.dataset.value));
    expect(cells[3]!.textContent).toBe('better');
  });
});

describe('DifferenceTable while a run catches up', () => {
  it("gives no figures and no verdicts until B is at A's time, then the table", () => {
    const a = runScenario(getPreset('stampede')!, { durationMs: 2_000 });
    const bStore = createAppStore(getPreset('stampede-lock')!);
    bStore.getState().setMetrics(null, a, []);
    bStore.setState({ nowMs: 0, seekTargetMs: 2_000 });
    const { store } = renderWithApp(<DifferenceTable bStore={bStore} />);
    act(() => {
      store.getState().setMetrics(null, a, []);
      store.setState({ nowMs: 2_000 });
    });
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.getByRole('status').textContent).toMatch(/B is catching up to 2 s \(B is at 0 ms\)/);
    expect(screen.queryByText(/better|worse|about the same/)).toBeNull();
    act(() => bStore.setState({ nowMs: 2_000, seekTargetMs: null }));
    expect(screen.getByRole('table', { name: 'A and B after 2 s (same seed, same clock)' })).toBeTruthy();
  });
});

describe('CompareDialog', () => {
  it('refuses a value B cannot take, in the schema words, and starts nothing', () => {
    const controller = spyController();
    renderWithApp(<CompareDialog />, controller);
    const dialog = screen.getByRole('dialog', { name: 'Compare' });
    fireEvent.change(within(dialog).getByLabelText(/B's value/), { target: { value: '-5' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Compare with a change' }));
    expect(within(dialog).getByRole('alert').textContent).toMatch(/\S/);
    expect(controller.startCompare).not.toHaveBeenCalled();
  });

  it('starts B as A with the one field changed, or as the preset picked', () => {
    const controller = spyController();
    const { store } = renderWithApp(<CompareDialog />, controller);
    const a = store.getState().applied;
    const dialog = screen.getByRole('dialog', { name: 'Compare' });
    fireEvent.change(within(dialog).getByLabelText(/B's value/), { target: { value: '1000' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Compare with a change' }));
    const side = controller.startCompare.mock.calls[0]![0];
    expect(side.presetId).toBeNull();
    expect(side.scenario.cache.l2.ttlMs).toBe(1000);
    expect({ ...side.scenario, title: a.title, cache: a.cache }).toEqual(a);

    fireEvent.change(within(dialog).getByLabelText('Preset for B'), { target: { value: 'stampede-lock' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Compare with this preset' }));
    expect(controller.startCompare.mock.calls[1]![0].presetId).toBe('stampede-lock');
  });
});
