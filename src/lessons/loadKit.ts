/** The lesson kit (curriculum and runner) as a chunk of its own, fetched once, on first use. */
export type LessonKit = typeof import('./kit.ts');

let loading: Promise<LessonKit> | null = null;

/** The kit; a fetch that failed (offline, a deploy that replaced the chunk) is tried again next time. */
export function loadLessonKit(): Promise<LessonKit> {
  loading ??= import('./kit.ts').catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}
