// @vitest-environment jsdom
/**
 * The app asks before it runs a scenario estimated above the cost budget: from a link, and from the
 * preset picker, with the engine's handler in-process (the same protocol as across a worker).
 */
import { act, configure, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { App } from '../../src/App.tsx';
import { costWords } from '../../src/components/app/CostDialog.tsx';
import { COST_BUDGET } from '../../src/engine/cost.ts';
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
    expect(dialog.textContent).toMatch(/About [\d.,]+ (billion|million) engine events/);
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

describe('the cost in words', () => {
  it('scales counts to billions or millions and memory to megabytes, never "0 million"', () => {
    const words = costWords({
      eventsPerSimSecond: 165_123,
      events: 14.26e9,
      setupKeys: 2_500_000,
      work: 14.267e9,
      stateBytes: 300_000,
      overBudget: true,
    });
    const minutes = 14.267e9 / COST_BUDGET;
    expect(words).toEqual([
      'About 14.3 billion engine events in all (165,123 a simulated second, plus 2.5 million keys to set up).',
      `That is roughly ${minutes.toFixed(minutes < 10 ? 1 : 0)} minutes of work on a 2-core laptop (the budget is about one), and seeking through it will be slow too.`,
      'Its per-key state takes under 1 MB.',
    ]);
  });
});
