/**
 * How long an object's JSON would be, found by walking it and stopping once past a cap: a hostile
 * `loadScenario` of a million keys is refused after reading a megabyte's worth of it, instead of being
 * written out as JSON (seconds of the page's main thread) and only then measured.
 */

/** Characters a leaf takes in JSON; strings without their escapes (a lower bound, checked again later). */
function leafLength(v: unknown): number {
  if (typeof v === 'string') return v.length + 2;
  if (typeof v === 'number') return Number.isFinite(v) ? String(v).length : 4;
  if (typeof v === 'boolean') return v ? 4 : 5;
  return 4; // null, and what JSON writes as null in an array
}

export type JsonSize = { ok: true } | { ok: false; reason: 'too-long' | 'cyclic' };

/**
 * Walks `value` as `JSON.stringify` would, adding up the characters, and stops as soon as they pass
 * `cap` (not ok, 'too-long') or an object contains itself ('cyclic'). Work is bounded by `cap`: every step
 * adds at least one character. Ok means the JSON is at most about `cap` long (strings' escapes are not
 * counted), so writing it out is cheap and its exact length can be checked then.
 *
 * @example
 * jsonSizeWithin({ a: [1, 2] }, 100) // { ok: true }
 * jsonSizeWithin(Object.fromEntries(Array.from({ length: 1e6 }, (_, i) => [i, 0])), 1e6).ok // false
 */
export function jsonSizeWithin(value: unknown, cap: number): JsonSize {
  let length = 0;
  // Objects on the path from the root (a cycle), and what is left to visit.
  const open = new Set<object>();
  const stack: { node: unknown; leave?: object }[] = [{ node: value }];
  while (stack.length > 0) {
    const { node, leave } = stack.pop()!;
    if (leave) {
      open.delete(leave);
      continue;
    }
    if (node === null || typeof node !== 'object') {
      length += leafLength(node);
    } else {
      if (open.has(node)) return { ok: false, reason: 'cyclic' };
      open.add(node);
      stack.push({ node: null, leave: node });
      length += 2; // the brackets
      if (Array.isArray(node)) {
        for (let i = node.length - 1; i >= 0 && length <= cap; i--) {
          length += 1;
          stack.push({ node: node[i] as unknown });
        }
      } else {
        // for...in, not Object.keys: no list of a million names is made before the cap is reached.
        for (const key in node) {
          if (!Object.hasOwn(node, key)) continue;
          const child = (node as Record<string, unknown>)[key];
          if (child === undefined || typeof child === 'function' || typeof child === 'symbol') continue;
          length += key.length + 4; // quotes, colon, comma
          stack.push({ node: child });
          if (length > cap) break;
        }
      }
    }
    if (length > cap) return { ok: false, reason: 'too-long' };
  }
  return { ok: true };
}
