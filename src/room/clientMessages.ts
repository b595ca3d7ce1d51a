import '../scenario/zodConfig.ts';
import { z } from 'zod';
import { CODE_LENGTH } from './code.ts';
import { ROOM_LIMITS, ROOM_PROTOCOL, type RoomGuess, type StepRef } from './protocol.ts';

/**
 * What a page may send the room server, as zod schemas: the server checks every message against
 * `clientMessageSchema` before it looks at it (a message that does not match gets an error naming
 * the field). The pages import only the types.
 */

export const guessSchema = z.union([
  z.strictObject({ option: z.number().int().min(0).max(31) }),
  z.strictObject({
    value: z.number().min(-ROOM_LIMITS.maxGuess).max(ROOM_LIMITS.maxGuess),
  }),
]);

const code = z.string().max(2 * CODE_LENGTH);
const token = z.string().min(16).max(64);
const version = z.literal(ROOM_PROTOCOL);
/** A lesson step the room follows: the lesson's id and the step, from 0; null for none. */
const stepRef = z.strictObject({
  lessonId: z.string().min(1).max(64),
  step: z.number().int().min(0).max(99),
});
/** A measured figure's value by its id, as the lesson check reads it. */
const figureValue = z.union([z.number().refine(Number.isFinite, 'a finite number'), z.string().max(80)]);

/** Everything a page may send. Facilitator commands are refused on a participant's connection. */
export const clientMessageSchema = z.discriminatedUnion('type', [
  /** Opens a new room; the connection becomes its facilitator. */
  z.strictObject({ type: z.literal('create'), v: version }),
  /** Takes a room back as its facilitator (after a reload), with the secret token from `create`. */
  z.strictObject({ type: z.literal('host'), v: version, code, token }),
  /** Joins a room as a participant; with the token from a previous join, as the same participant. */
  z.strictObject({
    type: z.literal('join'),
    v: version,
    code,
    token: token.optional(),
    name: z
      .string()
      .max(4 * ROOM_LIMITS.nameLength)
      .optional(),
  }),
  z.strictObject({ type: z.literal('guess'), guess: guessSchema }),
  z.strictObject({ type: z.literal('step'), at: stepRef.nullable() }),
  z.strictObject({ type: z.literal('close') }),
  z.strictObject({ type: z.literal('reopen') }),
  z.strictObject({
    type: z.literal('reveal'),
    values: z.record(z.string().max(40), figureValue).refine((v) => Object.keys(v).length <= 16, {
      message: 'at most 16 figures',
    }),
  }),
  z.strictObject({ type: z.literal('export') }),
  z.strictObject({ type: z.literal('end') }),
]);

export type ClientMessage = z.infer<typeof clientMessageSchema>;

/** The schemas and the protocol's types agree (a type error here otherwise). */
const _sameGuess: [z.infer<typeof guessSchema>, RoomGuess] extends [RoomGuess, z.infer<typeof guessSchema>]
  ? true
  : never = true;
const _sameStep: [z.infer<typeof stepRef>, StepRef] extends [StepRef, z.infer<typeof stepRef>]
  ? true
  : never = true;

/** The commands only the facilitator may give. */
export type HostCommand = Exclude<ClientMessage['type'], 'create' | 'host' | 'join' | 'guess'>;
