import { describe, expect, it } from 'vitest';
import { readLink as readLessonLink } from '../../src/lessons/kit.ts';
import { lessonSearch } from '../../src/lessons/links.ts';
import { markDone, PROGRESS_KEY, readProgress } from '../../src/lessons/progress.ts';

/** A Storage stand-in: a map, or one that throws like a blocked localStorage. */
function memory(initial?: string): Storage {
  const m = new Map<string, string>(initial === undefined ? [] : [[PROGRESS_KEY, initial]]);
  return {
    getItem: (k: string) => m.get(k) ?? null,
    setItem: (k: string, v: string) => void m.set(k, v),
  } as Storage;
}
const blocked = {
  getItem: () => {
    throw new Error('SecurityError');
  },
  setItem: () => {
    throw new Error('QuotaExceededError');
  },
} as unknown as Storage;

describe('lesson progress', () => {
  it('remembers finished lessons', () => {
    const s = memory();
    expect(readProgress(s).size).toBe(0);
    markDone(s, 'stampede');
    markDone(s, 'cdc');
    markDone(s, 'stampede');
    expect([...readProgress(s)].sort()).toEqual(['cdc', 'stampede']);
  });

  it.each([
    ['not JSON', '{"done": ['],
    ['the wrong shape', '{"done": "stampede"}'],
    ['a number', '42'],
    ['null', 'null'],
    ['ids that are not strings', '{"done": [1, 2]}'],
  ])('reads %s as no progress, and saves over it', (_, raw) => {
    const s = memory(raw);
    expect(readProgress(s).size).toBe(0);
    expect([...markDone(s, 'cdc')]).toEqual(['cdc']);
    expect([...readProgress(s)]).toEqual(['cdc']);
  });

  it('works without storage, and with storage that throws', () => {
    expect(readProgress(null).size).toBe(0);
    expect([...markDone(null, 'cdc')]).toEqual(['cdc']);
    expect(readProgress(blocked).size).toBe(0);
    expect([...markDone(blocked, 'cdc')]).toEqual(['cdc']);
  });
});

describe('lesson links', () => {
  it('opens nothing without a lesson', () => {
    expect(readLessonLink('?preset=stampede')).toEqual({ open: null, presenting: false, notice: null });
    expect(readLessonLink('?present=1').presenting).toBe(true);
  });

  it('opens a step counted from 1, and step 1 when none is given', () => {
    expect(readLessonLink('?lesson=stampede&step=3').open).toEqual({ lessonId: 'stampede', step: 2 });
    expect(readLessonLink('?lesson=stampede').open).toEqual({ lessonId: 'stampede', step: 0 });
    expect(readLessonLink('?lesson=stampede&step=2&present=1')).toMatchObject({ presenting: true });
  });

  it.each(['0', '99', '2.5', 'two', '', '-1', '1e1'])(
    'opens step 1 of a bad step "%s", saying why',
    (step) => {
      const link = readLessonLink(`?lesson=stampede&step=${step}`);
      expect(link.open).toEqual({ lessonId: 'stampede', step: 0 });
      expect(link.notice).toMatch(
        /^The lesson "The stampede and its four cures" has steps 1 to 5; ".*" is not one of them\. Showing step 1\.$/,
      );
    },
  );

  it('names an unknown lesson and lists the real ones', () => {
    const link = readLessonLink('?lesson=stampeed');
    expect(link.open).toBeNull();
    expect(link.notice).toMatch(
      /^There is no lesson called "stampeed"\. Did you mean stampede\? Lessons: why-cache, .*when-not-to-cache\./,
    );
    // A name nothing like a lesson gets the list without a guess.
    expect(readLessonLink('?lesson=zzzzzzzzzz').notice).not.toContain('Did you mean');
    expect(readLessonLink(`?lesson=${'x'.repeat(5000)}`).notice!.length).toBeLessThan(400);
  });

  it('writes the query string for a step, keeping other parameters', () => {
    expect(lessonSearch('?embed=0&preset=cdc', { id: 'cdc', step: 1 }, false)).toBe(
      '?embed=0&lesson=cdc&step=2',
    );
    expect(lessonSearch('?lesson=cdc&step=2&present=1', null, false)).toBe('');
    expect(lessonSearch('', { id: 'cdc', step: 0 }, true)).toBe('?lesson=cdc&step=1&present=1');
    const again = lessonSearch('', { id: 'cdc', step: 1 }, true);
    expect(readLessonLink(again)).toEqual({
      open: { lessonId: 'cdc', step: 1 },
      presenting: true,
      notice: null,
    });
  });
});
