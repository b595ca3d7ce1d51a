// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ReactElement } from 'react';
import { InstanceNode } from '../../src/components/stage/InstanceNode.tsx';
import { ShardNode } from '../../src/components/stage/ShardNode.tsx';
import { StaleServedBadge, staleServedText } from '../../src/components/stage/StaleServedBadge.tsx';
import { createSimulation } from '../../src/engine/index.ts';
import type { NodeBox } from '../../src/render/layoutBox.ts';
import { getPreset } from '../../src/scenario/presets/index.ts';
import { createAppStore } from '../../src/store/appStore.ts';
import { AppStoreContext } from '../../src/store/useAppStore.ts';

const box = (kind: NodeBox['kind'], index: number): NodeBox => ({
  id: `${kind}-${index}`,
  kind,
  index,
  x: 0,
  y: 0,
  w: 220,
  h: 110,
});

/** A stage card with the store holding what the worker sent of a preset's run at `atMs`. */
function renderCard(id: string, atMs: number, card: ReactElement) {
  const scenario = { ...getPreset(id)!, durationMs: atMs };
  const sim = createSimulation(scenario);
  sim.runUntil(atMs);
  const store = createAppStore(scenario);
  store.getState().setMetrics(sim.nodes(), sim.summary(), []);
  render(<AppStoreContext.Provider value={store}>{card}</AppStoreContext.Provider>);
  return sim;
}

describe('the stale-served badge', () => {
  it('names the window and counts the copies served past their TTL, and says nothing before the first', () => {
    const { container, rerender } = render(
      <StaleServedBadge served={{ whileRevalidating: 1204, ifError: 0 }} tier="L1" />,
    );
    expect(container.textContent).toBe('SWR 1,204');
    expect(container.querySelector('.badge.stale-served')?.getAttribute('title')).toBe(
      'Copies served past their TTL on purpose from its L1: 1,204 within stale-while-revalidate (a refresh sent), 0 for an error (stale-if-error)',
    );
    rerender(<StaleServedBadge served={{ whileRevalidating: 0, ifError: 37 }} tier="Redis" />);
    expect(container.textContent).toBe('if-error 37');
    rerender(<StaleServedBadge served={{ whileRevalidating: 3, ifError: 4 }} tier="CDN" />);
    expect(container.textContent).toBe('stale 7');
    rerender(<StaleServedBadge served={{ whileRevalidating: 0, ifError: 0 }} tier="CDN" />);
    expect(container.textContent).toBe('');
    rerender(<StaleServedBadge served={undefined} tier="L1" />);
    expect(container.textContent).toBe('');
    expect(staleServedText(undefined, 'L1')).toBeNull();
  });

  it("is on an instance card with that instance's count, and in the card's description", () => {
    const sim = renderCard('l1-hot-key-swr', 3000, <InstanceNode box={box('app', 2)} compact={false} />);
    const served = sim.nodes().instances[2]!.staleServed!;
    expect(served.whileRevalidating).toBeGreaterThan(0);
    const badge = document.querySelector('[data-stale-served="L1"]');
    expect(badge?.textContent).toBe(`SWR ${served.whileRevalidating.toLocaleString('en-US')}`);
    const card = screen.getByRole('button');
    expect(card.getAttribute('title')).toContain('Copies served past their TTL on purpose from its L1');
  });

  it('is on the shard cards whose keys were served for an error during the outage', () => {
    const sim = renderCard(
      'db-outage-redis-stale-if-error',
      32_000,
      <>
        {[0, 1, 2].map((i) => (
          <ShardNode key={i} box={box('redis', i)} compact={false} />
        ))}
      </>,
    );
    const counts = sim.nodes().shards.map((s) => s.staleServed!.ifError);
    const badges = [...document.querySelectorAll('[data-stale-served="Redis"]')].map((b) => b.textContent);
    expect(badges).toEqual(counts.filter((n) => n > 0).map((n) => `if-error ${n.toLocaleString('en-US')}`));
    expect(badges.length).toBeGreaterThan(0);
  });
});
