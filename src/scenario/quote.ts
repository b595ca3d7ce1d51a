/**
 * How messages quote what they received. A message names the problem; it does not repeat the input:
 * at most about 80 characters of it, cut with an ellipsis, so a megabyte pasted into a field, a file or
 * a link never becomes a megabyte notice (one did: 2 000 403 characters). No imports, so the engine's
 * Cache-Control reader can use it too.
 */

/** Most characters of input a message quotes. */
export const QUOTE_MAX = 80;

/**
 * `text` if it fits in `max` characters, else its start and an ellipsis, `max` characters in all.
 *
 * @example clip('x'.repeat(100)).length // 80, ending in '…'
 */
export function clip(text: string, max = QUOTE_MAX): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1))}…`;
}

/**
 * Writes `value` as JSON until about `budget` characters are written. Each level of nesting costs at
 * least one character, so the recursion is as deep as the budget at most, however deep the value.
 */
function write(value: unknown, budget: number): string {
  if (budget <= 0) return '';
  if (typeof value === 'string') return JSON.stringify(value.slice(0, budget));
  if (value === null || typeof value !== 'object') return String(value);
  const array = Array.isArray(value);
  let out = array ? '[' : '{';
  const keys = array ? [] : Object.keys(value);
  const n = array ? value.length : keys.length;
  for (let i = 0; i < n && out.length < budget; i++) {
    if (i > 0) out += ',';
    const k = keys[i] ?? '';
    if (!array) out += `${JSON.stringify(k.slice(0, budget))}:`;
    const item = array ? (value as unknown[])[i] : (value as Record<string, unknown>)[k];
    out += write(item, budget - out.length);
  }
  return out + (array ? ']' : '}');
}

/**
 * A received value as a message quotes it: JSON, cut to `max` characters. Safe on any input (deep,
 * cyclic, huge), where `JSON.stringify` would throw or print "[object Object]".
 *
 * @example preview({ a: { b: [1, 2] } }) // '{"a":{"b":[1,2]}}'
 */
export function preview(value: unknown, max = QUOTE_MAX): string {
  // A string keeps its closing quote when cut.
  if (typeof value === 'string') return JSON.stringify(clip(value, max - 2));
  try {
    return clip(write(value, max + 1), max);
  } catch {
    // A getter that throws (never in parsed JSON, possible in a hand-built object).
    return 'a value that cannot be shown';
  }
}
