/**
 * Which lessons a browser has finished, kept in localStorage. Whatever is stored there may be old,
 * edited by hand or cut short: a value that does not read as progress counts as none, and storage that
 * cannot be used at all (private windows, blocked cookies) only means progress is not remembered.
 */

export const PROGRESS_KEY = 'cachescope.lessons.v1';

/** The stored value's `done` list, when it is one: at most 500 lesson ids of at most 100 characters. */
function doneList(value: unknown): string[] | null {
  const done = (value as { done?: unknown } | null)?.done;
  if (typeof value !== 'object' || !Array.isArray(done) || done.length > 500) return null;
  return done.every((id) => typeof id === 'string' && id.length <= 100) ? (done as string[]) : null;
}

type Store = Pick<Storage, 'getItem' | 'setItem'>;

/** The ids of the lessons finished here; empty when nothing (readable) is stored. */
export function readProgress(storage: Store | null): Set<string> {
  try {
    const raw = storage?.getItem(PROGRESS_KEY);
    if (!raw) return new Set();
    return new Set(doneList(JSON.parse(raw)) ?? []);
  } catch {
    return new Set();
  }
}

/**
 * Marks a lesson finished and returns the new set; the set is returned even when it cannot be saved.
 *
 * @example
 * markDone(localStorage, 'stampede').has('stampede') // true
 */
export function markDone(storage: Store | null, id: string): Set<string> {
  const done = readProgress(storage);
  done.add(id);
  try {
    storage?.setItem(PROGRESS_KEY, JSON.stringify({ done: [...done] }));
  } catch {
    // Full or blocked storage: the lesson still shows as done until the page is closed.
  }
  return done;
}

/** The browser's localStorage, or null where touching it throws (sandboxed frames, some privacy modes). */
export function browserStorage(): Store | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}
