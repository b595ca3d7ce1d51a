// @vitest-environment jsdom
/**
 * The app asks before it runs a scenario estimated above the cost budget: from a link, and from the
 * preset picker, with the engine's handler in-process (the same protocol as across a worker).
 */
import { act, configure, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { App } from '../../src/App.tsx';
import { resolveInitial } from '../../src/runtime/initialScenario.ts';
import { getPreset } from '../../src/scenario/presets/index.ts';
import { encodeScenario } from '../../src/scenario/url.ts';

configure({ asyncUtilTimeout: 600_000 });

const HEAVY_TITLE = 'A day at 50 000 requests a second';
const heavyLink = encodeScenario({
  version: 1,
  title: HEAVY_TITLE,
  durationMs: 86_400_000,
  workload: { rps: 50_000 },
});
const baselineTitle = getPreset('baseline')!.title;
const heading = () => screen.getByRole('heading', { level: 1 });

describe('cost guard', () => {
  it('a heavy link asks first; Cancel opens the default scenario and says why', async () => {
    render(<App initial={resolveInitial('', heavyLink)} />);
    const dialog = await screen.findByRole('alertdialog', { name: 'This scenario is heavy to simulate' });
    expect(within(dialog).getByText(HEAVY_TITLE)).toBeTruthy();
    expect(dialog.textContent).toMatch(/About [\d,]+ million engine events/);
    // Focus is in the dialog, on the safe choice.
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Cancel' }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(heading().textContent).toContain(baselineTitle);
    expect(screen.getByRole('alert').textContent).toContain(`"${HEAVY_TITLE}" was not run`);
    // The baseline really runs: a step reaches the engine.
    await userEvent.click(screen.getByRole('button', { name: 'Step' }));
    await waitFor(() =>
      expect(
        screen.getByRole('group', { name: 'Simulated clock' }).querySelector('[data-events="1"]'),
      ).not.toBeNull(),
    );
    await act(async () => {});
  });

  it('"Run it anyway" loads the heavy scenario', async () => {
    render(<App initial={resolveInitial('', heavyLink)} />);
    const dialog = await screen.findByRole('alertdialog');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Run it anyway' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(heading().textContent).toContain(HEAVY_TITLE);
    await userEvent.click(screen.getByRole('button', { name: 'Step' }));
    await waitFor(() =>
      expect(
        screen.getByRole('group', { name: 'Simulated clock' }).querySelector('[data-events="1"]'),
      ).not.toBeNull(),
    );
    await act(async () => {});
  });
});
