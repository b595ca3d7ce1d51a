// @vitest-environment jsdom
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { KeyView, TraceHop, TraceRequest } from '../../src/engine/types.ts';
import { KeyInspector } from '../../src/components/inspector/KeyInspector.tsx';
import { KeyPicker } from '../../src/components/inspector/KeyPicker.tsx';
import { NodeInspector } from '../../src/components/inspector/NodeInspector.tsx';
import { RequestWaterfall } from '../../src/components/inspector/RequestWaterfall.tsx';

const entry = (version: number, expiresAtMs: number | null = 90_000) => ({ version, expiresAtMs });

function keyView(over: Partial<KeyView> = {}): KeyView {
  return {
    key: 42,
    name: 'key:42',
    slot: 1234,
    shard: 1,
    dbVersion: 4,
    redis: entry(4),
    l1: [entry(4), null, entry(3), entry(4), null, entry(3)],
    ...over,
  };
}

describe('KeyInspector', () => {
  it("lists a replicated key's copies with their slots, and a write-behind version the database lacks", () => {
    const view = {
      ...keyView(),
      ackedVersion: 5,
      replicas: [
        { name: 'key:42:r0', slot: 100, shard: 0 },
        { name: 'key:42:r1', slot: 9000, shard: 1 },
      ],
    };
    render(<KeyInspector view={view} nowMs={60_000} />);
    expect(screen.getByText('key:42:r0: slot 100, Redis shard 1')).toBeTruthy();
    expect(screen.getByText('key:42:r1: slot 9000, Redis shard 2')).toBeTruthy();
    expect(screen.getByText(/Clients were told v5; the database has only v4/)).toBeTruthy();
  });

  it('marks layers holding an older version as stale and says so in a sentence', () => {
    const { container } = render(<KeyInspector view={keyView()} nowMs={60_000} />);
    expect(
      screen.getByText(
        'App 3 and App 6 serve version 3 while the database has 4. Two users on different instances see different data.',
      ),
    ).toBeTruthy();
    const stale = container.querySelectorAll('[data-state="stale"]');
    expect(Array.from(stale, (s) => s.querySelector('.key-layer-title')?.textContent)).toEqual([
      'App 3 L1',
      'App 6 L1',
    ]);
    for (const s of stale) expect(within(s as HTMLElement).getByText('stale')).toBeTruthy();
    // Database, Redis and six instances, side by side.
    expect(container.querySelectorAll('.key-layer')).toHaveLength(8);
  });

  it("lists the key's copies under stale windows below the layers, and says why an expiry is late", () => {
    const copy = { version: 4, whileRevalidateMs: 2000, ifErrorMs: 0, refreshing: true };
    const view = keyView({
      staleWindows: [{ ...copy, node: 'app-0', pastTtlMs: 1500, window: 'while-revalidate' }],
    });
    const { container } = render(<KeyInspector view={view} nowMs={60_000} />);
    expect(screen.getByText(/^One copy is past its TTL and kept on purpose/).className).toContain(
      'key-diverged',
    );
    const items = container.querySelectorAll('ul.key-stale-windows li');
    expect(Array.from(items, (li) => li.textContent)).toEqual([
      'App 1 L1: v4, 1.50 s past its TTL, within stale-while-revalidate (2.00 s): served at once; refresh in flight',
    ]);
  });

  it('groups Redis with the instances by version', () => {
    render(<KeyInspector view={keyView({ redis: entry(2), l1: [entry(3)] })} nowMs={0} />);
    expect(
      screen.getByText('Redis serves version 2 and App 1 serves version 3 while the database has 4.'),
    ).toBeTruthy();
  });

  it('does not call an expired entry stale, and says when all copies agree', () => {
    const { container } = render(
      <KeyInspector view={keyView({ l1: [entry(4), entry(3, 1000)] })} nowMs={5000} />,
    );
    expect(
      screen.getByText('Every cache holding key:42 has version 4, the same as the database.'),
    ).toBeTruthy();
    expect(container.querySelector('[data-state="expired"]')?.textContent).toContain('expired (not served)');
  });
});

