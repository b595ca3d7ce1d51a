/**
 * "Did you mean ttlMs?": the known name closest to a mistyped one. No imports, so the link readers
 * (share/linkParams.ts, lessons/links.ts) use it without the schema (zod) in a first visit.
 */

/** Edit distance, for "did you mean ttlMs?". Small inputs only. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j] ?? 0;
      const cost = a[i - 1]?.toLowerCase() === b[j - 1]?.toLowerCase() ? 0 : 1;
      row[j] = Math.min(cur + 1, (row[j - 1] ?? 0) + 1, prev + cost);
      prev = cur;
    }
  }
  return row[b.length] ?? 0;
}

/** Names longer than this are not compared: no field name comes close, and the comparison costs their length. */
const MAX_GUESSED_NAME = 64;

/** The known name closest to `name`, when it is close enough to be a plausible typo. */
export function closestName(name: string, known: readonly string[]): string | undefined {
  if (name.length === 0 || name.length > MAX_GUESSED_NAME) return undefined;
  let best: string | undefined;
  let bestD = Infinity;
  for (const k of known) {
    const lower = name.toLowerCase();
    const kl = k.toLowerCase();
    const d =
      kl.startsWith(lower) || lower.startsWith(kl) ? Math.min(1, distance(name, k)) : distance(name, k);
    if (d < bestD) {
      bestD = d;
      best = k;
    }
  }
  return bestD <= Math.max(2, Math.floor(name.length / 3)) ? best : undefined;
}
