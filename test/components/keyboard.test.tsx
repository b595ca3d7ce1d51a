// @vitest-environment jsdom
import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { HelpOverlay } from '../../src/components/controls/HelpOverlay.tsx';
import { SeedInput } from '../../src/components/controls/SeedInput.tsx';
import { useKeyboard } from '../../src/components/controls/useKeyboard.ts';
import { useController } from '../../src/runtime/controller.ts';
import { useAppStoreApi } from '../../src/store/useAppStore.ts';
import { renderWithApp, spyController } from './controlsHarness.tsx';

function KeyboardHost() {
  useKeyboard(useController(), useAppStoreApi());
  return (
    <>
      <SeedInput />
      <HelpOverlay />
    </>
  );
}

describe('keyboard shortcuts', () => {
  it('Space plays/pauses, Right arrow steps, [ and ] change speed', async () => {
    const c = spyController();
    renderWithApp(<KeyboardHost />, c);
    await userEvent.keyboard(' ');
    await userEvent.keyboard('{ArrowRight}');
    await userEvent.keyboard('[[');
    await userEvent.keyboard(']');
    expect(c.toggle).toHaveBeenCalledTimes(1);
    expect(c.step).toHaveBeenCalledTimes(1);
    expect(c.slower).toHaveBeenCalledTimes(1);
    expect(c.faster).toHaveBeenCalledTimes(1);
  });

  it('? opens a help overlay listing the keys, Escape closes it', async () => {
    renderWithApp(<KeyboardHost />);
    await userEvent.keyboard('?');
    const dialog = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
    for (const key of ['Space', '[', ']', '?']) expect(dialog.textContent).toContain(key);
    expect(dialog.textContent).toMatch(/Step/);
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('the help overlay closes with its button and other keys are inert while it is open', async () => {
    const c = spyController();
    const { store } = renderWithApp(<KeyboardHost />, c);
    act(() => store.getState().setHelpOpen(true));
    await userEvent.keyboard('{ArrowRight}');
    expect(c.step).not.toHaveBeenCalled();
    await userEvent.click(screen.getByRole('button', { name: 'Close help' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('typing in a text field does not trigger shortcuts', async () => {
    const c = spyController();
    renderWithApp(<KeyboardHost />, c);
    await userEvent.click(screen.getByRole('textbox', { name: 'Seed' }));
    await userEvent.keyboard(' ]');
    expect(c.toggle).not.toHaveBeenCalled();
    expect(c.faster).not.toHaveBeenCalled();
  });
});
