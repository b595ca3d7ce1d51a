import Papa from 'papaparse';
import { getLesson } from '../../src/lessons/curriculum/index.ts';
import { judge } from '../../src/lessons/runner.ts';
import { ROOM_LIMITS } from '../../src/room/protocol.ts';
import { answersCsv } from '../../src/server/csv.ts';
import { cleanName, Room } from '../../src/server/room.ts';

let tokens = 0;
const newToken = () => `token-${++tokens}-${'x'.repeat(20)}`;
const stampede = getLesson('stampede')!;
const numberStep = { lessonId: 'stampede', step: 0 };
const choiceStep = { lessonId: 'stampede', step: 1 };

describe('a room without sockets', () => {
  it('takes 1,000 participants by default and refuses the next, but lets a known one back in', () => {
    const room = new Room('K7QM3XRD', 'host', 0);
    const people = Array.from({ length: ROOM_LIMITS.maxParticipants }, () =>
      room.join(undefined, undefined, newToken),
    );
    expect(people.every((p) => p !== null)).toBe(true);
    expect(new Set(people.map((p) => p!.id)).size).toBe(1000);
    expect(room.join(undefined, 'one more', newToken)).toBeNull();
    expect(room.join(people[500]!.token, undefined, newToken)).toBe(people[500]);
  });

  it('keeps names as capped plain text', () => {
    expect(cleanName('  Ann\u0000\u202e <b>Lee</b>\n ')).toBe('Ann <b>Lee</b>');
    expect(cleanName('é'.normalize('NFD'))).toBe('é');
    expect([...cleanName('😀'.repeat(100))!]).toHaveLength(ROOM_LIMITS.nameLength);
    expect(cleanName(' \t ')).toBeNull();
    expect(cleanName(undefined)).toBeNull();
  });

  it('checks a guess against the step it answers and keeps the latest', () => {
    const room = new Room('K7QM3XRD', 'host', 0);
    const p = room.join(undefined, 'Ann', newToken)!;
    expect(room.guess(p, { value: 3 })).toMatchObject({ ok: false, code: 'no-question' });
    expect(room.setStep({ lessonId: 'nope', step: 0 })).toMatchObject({ ok: false, code: 'no-question' });
    expect(room.setStep({ lessonId: 'stampede', step: 42 })).toMatchObject({ ok: false });
    room.setStep(choiceStep);
    expect(room.guess(p, { value: 3 })).toMatchObject({ ok: false, code: 'bad-guess' });
    expect(room.guess(p, { option: 3 })).toMatchObject({ ok: false, code: 'bad-guess' });
    expect(room.guess(p, { option: 2 })).toEqual({ ok: true });
    expect(room.guess(p, { option: 0 })).toEqual({ ok: true });
    expect(room.stateFor(p).yours).toEqual({ option: 0 });
    expect(room.answerCount).toBe(1);
    room.setOpen(false);
    expect(room.guess(p, { option: 1 })).toMatchObject({ ok: false, code: 'closed' });
    room.setOpen(true);
    expect(room.guess(p, { option: 1 })).toEqual({ ok: true });
  });

  it('reveals with the lesson runner’s judgement and keeps each step’s answers when the room comes back', () => {
    const room = new Room('K7QM3XRD', 'host', 0);
    const people = [1, 5, 18, 21, 24, 200].map((v) => {
      const p = room.join(undefined, undefined, newToken)!;
      return { p, v };
    });
    room.setStep(numberStep);
    for (const { p, v } of people) room.guess(p, { value: v });
    const values = { dbQueriesPerExpiry: 21, p99Peak: 40 };
    expect(room.reveal({ dbQueriesPerExpiry: 21 })).toMatchObject({ ok: false, code: 'bad-reveal' });
    expect(room.reveal(values)).toEqual({ ok: true });
    const prediction = stampede.steps[0]!.prediction!;
    const expected = people.filter(({ v }) => judge(prediction, { value: v }, values).correct).length;
    const state = room.stateFor(people[3]!.p);
    expect(state.phase).toBe('revealed');
    expect(state.reveal?.right).toBe(expected);
    expect(state.reveal?.answers).toBe(6);
    expect(state.reveal?.measuredValue).toBe(21);
    expect(state.yoursRight).toBe(true);
    expect(room.stateFor(people[0]!.p).yoursRight).toBe(false);
    expect(room.guess(people[0]!.p, { value: 21 })).toMatchObject({ ok: false, code: 'closed' });
    expect(room.setOpen(true)).toMatchObject({ ok: false });

    room.setStep(choiceStep);
    expect(room.stateFor(null).phase).toBe('open');
    expect(room.answerCount).toBe(0);
    room.setStep(numberStep);
    expect(room.stateFor(null).phase).toBe('revealed');
    expect(room.answerCount).toBe(6);
  });

  it('writes every answer to CSV, names that look like formulas neutralised', () => {
    const room = new Room('K7QM3XRD', 'host', 0);
    const a = room.join(undefined, '=HYPERLINK("x")', newToken)!;
    const b = room.join(undefined, undefined, newToken)!;
    room.setStep(choiceStep);
    room.guess(a, { option: 0 });
    room.guess(b, { option: 2 });
    room.reveal({ dbQueriesPerExpiry: 1, p99Peak: 10 });
    room.setStep(numberStep);
    room.guess(a, { value: -3 });
    const rows = Papa.parse<string[]>(answersCsv(room)).data;
    expect(rows).toEqual([
      ['step', 'participant', 'guess', 'measured', 'right'],
      ['stampede step 2', '\'=HYPERLINK("x")', 'Exactly one', 'Exactly one', 'yes'],
      ['stampede step 2', 'Participant 2', 'More than four', 'Exactly one', 'no'],
      ['stampede step 1', '\'=HYPERLINK("x")', '-3', '', ''],
    ]);
  });
});
