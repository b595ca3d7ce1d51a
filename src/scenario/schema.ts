import './zodConfig.ts';
import { z } from 'zod';
import { changeSchema, MAX_CHANGES } from './changeSchema.ts';
import { checkChangeEntries } from './changes.ts';
import { checkScenario, scenarioFields } from './scenarioShape.ts';
import type { evictionPolicies, failureKinds, stampedeModes, strategies } from './scenarioShape.ts';

export * from './scenarioShape.ts';

/**
 * Scenario format v1: the fields of `scenarioShape.ts`, with each live change's path and value checked
 * against them (`changes.ts`). What parses here is what the engine runs.
 */
export const scenarioSchema = z
  .strictObject({
    ...scenarioFields,
    /** Settings changed mid-run, in time order: a live session, replayed exactly (see changes.ts). */
    changes: z
      .array(changeSchema)
      .max(MAX_CHANGES)
      .superRefine((list, ctx) => checkChangeEntries(list, ctx))
      .default([]),
  })
  .superRefine(checkScenario);

/** A scenario with every default filled in: what the engine receives. */
export type Scenario = z.output<typeof scenarioSchema>;
/** What a user may write: any field but `version` may be left out. */
export type ScenarioInput = z.input<typeof scenarioSchema>;
export type Strategy = (typeof strategies)[number];
export type EvictionPolicy = (typeof evictionPolicies)[number];
export type StampedeMode = (typeof stampedeModes)[number];
export type FailureKind = (typeof failureKinds)[number];
