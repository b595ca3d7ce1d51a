import type { MechanismCost } from './costPart.ts';
import { cdcCost } from './mechanisms/cdc/cost.ts';
import { cdnCost } from './mechanisms/cdn/cost.ts';
import { failuresCost } from './mechanisms/failures/cost.ts';
import { familiesCost } from './mechanisms/families/cost.ts';
import { hotKeysCost } from './mechanisms/hotKeys/cost.ts';
import { leasesCost } from './mechanisms/leases/cost.ts';
import { overloadCost } from './mechanisms/overload/cost.ts';
import { redisOpsCost } from './mechanisms/redisOps/cost.ts';
import { trackingCost } from './mechanisms/tracking/cost.ts';
import { stampedeCost } from './mechanisms/stampede/cost.ts';
import { writeBehindCost } from './mechanisms/writeBehind/cost.ts';

/**
 * Each mechanism's term of the cost estimate (its `cost.ts`), in the registry's order (registry.ts):
 * the estimate adds them in this order. Kept apart from the registry so estimating a cost (the app's
 * main thread, the CLI) does not load the engine. test/engine/costParts.test.ts checks the names and
 * the order against the registry. A mechanism without a term here adds nothing to the core's formula
 * (a request's hops, its hit ratios by the TTL formula).
 */
export const COST_PARTS: readonly MechanismCost[] = [
  overloadCost,
  failuresCost,
  redisOpsCost,
  writeBehindCost,
  cdcCost,
  cdnCost,
  stampedeCost,
  hotKeysCost,
  familiesCost,
  leasesCost,
  trackingCost,
];
