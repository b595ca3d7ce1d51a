// @vitest-environment jsdom
import { act, screen } from '@testing-library/react';
import { StageStatus } from '../../src/components/stage/StageStatus.tsx';
import { nothingAhead } from '../../src/runtime/notableText.ts';
import { renderWithApp } from './controlsHarness.tsx';

function renderWith(state: { nowMs: number; playing: boolean; notable: string | null }) {
  const { store } = renderWithApp(<StageStatus />);
  act(() => store.setState(state));
}

describe('the stage status bar', () => {
  it('at the start, before any jump, says how to start', () => {
    renderWith({ nowMs: 0, playing: false, notable: null });
    expect(screen.getByText(/or Play to start/)).toBeTruthy();
  });

  it('at the start, after a jump that found nothing, says so instead of how to start', () => {
    renderWith({ nowMs: 0, playing: false, notable: nothingAhead(0, 20_000) });
    expect(screen.getByText('Nothing notable before the run ends')).toBeTruthy();
    expect(screen.queryByText(/or Play to start/)).toBeNull();
  });

  it('names the horizon when the run goes on past it', () => {
    expect(nothingAhead(0, 60_000)).toBe('Nothing notable ahead in the next 30 s');
    expect(nothingAhead(30_000, 60_000)).toBe('Nothing notable before the run ends');
  });
});
