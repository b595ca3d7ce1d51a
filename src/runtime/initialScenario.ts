import { withoutTrace } from './traceless.ts';
import type { Scenario } from '../scenario/schema.ts';
import { KIT_UNAVAILABLE, loadedSchemaKit, type SchemaKit } from '../scenario/loadSchemaKit.ts';
import { clip } from '../scenario/quote.ts';
import { DEFAULT_PRESET, defaultScenario } from '../scenario/presets/defaultScenario.ts';
import { loadedPresets, type PresetBook } from '../scenario/presets/load.ts';
import type { LessonLink } from '../lessons/links.ts';
import type { LessonKit } from '../lessons/loadKit.ts';
import { readLinkParams, type EmbedOptions, type LinkView } from '../share/linkParams.ts';
import { checkView } from '../share/linkView.ts';

export { DEFAULT_PRESET };

export interface InitialState {
  scenario: Scenario;
  presetId: string | null;
  /** Why the URL's scenario or some of its options were not used, for a dismissible message. */
  notice: string | null;
  embed: boolean;
  /** The lesson step `?lesson=<id>&step=<n>` opens, and whether `?present=1` asks for the presenter view. */
  lesson: LessonLink;
  /** Where the link puts the view (time, speed, tab, selection), checked against the scenario. */
  view: LinkView;
  /** The embed's options (defaults outside an embed). */
  options: EmbedOptions;
}

type Opened = Pick<InitialState, 'scenario' | 'presetId' | 'notice'>;

const baseline = defaultScenario;

/**
 * The scenario a URL opens: `#s=` wins over `?preset=`, and anything unreadable falls back to the
 * baseline with a message, so a damaged link never gives a blank page. `presets` is null when the
 * presets could not be fetched (a `?preset=` link then says so).
 */
function openScenario(
  search: string,
  hash: string,
  presets: PresetBook | null,
  schema: SchemaKit | undefined,
): Opened {
  if (hasScenario(hash)) {
    const parsed = schema?.decodeScenario(hash);
    if (parsed?.ok) return { ...withoutTrace(parsed.scenario), presetId: null };
    const why = parsed ? schema!.summarizeErrors(parsed.errors) : KIT_UNAVAILABLE;
    return {
      scenario: baseline(),
      presetId: DEFAULT_PRESET,
      notice: `The scenario in this link could not be read (${why}). Showing the baseline scenario instead.`,
    };
  }
  const id = new URLSearchParams(search).get('preset');
  if (id === DEFAULT_PRESET) return { scenario: baseline(), presetId: id, notice: null };
  if (id !== null && presets === null) {
    return {
      scenario: baseline(),
      presetId: DEFAULT_PRESET,
      notice: `The presets could not be loaded, so the preset "${clip(id)}" could not be opened. Showing the baseline scenario instead; reload the page to try again.`,
    };
  }
  if (id !== null && presets !== null) {
    const preset = presets.getPreset(id);
    if (preset) return { scenario: preset, presetId: id, notice: null };
    return {
      scenario: baseline(),
      presetId: DEFAULT_PRESET,
      notice: `There is no preset called "${clip(id)}". Available presets: ${presets.presetIds.join(', ')}. Showing the baseline scenario instead.`,
    };
  }
  return { scenario: baseline(), presetId: DEFAULT_PRESET, notice: null };
}

/** What the page knows beside the address when it reads it. */
export interface ResolveContext {
  /** The page's own origin (the embed API answers it even when `origins=` leaves it out). */
  origin?: string;
  /** The lesson kit, when the page fetched it for a `?lesson=` link. */
  kit?: LessonKit | undefined;
  /**
   * The presets, which a `?preset=` link needs (the page fetches them first, `needsPresets`); by default
   * the ones already fetched, and null when they could not be.
   */
  presets?: PresetBook | null;
  /** The schema's kit, which a link with a scenario needs (`needsSchema`); by default the one fetched. */
  schema?: SchemaKit | undefined;
}

/** Whether the hash carries a scenario (`#s=`) to read. */
const hasScenario = (hash: string): boolean => hash.startsWith('#s=') || hash.includes('&s=');

/**
 * Whether the address carries a scenario (A's `s=` or B's `b=` in the hash), which the page reads with
 * the schema's kit, fetched before the first render (`loadSchemaKit.ts`); `/` plays without it.
 */
export function needsSchema(hash: string): boolean {
  return hasScenario(hash) || hash.startsWith('#b=') || hash.includes('&b=');
}

/** Whether the address names a preset (to open or to compare with) the page must fetch first. */
export function needsPresets(search: string): boolean {
  const params = new URLSearchParams(search);
  const id = params.get('preset');
  return (id !== null && id !== DEFAULT_PRESET) || params.has('compare');
}

/**
 * What to open for a URL: the scenario (`?lesson=` wins over `#s=`, which wins over `?preset=`), and
 * the view and embed options its other parameters give. Anything unreadable falls back with a notice
 * naming it (the baseline for a scenario), so a damaged link never gives a blank page. A lesson link
 * is read only with the lesson kit (the page loads it first when the link names one).
 */
export function resolveInitial(search: string, hash: string, context: ResolveContext = {}): InitialState {
  const { origin = '', kit, presets = loadedPresets() ?? null, schema = loadedSchemaKit() } = context;
  const lesson = kit ? kit.readLink(search) : withoutKit(new URLSearchParams(search));
  const found = lesson.open ? kit?.getLesson(lesson.open.lessonId) : undefined;
  // A lesson link opens its step's scenario; the lesson runner takes it from there.
  const opened: Opened =
    kit && lesson.open && found
      ? { scenario: kit.stepScenario(found, lesson.open.step), presetId: null, notice: null }
      : openScenario(search, hash, presets, schema);
  const params = readLinkParams(search, origin);
  const checked = checkView(params.view, opened.scenario);
  const problems = [...params.problems, ...checked.problems];
  const unused =
    problems.length === 0 ? null : `Some options in this link were not used: ${problems.join('; ')}.`;
  const notice = [lesson.notice, opened.notice, unused].filter((n) => n !== null).join(' ') || null;
  return { ...opened, notice, embed: params.embed, view: checked.view, options: params.options, lesson };
}

/** A lesson link when the lesson kit could not be fetched (offline, a failed chunk): say so. */
function withoutKit(params: URLSearchParams): LessonLink {
  const presenting = params.get('present') === '1';
  const notice = params.has('lesson')
    ? 'The lessons could not be loaded, so this lesson link opened without its lesson. Reload the page to try again.'
    : null;
  return { open: null, presenting, notice };
}
