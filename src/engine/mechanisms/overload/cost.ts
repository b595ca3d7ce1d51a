import type { MechanismCost } from '../../costPart.ts';

/**
 * Overload: a client with a timeout arms a timer per attempt; its retries multiply the attempts. How
 * many attempts a request takes depends on failures no formula here foresees (a retry storm is an
 * overload feeding itself). Between none failing (1 attempt) and all failing (1 + retries), the
 * geometric mean is within 2x of either for up to 3 retries.
 */
export const overloadCost: MechanismCost = {
  name: 'overload',
  attemptsPerRequest: (s) => Math.sqrt(1 + s.workload.client.retries),
  requestEvents: (s) => (s.workload.client.timeoutMs !== null ? 1 : 0),
};
