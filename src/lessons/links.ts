import { closestName } from '../scenario/closestName.ts';
import { clip } from '../scenario/quote.ts';
import type { Lesson } from './types.ts';

/**
 * `?lesson=<id>&step=<n>` (n counted from 1, as the screen says "step 2 of 5") and `?present=1`.
 * A link that names no lesson opens none; a link whose lesson or step cannot be found says so in a
 * notice and opens what it can, so a mistyped link never leaves the room with a blank screen.
 */

export interface LessonLink {
  /** The lesson to open and its step (from 0), or null. */
  open: { lessonId: string; step: number } | null;
  presenting: boolean;
  notice: string | null;
}

/** Reads the lesson part of a URL's query string, against the curriculum `lessons`. */
export function readLessonLink(search: string, lessons: readonly Lesson[]): LessonLink {
  const params = new URLSearchParams(search);
  const presenting = params.get('present') === '1';
  const id = params.get('lesson');
  if (id === null) return { open: null, presenting, notice: null };
  const lesson = lessons.find((l) => l.id === id);
  if (!lesson) {
    const ids = lessons.map((l) => l.id);
    const guess = closestName(id, ids);
    const hint = guess ? ` Did you mean ${guess}?` : '';
    return {
      open: null,
      presenting,
      notice: `There is no lesson called "${clip(id, 40)}".${hint} Lessons: ${ids.join(', ')}. The Lessons button lists them all.`,
    };
  }
  const raw = params.get('step');
  const n = raw === null ? 1 : Number(raw);
  const count = lesson.steps.length;
  if (Number.isInteger(n) && n >= 1 && n <= count) {
    return { open: { lessonId: id, step: n - 1 }, presenting, notice: null };
  }
  return {
    open: { lessonId: id, step: 0 },
    presenting,
    notice: `The lesson "${lesson.title}" has steps 1 to ${count}; "${clip(raw ?? '', 12)}" is not one of them. Showing step 1.`,
  };
}

/** The query string for a lesson step (and the presenter view), other parameters kept. */
export function lessonSearch(
  search: string,
  open: { id: string; step: number } | null,
  presenting: boolean,
): string {
  const params = new URLSearchParams(search);
  params.delete('lesson');
  params.delete('step');
  params.delete('present');
  if (open) {
    params.delete('preset');
    params.set('lesson', open.id);
    params.set('step', String(open.step + 1));
  }
  if (presenting) params.set('present', '1');
  const q = params.toString();
  return q ? `?${q}` : '';
}
