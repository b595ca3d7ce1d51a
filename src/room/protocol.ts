/**
 * The workshop room's messages, between the room server (`src/server/`) and the pages (the
 * facilitator's app and the participants' phones), one JSON object per WebSocket text frame. What a
 * page sends is described (and checked, with zod) in `clientMessages.ts`; what the server sends is
 * typed here. The server holds every rule (who may do what, how many, how often): a page that sends
 * something else gets an `error` naming the problem, and the room goes on. This module has no code
 * beyond constants, so the pages' chunks do not carry the schema library's checks.
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

/** A guess: the option picked (from 0), or a number in the unit the question names. */
export type RoomGuess = { option: number } | { value: number };

/** A lesson step the room follows: the lesson's id and the step, from 0. */
export interface StepRef {
  lessonId: string;
  step: number;
}

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
