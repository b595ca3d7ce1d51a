// @vitest-environment jsdom
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { Sidebar } from '../../src/components/app/Sidebar.tsx';
import { renderWithApp } from './controlsHarness.tsx';

describe('the sidebar tabs (WAI-ARIA tabs pattern)', () => {
  it('is one tab stop; arrows, Home and End move the selection and the focus', async () => {
    const { store } = renderWithApp(<Sidebar />);
    const tabs = screen.getAllByRole('tab');
    expect(tabs.map((t) => t.tabIndex)).toEqual([0, -1, -1, -1]);
    tabs[0]!.focus();
    await userEvent.keyboard('{ArrowRight}');
    expect(store.getState().panel).toBe('config');
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: 'Configure' }));
    expect(screen.getAllByRole('tab').map((t) => t.tabIndex)).toEqual([-1, 0, -1, -1]);
    await userEvent.keyboard('{End}');
    expect(store.getState().panel).toBe('inspect');
    await userEvent.keyboard('{ArrowRight}');
    expect(store.getState().panel).toBe('about');
    await userEvent.keyboard('{ArrowLeft}');
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: 'Inspect' }));
    await userEvent.keyboard('{Home}');
    expect(screen.getByRole('tab', { name: 'About' }).getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('tabpanel').getAttribute('aria-labelledby')).toBe('tab-about');
  });
});
