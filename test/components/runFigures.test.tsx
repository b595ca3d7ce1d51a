// @vitest-environment jsdom
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { RunFigures } from '../../src/components/app/RunFigures.tsx';
import { runScenario } from '../../src/engine/index.ts';
import { getPreset } from '../../src/scenario/presets/index.ts';

describe('RunFigures', () => {
  it("lists write-behind's lost writes and the alerts that fired", () => {
    const summary = runScenario(getPreset('write-behind-crash')!);
    render(<RunFigures summary={summary} />);
    const wb = screen.getByRole('heading', { name: 'Write-behind' }).parentElement!;
    const lost = within(wb).getByText('acknowledged / flushed / lost').nextElementSibling!;
    expect(lost.textContent).toMatch(new RegExp(`/ ${summary.lostWrites}$`));
    expect(summary.lostWrites).toBeGreaterThan(0);
    if (summary.alerts.length > 0) expect(screen.getByRole('heading', { name: 'Alerts' })).toBeTruthy();
  });

  it('shows nothing for a plain run without failures, mechanisms or alerts', () => {
    const base = getPreset('no-cache')!;
    const summary = runScenario({
      ...base,
      durationMs: 2000,
      monitoring: { ...base.monitoring, enabled: false },
    });
    const { container } = render(<RunFigures summary={summary} />);
    expect(container.textContent).toBe('');
  });
});
