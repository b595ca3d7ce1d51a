import type { AppStore } from '../store/appStore.ts';
import { VIEW_PARAMS, type LinkView } from '../share/linkParams.ts';
import type { Controller } from './controller.ts';

/**
 * Puts the view where a link says: speed, time, selection, tab. Runs once, right after the scenario
 * is loaded; the worker takes the commands in order, so the seek lands on the link's scenario.
 */
export function applyView(view: LinkView, controller: Controller, store: AppStore): void {
  if (view.speed !== undefined) controller.setSpeed(view.speed);
  if (view.tMs !== undefined && view.tMs > 0) controller.seek(view.tMs);
  const { select, setPanel } = store.getState();
  if (view.node !== undefined) select({ kind: 'node', id: view.node });
  else if (view.key !== undefined) select({ kind: 'key', key: view.key });
  if (view.tab !== undefined) setPanel(view.tab);
}

/**
 * The query without the view's parameters: once applied, they would only go stale in the address bar
 * (the clock moves on), so the full app drops them; Share writes them afresh.
 *
 * @example withoutView('?preset=stampede&t=12000&tab=charts') // '?preset=stampede'
 */
export function withoutView(search: string): string {
  const params = new URLSearchParams(search);
  for (const name of VIEW_PARAMS) params.delete(name);
  const q = params.toString();
  return q ? `?${q}` : '';
}
