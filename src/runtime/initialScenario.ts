import type { Scenario } from '../scenario/schema.ts';
import { decodeScenario } from '../scenario/url.ts';
import { summarizeErrors } from '../scenario/validate.ts';
import { clip } from '../scenario/quote.ts';
import { getPreset, presetIds } from '../scenario/presets/index.ts';
import type { LessonLink } from '../lessons/links.ts';
import type { LessonKit } from '../lessons/loadKit.ts';

export const DEFAULT_PRESET = 'baseline';

export interface InitialState {
  scenario: Scenario;
  presetId: string | null;
  /** Why the URL's scenario was not used, for a dismissible message. */
  notice: string | null;
  embed: boolean;
  /** The lesson step `?lesson=<id>&step=<n>` opens, and whether `?present=1` asks for the presenter view. */
  lesson: LessonLink;
}

function baseline(): Scenario {
  const s = getPreset(DEFAULT_PRESET);
  if (!s) throw new Error(`the default preset "${DEFAULT_PRESET}" is missing`);
  return s;
}

/**
 * What to open for a URL: `?lesson=` wins over `#s=`, which wins over `?preset=`, and anything
 * unreadable falls back to the baseline with a message, so a damaged link never gives a blank page.
 * A lesson link is read only with the lesson kit (the page loads it first when the link names one).
 */
export function resolveInitial(search: string, hash: string, kit?: LessonKit): InitialState {
  const params = new URLSearchParams(search);
  const lesson = kit ? kit.readLink(search) : withoutKit(params);
  const found = lesson.open ? kit?.getLesson(lesson.open.lessonId) : undefined;
  if (kit && lesson.open && found) {
    // A lesson link opens its step's scenario; the lesson runner takes it from there.
    const scenario = kit.stepScenario(found, lesson.open.step);
    return { scenario, presetId: null, notice: lesson.notice, embed: false, lesson };
  }
  const rest = resolveScenario(search, hash);
  return { ...rest, notice: lesson.notice ?? rest.notice, lesson };
}

/** A lesson link when the lesson kit could not be fetched (offline, a failed chunk): say so. */
function withoutKit(params: URLSearchParams): LessonLink {
  const presenting = params.get('present') === '1';
  const notice = params.has('lesson')
    ? 'The lessons could not be loaded, so this lesson link opened without its lesson. Reload the page to try again.'
    : null;
  return { open: null, presenting, notice };
}

function resolveScenario(search: string, hash: string): Omit<InitialState, 'lesson'> {
  const params = new URLSearchParams(search);
  const embed = params.get('embed') === '1';
  if (hash.startsWith('#s=') || hash.includes('&s=')) {
    const parsed = decodeScenario(hash);
    if (parsed.ok) return { scenario: parsed.scenario, presetId: null, notice: null, embed };
    return {
      scenario: baseline(),
      presetId: DEFAULT_PRESET,
      notice: `The scenario in this link could not be read (${summarizeErrors(parsed.errors)}). Showing the baseline scenario instead.`,
      embed,
    };
  }
  const id = params.get('preset');
  if (id !== null) {
    const preset = getPreset(id);
    if (preset) return { scenario: preset, presetId: id, notice: null, embed };
    return {
      scenario: baseline(),
      presetId: DEFAULT_PRESET,
      notice: `There is no preset called "${clip(id)}". Available presets: ${presetIds.join(', ')}. Showing the baseline scenario instead.`,
      embed,
    };
  }
  return { scenario: baseline(), presetId: DEFAULT_PRESET, notice: null, embed };
}
