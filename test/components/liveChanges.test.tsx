// @vitest-environment jsdom
/**
 * Live changes in the app's components: what the config section sends for a live field and for a
 * restart-only one, the settings it shows at the playhead, the changes list, and the chart markers.
 */
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ConfigSection } from '../../src/components/app/ConfigSection.tsx';
import { ChangesList } from '../../src/components/config/ChangesList.tsx';
import { formatFieldValue, groupChanges, withChanges } from '../../src/components/config/liveChanges.ts';
import { LineChart } from '../../src/components/charts/LineChart.tsx';
import { HIT_RATIO } from '../../src/components/charts/timeSeries.ts';
import type { Change, SeriesPoint } from '../../src/engine/types.ts';
import { withoutLastGroup } from '../../src/runtime/changeGroups.ts';
import { getPreset } from '../../src/scenario/presets/index.ts';
import { EdgeNode } from '../../src/components/stage/EdgeNode.tsx';
import { changeInForce, valueInForce } from '../../src/components/stage/inForce.ts';
import { renderWithApp, spyController } from './controlsHarness.tsx';

const baseline = getPreset('baseline')!;
const ttl = (atMs: number, value: number): Change => ({ atMs, path: 'cache.l2.ttlMs', value });

describe('live change helpers', () => {
  it('word values as the panel does, and group a drag into one change', () => {
    expect(formatFieldValue('cache.l2.ttlMs', 5000)).toBe('5 s');
    expect(formatFieldValue('cache.strategy', 'write-through')).toBe('Write-through');
    expect(formatFieldValue('workload.hotKey', null)).toBe('No hot key');
    expect(formatFieldValue('workload.hotKey', { share: 0.3 })).toBe('30 %');
    expect(formatFieldValue('cache.l1.enabled', false)).toBe('off');
    const changes = [
      ttl(1000, 30_000),
      ttl(1016, 20_000),
      ttl(1033, 5000),
      { atMs: 4000, path: 'workload.rps', value: 3000 },
    ];
    const groups = groupChanges(baseline, changes);
    expect(groups.map((g) => [g.index, g.label, g.before, g.after, g.count])).toEqual([
      [0, 'L2 TTL', '1 min', '5 s', 3],
      [3, 'Requests per second', '1,000/s', '3,000/s', 1],
    ]);
    expect(withoutLastGroup(changes)).toEqual(changes.slice(0, 3));
    expect(withoutLastGroup(changes.slice(0, 3))).toEqual([]);
    const inForce = withChanges(baseline, changes);
    expect(inForce.cache.l2.ttlMs).toBe(5000);
    expect(inForce.workload.rps).toBe(3000);
    expect(baseline.cache.l2.ttlMs).toBe(60_000);
  });
});

