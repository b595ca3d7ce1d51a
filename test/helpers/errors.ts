import { parseScenario, type ScenarioError } from '../../src/scenario/validate.ts';

/** The errors `parseScenario` reports for `input`; throws when it accepts it. */
export function errorsOf(input: unknown): ScenarioError[] {
  const r = parseScenario(input);
  if (r.ok) throw new Error('expected errors');
  return r.errors;
}
