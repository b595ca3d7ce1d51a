import type { ErrorCode, Phase, RevealView, RoomGuess, RoomState, StepRef } from '../room/protocol.ts';
import { ROOM_LIMITS } from '../room/protocol.ts';
import { guessProblem, roomStep, stepKey, type RoomStep } from './questions.ts';
import { buildReveal, revealProblem } from './reveal.ts';

/**
 * One workshop room, without sockets: its participants, the steps it has visited and every answer
 * given to each. The server (`sockets.ts`) turns messages into these calls and sends what they
 * change; everything here is plain data, so a test can drive a room of 1,000 without a network.
 */

export interface Participant {
  id: number;
  token: string;
  /** Plain text, capped; null when the participant gave none. */
  name: string | null;
}

interface StepRecord {
  step: RoomStep;
  phase: Phase;
  /** Each participant's latest answer, by id, in the order they first answered. */
  answers: Map<number, RoomGuess>;
  reveal: RevealView | null;
  /** Whether each answer was right, by participant id, once revealed. */
  right: Map<number, boolean>;
}

export type Outcome = { ok: true } | { ok: false; code: ErrorCode; message: string };
const ok: Outcome = { ok: true };
const fail = (code: ErrorCode, message: string): Outcome => ({ ok: false, code, message });

/**
 * A name as the room keeps it: Unicode-normalised, without control or format characters, spaces
 * collapsed, at most `ROOM_LIMITS.nameLength` characters; null when nothing is left. Pages show it
 * as text, never as HTML.
 */
export function cleanName(raw: string | undefined): string | null {
  if (raw === undefined) return null;
  const text = raw
    .normalize('NFC')
    .replace(/\p{C}+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const capped = [...text].slice(0, ROOM_LIMITS.nameLength).join('').trim();
  return capped === '' ? null : capped;
}

export const participantLabel = (p: Participant): string => p.name ?? `Participant ${p.id}`;

export class Room {
  /** When anyone last sent this room a message (ms, the server's clock): idle rooms expire. */
  lastActiveMs: number;
  private readonly byToken = new Map<string, Participant>();
  private readonly steps = new Map<string, StepRecord>();
  private current: StepRecord | null = null;

  constructor(
    readonly code: string,
    readonly hostToken: string,
    nowMs: number,
    private readonly maxParticipants: number = ROOM_LIMITS.maxParticipants,
  ) {
    this.lastActiveMs = nowMs;
  }

  get participantCount(): number {
    return this.byToken.size;
  }

  get answerCount(): number {
    return this.current?.answers.size ?? 0;
  }

  get currentKey(): string | null {
    return this.current?.step.view.key ?? null;
  }

  hasParticipant(token: string): boolean {
    return this.byToken.has(token);
  }

  /** The participant holding `token`, or a new one (with `newToken`) while the room has space. */
  join(token: string | undefined, name: string | undefined, newToken: () => string): Participant | null {
    const known = token === undefined ? undefined : this.byToken.get(token);
    if (known) return known;
    if (this.byToken.size >= this.maxParticipants) return null;
    const p: Participant = { id: this.byToken.size + 1, token: newToken(), name: cleanName(name) };
    this.byToken.set(p.token, p);
    return p;
  }

  /** Moves the room to a lesson step (or to none); a step visited before keeps its answers. */
  setStep(at: StepRef | null): Outcome {
    if (at === null) {
      this.current = null;
      return ok;
    }
    const key = stepKey(at);
    let record = this.steps.get(key);
    if (!record) {
      const step = roomStep(at);
      if (!step) return fail('no-question', `There is no step ${at.step + 1} in a lesson "${at.lessonId}".`);
      record = { step, phase: 'open', answers: new Map(), reveal: null, right: new Map() };
      this.steps.set(key, record);
    }
    this.current = record;
    return ok;
  }

  guess(p: Participant, guess: RoomGuess): Outcome {
    const prediction = this.current?.step.prediction;
    if (!this.current || !prediction) return fail('no-question', 'There is no question to answer right now.');
    if (this.current.phase !== 'open') return fail('closed', 'The answers are closed for this question.');
    const problem = guessProblem(prediction, guess);
    if (problem) return fail('bad-guess', problem);
    this.current.answers.set(p.id, guess);
    return ok;
  }

  /** Closes or reopens the answers to the current question (a revealed one stays revealed). */
  setOpen(open: boolean): Outcome {
    if (!this.current?.step.prediction) return fail('no-question', 'There is no question on screen.');
    if (this.current.phase === 'revealed') return fail('closed', 'This question is already revealed.');
    this.current.phase = open ? 'open' : 'closed';
    return ok;
  }

  /** Closes the answers and judges each against the measured figures. */
  reveal(values: Record<string, number | string>): Outcome {
    const record = this.current;
    const prediction = record?.step.prediction;
    if (!record || !prediction) return fail('no-question', 'There is no question to reveal.');
    const problem = revealProblem(prediction, values);
    if (problem) return fail('bad-reveal', problem);
    const ids = [...record.answers.keys()];
    const { view, right } = buildReveal(prediction, values, [...record.answers.values()]);
    record.phase = 'revealed';
    record.reveal = view;
    record.right = new Map(ids.map((id, i) => [id, right[i]!]));
    return ok;
  }

  /** The room as a participant (or, with null, the facilitator) sees it now. */
  stateFor(p: Participant | null): RoomState {
    const r = this.current;
    return {
      type: 'state',
      code: this.code,
      step: r?.step.view ?? null,
      phase: r?.phase ?? 'open',
      reveal: r?.reveal ?? null,
      yours: (p && r?.answers.get(p.id)) ?? null,
      yoursRight: (p && r?.right.get(p.id)) ?? null,
    };
  }

  /** Every answer of every step visited, in the order the room saw them, for the CSV. */
  *answerRows(): Generator<{
    step: RoomStep;
    reveal: RevealView | null;
    who: Participant;
    guess: RoomGuess;
    right: boolean | undefined;
  }> {
    const people = new Map([...this.byToken.values()].map((p) => [p.id, p]));
    for (const record of this.steps.values()) {
      for (const [id, guess] of record.answers) {
        const who = people.get(id)!;
        yield { step: record.step, reveal: record.reveal, who, guess, right: record.right.get(id) };
      }
    }
  }
}
