// @vitest-environment jsdom
/**
 * The whole app in jsdom, with the engine's message handler in-process (jsdom has no Worker): the same
 * protocol, cloning and transfers as across a real worker.
 */
import { act, configure, fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { App } from '../../src/App.tsx';
import { resolveInitial } from '../../src/runtime/initialScenario.ts';

// The engine answers when it is done, however busy the machine: wait for it, do not time it.
configure({ asyncUtilTimeout: 600_000 });

const clock = () => screen.getByRole('group', { name: 'Simulated clock' });
const eventsShown = () => Number(clock().querySelector('[data-events]')?.getAttribute('data-events'));
const nowShown = () => Number(clock().querySelector('[data-now-ms]')?.getAttribute('data-now-ms'));

describe('App with the engine in-process', () => {
  it('steps, seeks and inspects through the worker protocol', async () => {
    expect(typeof Worker).toBe('undefined');
    render(<App initial={resolveInitial('?preset=baseline', '')} />);
    await userEvent.click(screen.getByRole('button', { name: 'Step' }));
    await waitFor(() => expect(eventsShown()).toBe(1));
    fireEvent.change(screen.getByRole('slider', { name: 'Timeline' }), { target: { value: '5000' } });
    await waitFor(() => expect(nowShown()).toBe(5000));
    expect(screen.queryByText(/seeking to/)).toBeNull();
    await userEvent.click(screen.getByRole('tab', { name: 'Inspect' }));
    await userEvent.click(await screen.findByRole('button', { name: /^Redis shard 1/ }));
    // The node inspector lists the shard's keys, read from the simulation in the worker.
    expect(await screen.findByText(/^Showing 30 of [\d,]+ keys$/)).toBeTruthy();
    // The requests the canvas followed come with the worker's updates.
    expect(await screen.findByRole('heading', { name: 'Recent requests' })).toBeTruthy();
    await act(async () => {});
  });
});