describe('RequestWaterfall', () => {
  const request: TraceRequest = {
    requestId: 7,
    key: 42,
    instance: 2,
    startMs: 100,
    endMs: 108.5,
    outcome: 'stale',
    isWrite: false,
    version: 3,
    dbVersion: 4,
  };
  const hop = (
    from: string,
    to: string,
    op: string,
    startMs: number,
    endMs: number,
    requestId = 7,
  ): TraceHop => ({
    requestId,
    key: 42,
    from,
    to,
    op,
    startMs,
    endMs,
    outcome: null,
  });
  const hops = [
    hop('app-2', 'client', 'response', 107.5, 108.5),
    hop('client', 'app-2', 'request', 100, 101),
    hop('app-2', 'redis-1', 'get', 101, 101.25),
    hop('redis-1', 'app-2', 'reply', 101.25, 107.5),
    hop('client', 'app-0', 'request', 100, 101, 8),
  ];

  it('lists the hops in time order with their durations and the outcome', () => {
    render(<RequestWaterfall request={request} hops={hops} />);
    const rows = screen.getAllByRole('row').slice(1);
    expect(rows.map((r) => Array.from(r.children, (c) => c.textContent).slice(0, 3))).toEqual([
      ['Client → App 3request', '+0 ms', '1 ms'],
      ['App 3 → Redis 2GET', '+1 ms', '0.25 ms'],
      ['Redis 2 → App 3reply', '+1.25 ms', '6.25 ms'],
      ['App 3 → Clientresponse', '+7.5 ms', '1 ms'],
    ]);
    expect(screen.getByText('Stale value served')).toBeTruthy();
    expect(screen.getByText(/served version 3 while the database had 4/)).toBeTruthy();
  });
});

describe('NodeInspector', () => {
  it("shows a cache's keys with version and TTL left", () => {
    render(
      <NodeInspector
        nodeId="redis-1"
        nowMs={10_000}
        entries={[
          { key: 1, version: 2, expiresAtMs: 70_000 },
          { key: 2, version: 5, expiresAtMs: null },
          { key: 3, version: 1, expiresAtMs: 9000 },
        ]}
        totalKeys={120}
      />,
    );
    expect(screen.getByRole('heading').textContent).toBe('Redis shard 2');
    expect(screen.getByText('Showing 3 of 120 keys')).toBeTruthy();
    const cells = screen
      .getAllByRole('row')
      .slice(1)
      .map((r) => Array.from(r.children, (c) => c.textContent));
    expect(cells).toEqual([
      ['key 1', 'v2', '1 min'],
      ['key 2', 'v5', 'no expiry'],
      ['key 3', 'v1', 'expired'],
    ]);
  });

  it("shows the database's pool and queue", () => {
    render(<NodeInspector nodeId="db" nowMs={0} db={{ connections: 10, inUse: 10, queue: 37 }} />);
    expect(screen.getByText('10 of 10 connections busy, 37 queries waiting')).toBeTruthy();
  });
});

describe('KeyPicker', () => {
  it('picks a valid key and refuses one outside the workload', async () => {
    const onPick = vi.fn();
    const user = userEvent.setup();
    render(<KeyPicker onPick={onPick} keys={100} />);
    const box = screen.getByRole('textbox', { name: 'Key to inspect' });
    await user.clear(box);
    await user.type(box, '250{Enter}');
    expect(screen.getByRole('alert').textContent).toBe('The workload has keys 0 to 99');
    expect(onPick).not.toHaveBeenCalled();
    await user.clear(box);
    await user.type(box, '7');
    await user.click(screen.getByRole('button', { name: 'Inspect key' }));
    expect(onPick).toHaveBeenCalledWith(7);
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
