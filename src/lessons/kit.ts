import { lessons } from './curriculum/index.ts';
import { readLessonLink } from './links.ts';

/**
 * What the lesson UI needs of the curriculum and the runner, in one chunk loaded on first use (the
 * Lessons button, a lesson link, the step panel: see `loadKit.ts`), so the page's first load does
 * not carry it.
 */
export { getLesson, lessons } from './curriculum/index.ts';
export { checkRun, checkTimes, judge, measureFigures, stepScenario } from './runner.ts';
export { windowStrip } from './windowStrip.ts';

/** `?lesson=<id>&step=<n>&present=1`, read against the curriculum. */
export const readLink = (search: string) => readLessonLink(search, lessons);
