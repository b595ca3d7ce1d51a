/// <reference lib="webworker" />
import { summariesAt } from './measureRun.ts';
import type { CheckRequest, CheckReply } from '../runtime/checkRunner.ts';

/** Runs lesson checks off the page's thread: one scenario, read at the times asked. */
self.onmessage = (e: MessageEvent<CheckRequest>) => {
  const { id, scenario, times } = e.data;
  let reply: CheckReply;
  try {
    reply = { id, summaries: summariesAt(scenario, times) };
  } catch (err) {
    reply = { id, error: err instanceof Error ? err.message : String(err) };
  }
  (self as unknown as DedicatedWorkerGlobalScope).postMessage(reply);
};
