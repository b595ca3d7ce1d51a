// @vitest-environment jsdom
import { fireEvent, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Guarded } from '../../src/components/app/ErrorBoundary.tsx';
import { PlaybackButtons } from '../../src/components/controls/PlaybackButtons.tsx';
import { renderWithApp, spyController } from './controlsHarness.tsx';
import { getPreset } from '../../src/scenario/presets/index.ts';

let broken = true;
function Fragile() {
  if (broken) throw new Error(`the chart could not be drawn: ${'x'.repeat(1000)}`);
  return <p>drawn</p>;
}

describe('ErrorBoundary', () => {
  // React reports caught render errors on the console; the test is about what the page shows.
  beforeEach(() => {
    broken = true;
    vi.spyOn(console, 'error').mockImplementation(() => {});
    vi.spyOn(console, 'warn').mockImplementation(() => {});
  });
  afterEach(() => vi.restoreAllMocks());

  it('shows the error in place of the part that failed, and the controls outside keep working', () => {
    const controller = spyController();
    renderWithApp(
      <>
        <PlaybackButtons />
        <Guarded area="this panel">
          <Fragile />
        </Guarded>
      </>,
      controller,
    );
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Something went wrong while showing this panel');
    expect(alert.textContent).toContain('the chart could not be drawn');
    // The message quotes the error short.
    expect(alert.textContent!.length).toBeLessThan(500);
    fireEvent.click(screen.getByRole('button', { name: 'Play' }));
    expect(controller.toggle).toHaveBeenCalled();
  });

  it('"Reset to preset" loads the preset and shows the part again', () => {
    const controller = spyController();
    renderWithApp(
      <Guarded area="the stage">
        <Fragile />
      </Guarded>,
      controller,
    );
    const reset = screen.getByRole('button', {
      name: `Reset to preset “${getPreset('baseline')!.title}”`,
    });
    broken = false;
    fireEvent.click(reset);
    expect(controller.loadPreset).toHaveBeenCalledWith('baseline');
    expect(screen.getByText('drawn')).toBeDefined();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
