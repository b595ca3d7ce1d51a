import type { SimMs, Summary } from '../engine/types.ts';
import type { Scenario } from '../scenario/schema.ts';
import { openEnginePort, type EnginePort } from '../worker/port.ts';
import { RunClient } from './engineClient.ts';

export type SummariesAt = (scenario: Scenario, times: readonly SimMs[]) => Promise<Summary[]>;

/**
 * Headless runs for lesson checks in an engine worker of their own, started on first use, so a check
 * takes the other core instead of holding up the live run's frames. It speaks the one protocol
 * (`summariesAt`); where there is no Worker (tests in jsdom) the port runs the engine in-process.
 */
export function createCheckRunner(openPort: () => EnginePort = openEnginePort): SummariesAt {
  let client: RunClient | null = null;
  return (scenario, times) => {
    client ??= new RunClient(openPort(), 'lesson-check');
    return client.call<Summary[]>({ type: 'summariesAt', scenario, times: [...times] });
  };
}
