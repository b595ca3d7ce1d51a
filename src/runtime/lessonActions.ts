import { useMemo } from 'react';
import { loadLessonKit } from '../lessons/loadKit.ts';
import { browserStorage, markDone, readProgress } from '../lessons/progress.ts';
import type { SimMs } from '../engine/types.ts';
import type { FigureValues, Guess } from '../lessons/runner.ts';
import type { AppStore } from '../store/appStore.ts';
import { useAppStoreApi } from '../store/useAppStore.ts';
import { useController, type Controller } from './controller.ts';

/**
 * What the lesson UI can do, built on the Controller: opening a step loads its scenario and moves the
 * playhead to its time; checking a prediction asks the engine to run the step headless and compares
 * the guess with what it measured. Components call these; these call the Controller. The curriculum
 * and the runner come in the lesson kit, fetched on the first of these calls.
 */
export interface LessonActions {
  /** Opens step `step` (from 0) of a lesson: its scenario, its time, what it shows. */
  open(lessonId: string, step: number): Promise<void>;
  next(): Promise<void>;
  back(): Promise<void>;
  /** Marks the open lesson done (remembered in this browser) and closes it. */
  finish(): void;
  close(): void;
  /** Measures the open step's prediction and judges the guess; the stage then shows the window's end. */
  check(guess: Guess): Promise<void>;
  /**
   * Runs the open step's check in the engine and reads its figures (what `check` judges a guess
   * against; the workshop room reveals with it); null when the step asks nothing or the room moved on
   * meanwhile. The stage then shows the window's end, and the metrics strip the window's figures.
   */
  measure(): Promise<StepMeasurement | null>;
  /** Plays the measured stretch again from its start. */
  replay(): void;
  setPresenting(on: boolean): void;
  setListOpen(open: boolean): void;
}

type Storage = ReturnType<typeof browserStorage>;

export interface StepMeasurement {
  values: FigureValues;
  fromMs: SimMs;
  untilMs: SimMs;
}

export function createLessonActions(
  controller: Controller,
  store: AppStore,
  storage: Storage = browserStorage(),
): LessonActions {
  /** The lesson kit, or null with a notice when it cannot be fetched (the next click tries again). */
  const loadKit = () =>
    loadLessonKit().catch(() => {
      store.getState().setNotice('The lessons could not be loaded. Check the connection and try again.');
      return null;
    });
  /** The open step (its lesson from the kit), or null. */
  const current = async () => {
    const open = store.getState().lesson;
    const lesson = open ? (await loadKit())?.getLesson(open.id) : undefined;
    return open && lesson ? { lesson, index: open.step } : null;
  };
  const actions: LessonActions = {
    async open(lessonId, step) {
      const kit = await loadKit();
      const lesson = kit?.getLesson(lessonId);
      if (!kit || !lesson) return;
      const index = Math.min(Math.max(0, step), lesson.steps.length - 1);
      const s = lesson.steps[index]!;
      const scenario = kit.stepScenario(lesson, index);
      controller.loadScenario(scenario, null);
      controller.seek(s.atMs);
      const state = store.getState();
      state.setLesson({ id: lessonId, step: index, scenario });
      state.setLessonsOpen(false);
      if (s.show?.tab) state.setPanel(s.show.tab);
      if (s.show?.node) state.select({ kind: 'node', id: s.show.node });
      if (s.show?.key !== undefined) state.select({ kind: 'key', key: s.show.key });
      if (s.show?.notable) controller.nextNotable();
    },
    async next() {
      const c = await current();
      if (c && c.index < c.lesson.steps.length - 1) await actions.open(c.lesson.id, c.index + 1);
    },
    async back() {
      const c = await current();
      if (c && c.index > 0) await actions.open(c.lesson.id, c.index - 1);
    },
    finish() {
      const open = store.getState().lesson;
      if (open) store.getState().setLessonsDone([...markDone(storage, open.id)]);
      actions.close();
    },
    close() {
      store.getState().setLesson(null);
    },
    async check(guess) {
      const opened = store.getState().lesson;
      const stale = () => store.getState().lesson !== opened;
      const c = await current();
      const prediction = c?.lesson.steps[c.index]?.prediction;
      const kit = await loadKit();
      if (!kit || !prediction || stale()) return;
      store.getState().setCheck({ status: 'running' });
      try {
        const m = await actions.measure();
        if (!m || stale()) return;
        const result = kit.judge(prediction, guess, m.values);
        store.getState().setCheck({ status: 'done', result, fromMs: m.fromMs, untilMs: m.untilMs });
      } catch (e) {
        if (stale()) return;
        const why = e instanceof Error ? e.message : String(e);
        store.getState().setCheck({ status: 'error', message: `The check could not run: ${why}` });
      }
    },
    async measure() {
      // Every opening of a step is a new object: an answer that arrives after the room moved on
      // (or reopened the step) finds another one and is dropped.
      const opened = store.getState().lesson;
      const stale = () => store.getState().lesson !== opened;
      const kit = await loadKit();
      const c = await current();
      const run = kit && c && !stale() ? kit.checkRun(c.lesson, c.index) : null;
      if (!kit || !run) return null;
      const readings = await controller.summariesAt(run.scenario, kit.checkTimes(run));
      if (stale()) return null;
      const values = kit.measureFigures(run, readings);
      const { fromMs, untilMs } = run;
      store.getState().setStepWindow({ fromMs, untilMs, strip: kit.windowStrip(run, readings) });
      controller.pause();
      controller.seek(untilMs);
      return { values, fromMs, untilMs };
    },
    replay() {
      const check = store.getState().check;
      if (check.status !== 'done') return;
      controller.seek(check.fromMs);
      controller.play();
    },
    setPresenting: (on) => store.getState().setPresenting(on),
    setListOpen(open) {
      if (open) store.getState().setLessonsDone([...readProgress(storage)]);
      store.getState().setLessonsOpen(open);
    },
  };
  return actions;
}

/** The lesson actions for the app's controller and store. */
export function useLessonActions(): LessonActions {
  const controller = useController();
  const store = useAppStoreApi();
  return useMemo(() => createLessonActions(controller, store), [controller, store]);
}
