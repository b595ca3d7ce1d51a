import { randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { CODE_ALPHABET, CODE_LENGTH } from '../room/code.ts';

/** A room code from the operating system's secure random source (see `src/room/code.ts`). */
export function newRoomCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/** A secret token: 32 random bytes (256 bits) as 43 URL-safe characters. */
export const newToken = (): string => randomBytes(32).toString('base64url');

/** Compares a presented token with the real one in time that does not depend on where they differ. */
export function sameToken(presented: string, real: string): boolean {
  const a = Buffer.from(presented);
  const b = Buffer.from(real);
  return a.length === b.length && timingSafeEqual(a, b);
}
