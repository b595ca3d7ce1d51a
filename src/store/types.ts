/**
 * The app store's shape, types only: the state (AppState) and each slice's part of it. The slices'
 * code (the *Slice.ts files), the store (appStore.ts) and the runtime import it; it imports nothing that
 * imports the store, so the store and the runtime that drives it form no import cycle.
 */
import type { StoreApi } from 'zustand';
import type { CheckResult } from '../lessons/runner.ts';
import type { CostEstimate } from '../engine/cost.ts';
import type { EngineHealth } from '../runtime/engineWatch.ts';
import type { DrawSetting } from '../render/drawLimit.ts';
import type { HeadlineId } from '../report/headline.ts';
import type { NodeView, Summary, TraceRequest } from '../engine/types.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { SweepResult } from '../sweep/results.ts';
import type { WindowFigure } from '../lessons/windowStrip.ts';
import type { PANEL_IDS } from './panels.ts';

export interface ScenarioSlice {
  /** The scenario the engine is running. */
  applied: Scenario;
  /** What the config panel edits; only reaches the engine on "Apply & restart". */
  draft: Scenario;
  /** The preset the applied scenario came from, if it is unchanged. */
  presetId: string | null;
  /** A dismissible message, e.g. a link that could not be read. */
  notice: string | null;
  /** Live edits the panel shows while the engine has not confirmed them yet, by path. */
  liveOverlay: Record<string, unknown>;
  /** The trace whose requests the engine holds (Replay this trace): its name and how many requests. */
  heldTrace: { name: string; requests: number } | null;
  /**
   * A scenario the engine did not load because it is estimated above the cost budget: the page asks
   * before running it. `replacesRun` is false when nothing runs yet (the first scenario was refused).
   * With `change`, it is a live change that would take the running scenario past the budget: it is
   * made only if the user says so.
   */
  costPrompt: {
    scenario: Scenario;
    estimate: CostEstimate;
    replacesRun: boolean;
    change?: { path: string; value: unknown };
  } | null;
  setDraft: (draft: Scenario) => void;
  /** Makes `scenario` the running one and resets the draft to it. */
  setApplied: (scenario: Scenario, presetId: string | null) => void;
  setNotice: (notice: string | null) => void;
}

export interface PlaybackSlice {
  playing: boolean;
  /** Wanted speed, as a factor of real time. */
  speed: number;
  /** Speed actually reached over the last second; lower than `speed` when the engine cannot keep up. */
  achievedSpeed: number;
  behind: boolean;
  /** Simulated clock, refreshed at most 10 times a second while playing (immediately on a step). */
  nowMs: number;
  /** Engine events processed so far. */
  events: number;
  /** Draw 1 in this many requests. */
  sampleEvery: number;
  /** How many requests the stage draws at most: automatic, or a fixed number (render/drawLimit.ts). */
  drawSetting: DrawSetting;
  /** What "Next notable event" last jumped to. */
  notable: string | null;
  /** Where a seek is going while the engine re-simulates (the timeline shows it); null otherwise. */
  seekTargetMs: number | null;
  helpOpen: boolean;
  /** Whether the engine's worker answers ('silent': it stopped; 'failing': it errs on every message). */
  engineHealth: EngineHealth;
  setPlayback: (p: Partial<Omit<PlaybackSlice, 'setPlayback' | 'setHelpOpen' | 'setDrawSetting'>>) => void;
  setHelpOpen: (open: boolean) => void;
  setDrawSetting: (s: DrawSetting) => void;
}

/** Coarse metrics, refreshed at most 10 times a second by the runtime bridge. */
export interface MetricsSlice {
  nodes: NodeView | null;
  summary: Summary | null;
  /** Operations per simulated second per shard, between the last two refreshes. */
  shardRates: number[];
  /** The last completed requests the canvas followed, newest first. */
  recent: TraceRequest[];
  setMetrics: (nodes: NodeView | null, summary: Summary | null, shardRates: number[]) => void;
}

/** What the inspector shows: a node, a request or a key. */
export type Selection =
  { kind: 'node'; id: string } | { kind: 'request'; requestId: number } | { kind: 'key'; key: number } | null;

/** The sidebar's tabs (PANEL_IDS, panels.ts). */
export type PanelId = (typeof PANEL_IDS)[number];

export interface SelectionSlice {
  selection: Selection;
  /** The sidebar tab; selecting something opens the inspector. */
  panel: PanelId;
  select: (selection: Selection) => void;
  setPanel: (panel: PanelId) => void;
}

/** A recording of the stage under way: when it started (`performance.now()`) and when it must stop. */
export interface RecordingState {
  startedAt: number;
  limitMs: number;
}

export interface ExportSlice {
  /** The stage recording under way, or null: the Record toggle and the stage's indicator show it. */
  recording: RecordingState | null;
  setRecording: (recording: RecordingState | null) => void;
}

/** The Sweep tab's form, kept here so it survives switching tabs. */
export interface SweepForm {
  /** The config panel's path of the swept field. */
  path: string;
  from: number;
  to: number;
  steps: number;
  log: boolean;
  seeds: number;
  /** Simulated length of every run. */
  durationMs: number;
  metrics: HeadlineId[];
}

/** A sweep started from the tab: what it ran on, how far it got, and the runs finished so far. */
export interface SweepRun {
  status: 'running' | 'done' | 'cancelled' | 'failed';
  /** Why it failed, in words. */
  message: string | null;
  done: number;
  total: number;
  /** The scenario swept (the points are it with the field, seed and duration set). */
  base: Scenario;
  path: string;
  /** The field's name on screen ("L2 TTL"). */
  label: string;
  log: boolean;
  durationMs: number;
  values: number[];
  seeds: number[];
  metrics: HeadlineId[];
  /** In the order the runs finished. */
  results: SweepResult[];
}

export interface SweepSlice {
  /** Null until the tab first opens: then it is filled with the defaults for the current scenario. */
  sweepForm: SweepForm | null;
  sweep: SweepRun | null;
  setSweepForm: (form: SweepForm | null) => void;
  setSweep: (sweep: SweepRun | null) => void;
}

/** The A/B comparison on screen, if any: run B's side, store and session (the controller opens it). */
export interface CompareSlice {
  compare: CompareRun | null;
  /** The "Compare" dialog is open. */
  compareDialogOpen: boolean;
  setCompareDialogOpen: (open: boolean) => void;
}

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

/**
 * Run B of an A/B comparison, as the store keeps it: what B is and its own store. The runtime opens
 * and closes it (src/runtime/compareRun.ts), and keeps B's engine session (`compareSession`).
 */
export interface CompareRun {
  /** What B is, its seed set to A's. */
  side: { scenario: Scenario; presetId: string | null };
  store: AppStore;
  /** Stops B's worker and lets A play on its own clock again. */
  close(): void;
}

/** UI state only: the engine's per-request data never passes through here. */
export type AppState = ScenarioSlice &
  PlaybackSlice &
  MetricsSlice &
  SelectionSlice &
  ExportSlice &
  SweepSlice &
  CompareSlice &
  LessonSlice;
export type AppStore = StoreApi<AppState>;
