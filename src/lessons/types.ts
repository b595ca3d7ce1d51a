import type { NodeId, SimMs } from '../engine/types.ts';
import type { LivePath } from '../scenario/changes.ts';
import type { FailureKind, ScenarioInput } from '../scenario/schema.ts';
import type { LessonFigureId } from './figures.ts';

/**
 * The shape of a lesson: a scenario and a few steps, each of which may change the run, point at
 * something on screen and ask the room to predict a figure before it is measured. Lessons are data;
 * `runner.ts` turns a step into the scenario the engine runs and the window the answer is read from.
 */

/** A preset id, or a scenario of the lesson's own (written as a user would, defaults left out). */
export type LessonScenario = string | ScenarioInput;

/** The sidebar tabs a step may open. */
export type LessonTab = 'about' | 'config' | 'charts' | 'inspect';

/** A live change, applied at the step's time (`scenario.changes`), so the run replays exactly. */
export interface StepChange {
  path: LivePath;
  value: unknown;
}

/** A failure injected at the step's time (it joins `scenario.failures`). */
export interface StepFailure {
  kind: FailureKind;
  durationMs: SimMs;
  /** The instance or shard it hits, counted from 0 (App 1 is 0). */
  target?: number;
}

/** A choice in a multiple-choice prediction: it matches a measurement in [min, max), or equal to `equals`. */
export interface ChoiceOption {
  label: string;
  min?: number;
  max?: number;
  equals?: string;
}

interface PredictionBase {
  question: string;
  /** The figure the answer is read from, over the window [fromMs, untilMs). */
  figure: LessonFigureId;
  /** The start of the window when it is not the step's time (say, once a change has settled). */
  fromMs?: SimMs;
  /** The end of the window: "Check prediction" runs the step's scenario from its time to here. */
  untilMs: SimMs;
  /**
   * Shown once the answer is measured. `{figureId}` placeholders are filled from the same run and
   * window, so the explanation can only quote what the engine measured.
   */
  reveal: string;
}

export interface ChoicePrediction extends PredictionBase {
  kind: 'choice';
  options: ChoiceOption[];
}

/** A number typed in the figure's unit (a ratio as a percentage). */
export interface NumberPrediction extends PredictionBase {
  kind: 'number';
}

export type Prediction = ChoicePrediction | NumberPrediction;

/** What the app shows when a step opens, besides the stage at the step's time. */
export interface StepShow {
  tab?: LessonTab;
  /** A node to select in the inspector (`app-0`, `redis-1`, `db`, ...). */
  node?: NodeId;
  /** A key to open in the inspector, by popularity rank. */
  key?: number;
  /** After jumping to the step's time, jump on to the next notable event. */
  notable?: boolean;
}

export interface LessonStep {
  /** A few words for the step list and the presenter caption. */
  title: string;
  /**
   * What to look at and why. Numbers here may only be the scenario's own settings (a test checks):
   * anything the run produces belongs in a prediction's reveal, where the engine fills it in.
   */
  text: string;
  /** Where the playhead goes when the step opens (simulated ms); changes and failures happen here. */
  atMs: SimMs;
  /** Starts over from another scenario (for settings that cannot change mid-run); later steps build on it. */
  scenario?: LessonScenario;
  changes?: StepChange[];
  failure?: StepFailure;
  show?: StepShow;
  prediction?: Prediction;
}

export interface Lesson {
  id: string;
  title: string;
  /** One sentence: what the room takes away. */
  teaches: string;
  /** Minutes a workshop needs for it, discussion included. */
  minutes: number;
  scenario: LessonScenario;
  /** 2 to 6 steps. */
  steps: LessonStep[];
}
