// @vitest-environment jsdom
import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { Header } from '../../src/components/app/Header.tsx';
import { renderWithApp } from './controlsHarness.tsx';

// The phone layout (the button shown, the tools hidden until it is pressed) is CSS, measured in the
// browser checks (04-phone-sizes); here, what the button says and where it moves focus.
describe('the header Menu (a phone folds the tools behind it)', () => {
  it('is a disclosure of the header tools, focusing the first tool when it opens', async () => {
    renderWithApp(<Header />);
    const menu = screen.getByRole('button', { name: 'Menu' });
    expect(menu.getAttribute('aria-expanded')).toBe('false');
    const tools = document.getElementById(menu.getAttribute('aria-controls') ?? '');
    expect(tools?.contains(screen.getByRole('button', { name: 'Share' }))).toBe(true);
    expect(tools?.contains(screen.getByRole('combobox', { name: 'Preset' }))).toBe(true);
    await userEvent.click(menu);
    expect(menu.getAttribute('aria-expanded')).toBe('true');
    expect(tools?.classList.contains('open')).toBe(true);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Lessons' }));
    await userEvent.click(menu);
    expect(menu.getAttribute('aria-expanded')).toBe('false');
    expect(tools?.classList.contains('open')).toBe(false);
  });

  it('folds when another scenario comes on screen (a preset picked, a lesson started)', async () => {
    const { store } = renderWithApp(<Header />);
    const menu = screen.getByRole('button', { name: 'Menu' });
    await userEvent.click(menu);
    expect(menu.getAttribute('aria-expanded')).toBe('true');
    const s = store.getState();
    // The same scenario in a new object (the worker's first update, a live change) leaves it open.
    act(() => store.setState({ applied: { ...s.applied, changes: [] } }));
    expect(menu.getAttribute('aria-expanded')).toBe('true');
    act(() => s.setApplied({ ...s.applied, title: 'Another scenario' }, null));
    expect(menu.getAttribute('aria-expanded')).toBe('false');
    // Opened again, it stays open while the scenario stays.
    await userEvent.click(menu);
    expect(menu.getAttribute('aria-expanded')).toBe('true');
  });

  it('names the whole title in a tooltip, since a phone cuts it to one line', () => {
    renderWithApp(<Header />);
    const h1 = screen.getByRole('heading', { level: 1 });
    expect(h1.getAttribute('title')).toBeTruthy();
    expect(h1.textContent).toContain(h1.getAttribute('title'));
  });
});
