// @vitest-environment jsdom
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { RunFigures } from '../../src/components/app/RunFigures.tsx';
import { runScenario } from '../../src/engine/index.ts';
import { getPreset } from '../../src/scenario/presets/index.ts';

describe('RunFigures', () => {
  it("lists write-behind's lost writes and the alerts that fired", () => {
    const scenario = getPreset('write-behind-crash')!;
    const summary = runScenario(scenario);
    render(<RunFigures summary={summary} scenario={scenario} />);
    const wb = screen.getByRole('heading', { name: 'Write-behind' }).parentElement!;
    const lost = within(wb).getByText('writes lost').nextElementSibling!;
    expect(lost.textContent).toBe(String(summary.lostWrites));
    expect(summary.lostWrites).toBeGreaterThan(0);
    if (summary.alerts.length > 0) expect(screen.getByRole('heading', { name: 'Alerts' })).toBeTruthy();
  });

  it('shows nothing for a plain run without failures, mechanisms or alerts', () => {
    const base = getPreset('no-cache')!;
    const scenario = { ...base, durationMs: 2000, monitoring: { ...base.monitoring, enabled: false } };
    const summary = runScenario(scenario);
    const { container } = render(<RunFigures summary={summary} scenario={scenario} />);
    expect(container.textContent).toBe('');
  });
});

describe('RunFigures before anything happened', () => {
  it('shows a scheduled failure’s figures at 0 before the failure, so a text can point at them', () => {
    const scenario = { ...getPreset('redis-restart-cold')!, durationMs: 1000 };
    const summary = runScenario(scenario);
    render(<RunFigures summary={summary} scenario={scenario} />);
    const failures = screen.getByRole('heading', { name: 'Failures' }).parentElement!;
    expect(within(failures).getByText('keys lost on restart').nextElementSibling!.textContent).toBe('0');
  });
});
