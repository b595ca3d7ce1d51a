/**
 * What the page needs of the schema (zod) outside the panels that import it themselves: reading a
 * link's scenario, writing one into the address, checking a live change, a failure, a field's value.
 * A chunk of its own, which `loadSchemaKit.ts` fetches on first use (or before the first render, for a
 * link that carries a scenario), so a first visit to `/` plays without it (issue 21).
 */
import { failureSchema, type FailureKind, type Scenario } from './schema.ts';

export { decodeScenario, encodeScenario } from './url.ts';
export { formatErrors, summarizeErrors, validateFieldValue } from './validate.ts';
export { applyChangesTo, validateChange } from './changes.ts';

/** A failure as the schema fills it in (the fields it adds, with their defaults). */
export const parseFailure = (
  atMs: number,
  kind: FailureKind,
  durationMs: number,
): Scenario['failures'][number] => failureSchema.parse({ atMs, kind, durationMs });
