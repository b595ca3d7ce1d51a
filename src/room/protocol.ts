import '../scenario/zodConfig.ts';
import { z } from 'zod';
import { CODE_LENGTH } from './code.ts';

/**
 * The workshop room's messages, between the room server (`src/server/`) and the pages (the
 * facilitator's app and the participants' phones), one JSON object per WebSocket text frame.
 * What a page sends is checked here, with zod, before the server looks at it; what the server sends
 * is typed below. The server holds every rule (who may do what, how many, how often): a page that
 * sends something else gets an `error` naming the problem, and the room goes on.
 */

export const ROOM_PROTOCOL = 1;
/** Where the room's socket listens, relative to the page (so the app works from a sub-path). */
export const ROOM_SOCKET_PATH = 'room/ws';

/** The limits the server keeps (a test checks each). */
export const ROOM_LIMITS = {
  maxParticipants: 1000,
  /** Characters of a participant's name. */
  nameLength: 40,
  /** Bytes of one incoming message; a larger frame closes the connection (code 1009). */
  messageBytes: 4096,
  /** A guess typed as a number stays within this (larger ones are mistakes, not predictions). */
  maxGuess: 1e12,
} as const;

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
export type RoomGuess = z.infer<typeof guessSchema>;
export type StepRef = z.infer<typeof stepRef>;

/** The commands only the facilitator may give. */
export const HOST_COMMANDS = ['step', 'close', 'reopen', 'reveal', 'export', 'end'] as const;

/** A step's question as a participant sees it. */
export type QuestionView =
  { kind: 'choice'; text: string; options: string[] } | { kind: 'number'; text: string; unit: string };

export interface StepView {
  /** `lessonId/step` (step from 0): answers are kept per step. */
  key: string;
  lessonTitle: string;
  title: string;
  /** "Step n of total", from 1. */
  n: number;
  total: number;
  /** Null for a step that asks nothing (watch the screen). */
  question: QuestionView | null;
}

export type Phase = 'open' | 'closed' | 'revealed';

/** One bar of a reveal: a choice with its count, or a bin of numbers [from, to). */
export interface RevealBar {
  label: string;
  count: number;
  /** The measured answer is this choice, or falls in this bin. */
  measured: boolean;
  /** For a bin: its range (the first and last also hold the guesses beyond it). */
  from?: number;
  to?: number;
}

export interface RevealView {
  /** "Measured: 21 database queries per expiry." */
  measured: string;
  /** For a number question, the measured value in the unit guesses are typed in. */
  measuredValue: number | null;
  bars: RevealBar[];
  answers: number;
  /** Guesses the lesson's check calls right (a choice) or close enough (a number). */
  right: number;
  /** The lesson's explanation, filled with the run's figures. */
  explanation: string;
}

/** The room as one page sees it, sent whole on every change that page must see. */
export interface RoomState {
  type: 'state';
  code: string;
  step: StepView | null;
  phase: Phase;
  reveal: RevealView | null;
  /** A participant's own answer to this step, and whether the reveal found it right. */
  yours: RoomGuess | null;
  yoursRight: boolean | null;
}

/** The facilitator's live figures, sent as answers arrive (batched per turn of the server's loop). */
export interface RoomTally {
  type: 'tally';
  key: string | null;
  answers: number;
  participants: number;
  online: number;
}

export type ErrorCode =
  | 'bad-message'
  | 'version'
  | 'forbidden'
  | 'rate'
  | 'no-room'
  | 'room-full'
  | 'too-many-rooms'
  | 'not-joined'
  | 'closed'
  | 'no-question'
  | 'bad-guess'
  | 'bad-reveal';

export type ServerMessage =
  | { type: 'welcome'; role: 'host' | 'participant'; code: string; token: string; name: string | null }
  | RoomState
  | RoomTally
  /** A participant's guess is in; `answers` counts this step's answers with it. */
  | { type: 'saved'; key: string; guess: RoomGuess; answers: number }
  | { type: 'csv'; fileName: string; text: string }
  | { type: 'ended'; reason: 'ended' | 'expired' }
  | { type: 'error'; code: ErrorCode; message: string };