describe('ConfigSection', () => {
  it('sends a live field to the running simulation and keeps a restart-only one in the draft', async () => {
    const c = spyController();
    const { store } = renderWithApp(<ConfigSection />, c);
    act(() => store.setState({ nowMs: 5000, events: 20_000 }));
    fireEvent.change(screen.getByRole('slider', { name: 'L2 TTL' }), { target: { value: '500' } });
    expect(c.setLiveField).toHaveBeenCalledWith('cache.l2.ttlMs', expect.any(Number));
    expect(store.getState().draft).toBe(store.getState().applied);
    const apply = screen.getByRole('button', { name: 'Apply & restart' }) as HTMLButtonElement;
    expect(apply.disabled).toBe(true);
    const instances = screen.getByRole('textbox', { name: 'Instances' });
    await userEvent.clear(instances);
    await userEvent.type(instances, '6{Enter}');
    expect(c.setLiveField).toHaveBeenCalledTimes(1);
    expect(store.getState().draft.topology.instances).toBe(6);
    expect(apply.disabled).toBe(false);
    // The restart-only field says so; the live one does not.
    const field = (name: string) => screen.getByRole('textbox', { name }).closest('.cfg-field')!;
    expect(within(field('Instances') as HTMLElement).getByText('↻ on restart')).toBeTruthy();
    expect(within(field('L2 TTL (ms)') as HTMLElement).queryByText('↻ on restart')).toBeNull();
  });

  it('shows the settings in force at the playhead, the changes list, and undoes the last change', async () => {
    const c = spyController();
    const { store } = renderWithApp(<ConfigSection />, c);
    const applied = { ...store.getState().applied, changes: [ttl(10_000, 5000)] };
    act(() => store.setState({ applied, draft: applied, nowMs: 4000, events: 9000 }));
    const value = () => screen.getByRole('slider', { name: 'L2 TTL' }).getAttribute('aria-valuetext');
    expect(value()).toBe('1 min');
    const list = screen.getByRole('region', { name: 'Live changes' });
    expect(list.textContent).toContain('L2 TTL: 1 min → 5 s');
    expect(list.textContent).toContain('(ahead)');
    act(() => store.setState({ nowMs: 12_000 }));
    expect(value()).toBe('5 s');
    expect(list.textContent).not.toContain('(ahead)');
    // An edit on its way to the engine shows at once.
    act(() => store.setState({ liveOverlay: { 'cache.l2.ttlMs': 2000 } }));
    expect(value()).toBe('2 s');
    await userEvent.click(screen.getByRole('button', { name: 'Undo last change' }));
    expect(c.undoChange).toHaveBeenCalledTimes(1);
    await userEvent.click(screen.getByRole('button', { name: 'Reset to preset' }));
    expect(c.resetToPreset).toHaveBeenCalledTimes(1);
  });

  it('explains live fields when nothing has changed yet', () => {
    render(<ChangesList groups={[]} inForce={0} onUndo={vi.fn()} />);
    expect(screen.getByText(/change the running simulation at once/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Undo last change' })).toBeNull();
  });
});

describe('the stage at the playhead', () => {
  it('shows the rate and settings in force: a live change after the phases that started before it', () => {
    const box = { id: 'client', kind: 'client' as const, index: 0, x: 0, y: 0, w: 120, h: 100 };
    const { store } = renderWithApp(<EdgeNode box={box} />);
    const applied = {
      ...store.getState().applied,
      workload: { ...store.getState().applied.workload, phases: [{ atMs: 2000, rps: 2000 }] },
      changes: [
        { atMs: 5000, path: 'workload.rps', value: 3000 },
        { atMs: 6000, path: 'workload.hotKey', value: { share: 0.4 } },
      ],
    };
    act(() => store.setState({ applied, nowMs: 1000 }));
    expect(screen.getByText('1,000/s')).toBeTruthy();
    act(() => store.setState({ nowMs: 4000 }));
    expect(screen.getByText('2,000/s')).toBeTruthy();
    act(() => store.setState({ nowMs: 7000 }));
    expect(screen.getByText('3,000/s')).toBeTruthy();
    expect(valueInForce(store.getState(), 'workload.hotKey.share')).toBe(0.4);
    expect(changeInForce(store.getState(), 'cache.l2.ttlMs')).toBeNull();
    expect(valueInForce(store.getState(), 'cache.l2.ttlMs')).toBe(60_000);
  });
});

describe('chart markers', () => {
  const point = (i: number): SeriesPoint =>
    ({
      tMs: (i + 1) * 1000,
      l1Hits: 1,
      l1Misses: 1,
      l2Hits: 1,
      l2Misses: 1,
    }) as SeriesPoint;

  it('draws a labelled line at each change inside the time range, and names it for screen readers', () => {
    const { container } = render(
      <LineChart
        title="Hit ratio per layer"
        points={Array.from({ length: 20 }, (_, i) => point(i))}
        intervalMs={1000}
        series={HIT_RATIO}
        yLabel="Hit ratio"
        yFormat={String}
        markers={[
          { tMs: 5000, label: 'L2 TTL → 5 s' },
          { tMs: 5100, label: 'Requests per second → 3,000/s' },
          { tMs: 60_000, label: 'out of range' },
        ]}
      />,
    );
    const markers = container.querySelectorAll('[data-change-marker]');
    expect(markers).toHaveLength(2);
    // Too close to the first to be labelled as well: its line stays, its label is in the description.
    expect([...markers].map((m) => m.querySelector('text')?.textContent ?? null)).toEqual([
      'L2 TTL → 5 s',
      null,
    ]);
    expect(screen.getByRole('img').getAttribute('aria-label')).toContain(
      'Changes: L2 TTL → 5 s at 5 s; Requests per second → 3,000/s at 5.1 s.',
    );
  });
});
