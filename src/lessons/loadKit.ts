/** The lesson kit (curriculum and runner) as a chunk of its own, fetched once, on first use. */
export type LessonKit = typeof import('./kit.ts');

let loading: Promise<LessonKit> | null = null;

export const loadLessonKit = (): Promise<LessonKit> => (loading ??= import('./kit.ts'));
