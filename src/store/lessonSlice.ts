import type { StateCreator } from 'zustand';
import type { AppState, LessonSlice } from './types.ts';

export type { CheckState, StepWindow, OpenLesson, LessonSlice } from './types.ts';

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
