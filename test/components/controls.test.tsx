// @vitest-environment jsdom
import { act, fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { Controls } from '../../src/components/controls/Controls.tsx';
import { Legend } from '../../src/components/controls/Legend.tsx';
import { StageStatus } from '../../src/components/stage/StageStatus.tsx';
import { PresetPicker } from '../../src/components/controls/PresetPicker.tsx';
import { SeedInput } from '../../src/components/controls/SeedInput.tsx';
import { renderWithApp, spyController } from './controlsHarness.tsx';

describe('transport controls', () => {
  it('names every control by what it does', () => {
    renderWithApp(<Controls />);
    for (const name of ['Play', 'Step', 'Restart', 'Next notable event']) {
      expect(screen.getByRole('button', { name })).toBeTruthy();
    }
    expect(screen.getByRole('slider', { name: 'Speed' })).toBeTruthy();
    expect(screen.getByRole('slider', { name: 'Timeline' })).toBeTruthy();
  });

  it('Play toggles and turns into Pause while playing', async () => {
    const c = spyController();
    const { store } = renderWithApp(<Controls />, c);
    await userEvent.click(screen.getByRole('button', { name: 'Play' }));
    expect(c.toggle).toHaveBeenCalledTimes(1);
    act(() => store.getState().setPlayback({ playing: true }));
    expect(screen.getByRole('button', { name: 'Pause' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Play' })).toBeNull();
  });

  it('Step and Restart call the engine once each', async () => {
    const c = spyController();
    renderWithApp(<Controls />, c);
    await userEvent.click(screen.getByRole('button', { name: 'Step' }));
    await userEvent.click(screen.getByRole('button', { name: 'Restart' }));
    expect(c.step).toHaveBeenCalledTimes(1);
    expect(c.restart).toHaveBeenCalledTimes(1);
  });

  it('the speed slider is logarithmic: 0.01x to 100x, a decade per unit, 1x in the middle', () => {
    const c = spyController();
    renderWithApp(<Controls />, c);
    const slider = screen.getByRole('slider', { name: 'Speed' });
    fireEvent.change(slider, { target: { value: '2' } });
    fireEvent.change(slider, { target: { value: '-2' } });
    fireEvent.change(slider, { target: { value: '1' } });
    expect(c.setSpeed.mock.calls.map((a) => a[0])).toEqual([100, 0.01, 10]);
    expect(screen.getByText('1x')).toBeTruthy();
  });

  it('scrubbing the timeline seeks, and the thumb stays at the target while the engine gets there', () => {
    const c = spyController();
    const { store } = renderWithApp(<Controls />, c);
    const timeline = screen.getByRole('slider', { name: 'Timeline' }) as HTMLInputElement;
    fireEvent.change(timeline, { target: { value: '6000' } });
    fireEvent.change(timeline, { target: { value: '12000' } });
    // The runtime coalesces a drag's seeks (see test/runtime/session.test.ts); the slider sends each.
    expect(c.seek.mock.calls).toEqual([[6000], [12000]]);
    act(() => store.setState({ seekTargetMs: 12_000, nowMs: 3000 }));
    expect(timeline.value).toBe('12000');
    expect(screen.getByText('seeking to 12.000 s…')).toBeTruthy();
    act(() => store.setState({ seekTargetMs: null, nowMs: 12_000 }));
    expect(timeline.value).toBe('12000');
    expect(screen.queryByText(/seeking to/)).toBeNull();
  });

  it('shows the clock and the event count', () => {
    const { store } = renderWithApp(<Controls />);
    act(() => store.getState().setPlayback({ nowMs: 1500, events: 4321 }));
    expect(screen.getByText('1.500 s')).toBeTruthy();
    expect(screen.getByText('4,321 events')).toBeTruthy();
  });
});

describe('seed, preset and legend', () => {
  it('refuses an invalid seed with the validator message and never applies it', async () => {
    const c = spyController();
    renderWithApp(<SeedInput />, c);
    const seed = screen.getByRole('textbox', { name: 'Seed' });
    await userEvent.clear(seed);
    await userEvent.type(seed, '-5{Enter}');
    expect(screen.getByRole('alert').textContent).toMatch(/seed/i);
    expect(c.setSeed).not.toHaveBeenCalled();
    await userEvent.clear(seed);
    await userEvent.type(seed, '7{Enter}');
    expect(c.setSeed).toHaveBeenCalledWith(7);
  });

  it('the preset picker loads the chosen preset', async () => {
    const c = spyController();
    renderWithApp(<PresetPicker />, c);
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Preset' }), 'stampede');
    expect(c.loadPreset).toHaveBeenCalledWith('stampede');
  });

  it('the legend names each outcome, and the stage says when it samples', () => {
    const { store } = renderWithApp(
      <>
        <Legend />
        <StageStatus />
      </>,
    );
    expect(screen.getByText('Showing every request')).toBeTruthy();
    for (const label of ['L1 hit', 'L2 hit', 'Miss to database', 'Stale value served', 'Write']) {
      expect(screen.getByText(label)).toBeTruthy();
    }
    act(() => store.getState().setPlayback({ sampleEvery: 20 }));
    expect(screen.getByText('Showing 1 in 20 requests (counts include all)')).toBeTruthy();
  });
});
