import type { SimMs, Summary } from '../engine/types.ts';
import type { Scenario } from '../scenario/schema.ts';

export interface CheckRequest {
  id: number;
  scenario: Scenario;
  times: readonly SimMs[];
}
export type CheckReply = { id: number; summaries: Summary[] } | { id: number; error: string };

export type SummariesAt = (scenario: Scenario, times: readonly SimMs[]) => Promise<Summary[]>;

/**
 * Headless runs for lesson checks in a Web Worker of their own, started on first use, so a check
 * neither blocks the page nor holds up the live run. Where there is no `Worker` (tests in jsdom) the
 * engine is loaded on demand and runs in-process.
 */
export function createCheckRunner(): SummariesAt {
  let worker: Worker | null = null;
  let nextId = 1;
  const pending = new Map<number, { resolve: (s: Summary[]) => void; reject: (e: Error) => void }>();
  const start = (): Worker => {
    const w = new Worker(new URL('../lessons/check.worker.ts', import.meta.url), { type: 'module' });
    w.onmessage = (e: MessageEvent<CheckReply>) => {
      const waiting = pending.get(e.data.id);
      pending.delete(e.data.id);
      if ('error' in e.data) waiting?.reject(new Error(e.data.error));
      else waiting?.resolve(e.data.summaries);
    };
    w.onerror = (e) => {
      for (const p of pending.values()) p.reject(new Error(e.message || 'the check worker failed'));
      pending.clear();
      worker = null;
    };
    return w;
  };
  return async (scenario, times) => {
    if (typeof Worker === 'undefined') {
      const { summariesAt } = await import('../lessons/measureRun.ts');
      return summariesAt(scenario, times);
    }
    worker ??= start();
    const id = nextId++;
    const w = worker;
    return new Promise<Summary[]>((resolve, reject) => {
      pending.set(id, { resolve, reject });
      w.postMessage({ id, scenario, times } satisfies CheckRequest);
    });
  };
}
