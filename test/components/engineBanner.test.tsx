// @vitest-environment jsdom
import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { EngineBanner } from '../../src/components/app/EngineBanner.tsx';
import { renderWithApp, spyController } from './controlsHarness.tsx';

describe('EngineBanner', () => {
  it('shows nothing while the engine answers', () => {
    renderWithApp(<EngineBanner />);
    expect(screen.queryByRole('region', { name: 'Engine problem' })).toBeNull();
  });

  it.each([
    ['silent', /has not answered for 10 seconds/],
    ['failing', /fails on everything/],
  ] as const)(
    'says in words that the engine is %s, and its button restarts the engine',
    async (health, words) => {
      const controller = spyController();
      const { store } = renderWithApp(<EngineBanner />, controller);
      act(() => store.setState({ engineHealth: health }));
      const banner = screen.getByRole('region', { name: 'Engine problem' });
      expect(banner.textContent).toMatch(words);
      expect(banner.textContent).toMatch(/your scenario, its live changes and the time come back/);
      await userEvent.click(screen.getByRole('button', { name: 'Restart the engine' }));
      expect(controller.restartEngine).toHaveBeenCalledTimes(1);
    },
  );

  it('says a new engine is on its way back to the run, with nothing to press', () => {
    const { store } = renderWithApp(<EngineBanner />);
    act(() => store.setState({ engineHealth: 'restarting' }));
    expect(screen.getByRole('status').textContent).toMatch(/bringing your run back/);
    expect(screen.queryByRole('button')).toBeNull();
  });
});
