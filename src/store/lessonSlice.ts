import type { StateCreator } from 'zustand';
import type { CheckResult } from '../lessons/runner.ts';
import type { WindowFigure } from '../lessons/windowStrip.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { AppState } from './appStore.ts';

/** Where "Check prediction" stands for the open step. */
export type CheckState =
  | { status: 'idle' }
  | { status: 'running' }
  | { status: 'done'; result: CheckResult; fromMs: number; untilMs: number }
  | { status: 'error'; message: string };

/**
 * The window a step's answer was measured in, once measured (by "Check prediction" or a room's
 * Reveal): the metrics strip shows its figures and the time charts shade it, until another step opens.
 */
export interface StepWindow {
  fromMs: number;
  untilMs: number;
  strip: readonly WindowFigure[];
}

/** The lesson step on screen: its lesson, its index (from 0) and the scenario it loaded. */
export interface OpenLesson {
  id: string;
  step: number;
  /** While the applied scenario equals this one, the address is the lesson's link. */
  scenario: Scenario;
}

export interface LessonSlice {
  lesson: OpenLesson | null;
  check: CheckState;
  stepWindow: StepWindow | null;
  lessonsOpen: boolean;
  /** The presenter view: stage, big figures and the step as a caption, filling the screen. */
  presenting: boolean;
  /** Ids of the lessons this browser has finished. */
  lessonsDone: readonly string[];
  setLesson: (lesson: OpenLesson | null) => void;
  setCheck: (check: CheckState) => void;
  setStepWindow: (stepWindow: StepWindow | null) => void;
  setLessonsOpen: (open: boolean) => void;
  setPresenting: (presenting: boolean) => void;
  setLessonsDone: (done: readonly string[]) => void;
}

export const createLessonSlice: StateCreator<AppState, [], [], LessonSlice> = (set) => ({
  lesson: null,
  check: { status: 'idle' },
  stepWindow: null,
  lessonsOpen: false,
  presenting: false,
  lessonsDone: [],
  // A new step starts with no answer on screen, and the strip counting the run again.
  setLesson: (lesson) => set({ lesson, check: { status: 'idle' }, stepWindow: null }),
  setCheck: (check) => set({ check }),
  setStepWindow: (stepWindow) => set({ stepWindow }),
  setLessonsOpen: (lessonsOpen) => set({ lessonsOpen }),
  setPresenting: (presenting) => set({ presenting }),
  setLessonsDone: (lessonsDone) => set({ lessonsDone }),
});
