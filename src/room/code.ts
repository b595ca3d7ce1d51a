/**
 * Room codes: 8 characters from 31 that cannot be misread for one another (no 0/O, 1/I/L), shown as
 * two groups of four ("K7QM-3XRD"). 31^8 is about 8.5 × 10^11 codes; the server also caps failed
 * joins (server-wide and per connection), so guessing a live room's code takes centuries.
 * Generating one needs a secure random source and lives in the server (`src/server/secrets.ts`).
 */

export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const CODE_LENGTH = 8;

/** A code as typed or linked ("k7qm 3xrd", "K7QM-3XRD"), in its stored form ("K7QM3XRD"), or null. */
export function normalizeCode(text: string): string | null {
  const code = text.toUpperCase().replace(/[\s-]/g, '');
  if (code.length !== CODE_LENGTH) return null;
  for (const c of code) if (!CODE_ALPHABET.includes(c)) return null;
  return code;
}

/** "K7QM3XRD" as people read it: "K7QM-3XRD". */
export const displayCode = (code: string): string => `${code.slice(0, 4)}-${code.slice(4)}`;
