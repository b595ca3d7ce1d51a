import Papa from 'papaparse';
import { participantLabel, type Room } from './room.ts';

/**
 * The room's answers as CSV, one row per participant per step answered: step, participant, guess,
 * measured, right. A step not yet revealed has the last two empty. Every field is quoted and a text
 * that starts with `= + - @` gets a leading `'` (papaparse's `escapeFormulae`), so a participant's
 * name can never run as a spreadsheet formula; numbers are written as numbers.
 */
export function answersCsv(room: Room): string {
  const rows: (string | number)[][] = [['step', 'participant', 'guess', 'measured', 'right']];
  for (const { step, reveal, who, guess, right } of room.answerRows()) {
    const lessonId = step.view.key.split('/')[0];
    const q = step.view.question;
    const picked =
      'option' in guess ? (q?.kind === 'choice' ? (q.options[guess.option] ?? '') : '') : guess.value;
    const measured = !reveal
      ? ''
      : (reveal.measuredValue ??
        reveal.bars
          .filter((b) => b.measured)
          .map((b) => b.label)
          .join(' or '));
    rows.push([
      `${lessonId} step ${step.view.n}`,
      participantLabel(who),
      picked,
      measured,
      right === undefined ? '' : right ? 'yes' : 'no',
    ]);
  }
  return Papa.unparse(rows, { quotes: true, escapeFormulae: true });
}

export const csvFileName = (code: string): string => `cachescope-room-${code}-answers.csv`;
