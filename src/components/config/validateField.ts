import { numberBounds, parsePath, schemaAt, unwrap } from '../../scenario/fields.ts';
import type { ScenarioInput } from '../../scenario/schema.ts';
import { validateFieldValue } from '../../scenario/validate.ts';
import { formatValue } from '../format.ts';
import { fieldFor, labelFor } from './fields.ts';

/**
 * The config panel's one question to the scenario module: may `path` take `value` in this draft?
 * Returns the message to show beside the field, or null.
 *
 * The verdict is `validateFieldValue`'s (the schema plus cross-field rules such as phase order and
 * failures before the end of the run). Its messages are written for JSON authors ("cache.l2.ttlMs: got
 * 90000000, expected a number >= 1 ..."); beside a slider, "L2 TTL must be at most 24 h" reads better,
 * so plain range and integer problems are reworded in the field's own label and unit.
 */
export function validateField(path: string, value: unknown, draft?: ScenarioInput): string | null {
  const error = validateFieldValue(path, value, draft ?? { version: 1 });
  if (!error) return null;
  return rangeMessage(path, value) ?? error.message.replace(/^[^:]*:/, `${labelFor(path)}:`);
}

function rangeMessage(path: string, value: unknown): string | null {
  if (typeof value !== 'number') return null;
  const schema = schemaAt(parsePath(path));
  if (!schema) return null;
  const { base } = unwrap(schema);
  const { min, max, isInt } = numberBounds(base);
  const label = labelFor(path);
  const unit = fieldFor(path)?.unit ?? 'none';
  const name = label.charAt(0).toUpperCase() + label.slice(1);
  if (value < min) return `${name} must be at least ${formatValue(unit, min)}`;
  if (value > max) return `${name} must be at most ${formatValue(unit, max)}`;
  if (isInt && !Number.isInteger(value)) return `${name} must be a whole number`;
  return null;
}
