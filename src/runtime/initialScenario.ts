import type { Scenario } from '../scenario/schema.ts';
import { decodeScenario } from '../scenario/url.ts';
import { summarizeErrors } from '../scenario/validate.ts';
import { clip } from '../scenario/quote.ts';
import { getPreset, presetIds } from '../scenario/presets/index.ts';
import { readLinkParams, type EmbedOptions, type LinkView } from '../share/linkParams.ts';
import { checkView } from '../share/linkView.ts';

export const DEFAULT_PRESET = 'baseline';

export interface InitialState {
  scenario: Scenario;
  presetId: string | null;
  /** Why the URL's scenario or some of its options were not used, for a dismissible message. */
  notice: string | null;
  embed: boolean;
  /** Where the link puts the view (time, speed, tab, selection), checked against the scenario. */
  view: LinkView;
  /** The embed's options (defaults outside an embed). */
  options: EmbedOptions;
}

type Opened = Pick<InitialState, 'scenario' | 'presetId' | 'notice'>;

function baseline(): Scenario {
  const s = getPreset(DEFAULT_PRESET);
  if (!s) throw new Error(`the default preset "${DEFAULT_PRESET}" is missing`);
  return s;
}

/**
 * The scenario a URL opens: `#s=` wins over `?preset=`, and anything unreadable falls back to the
 * baseline with a message, so a damaged link never gives a blank page.
 */
function openScenario(search: string, hash: string): Opened {
  if (hash.startsWith('#s=') || hash.includes('&s=')) {
    const parsed = decodeScenario(hash);
    if (parsed.ok) return { scenario: parsed.scenario, presetId: null, notice: null };
    return {
      scenario: baseline(),
      presetId: DEFAULT_PRESET,
      notice: `The scenario in this link could not be read (${summarizeErrors(parsed.errors)}). Showing the baseline scenario instead.`,
    };
  }
  const id = new URLSearchParams(search).get('preset');
  if (id !== null) {
    const preset = getPreset(id);
    if (preset) return { scenario: preset, presetId: id, notice: null };
    return {
      scenario: baseline(),
      presetId: DEFAULT_PRESET,
      notice: `There is no preset called "${clip(id)}". Available presets: ${presetIds.join(', ')}. Showing the baseline scenario instead.`,
    };
  }
  return { scenario: baseline(), presetId: DEFAULT_PRESET, notice: null };
}

/**
 * What to open for a URL: the scenario, and the view and embed options its other parameters give.
 * A parameter that cannot be used is named in the notice; the rest still apply.
 */
export function resolveInitial(search: string, hash: string, selfOrigin = ''): InitialState {
  const opened = openScenario(search, hash);
  const params = readLinkParams(search, selfOrigin);
  const checked = checkView(params.view, opened.scenario);
  const problems = [...params.problems, ...checked.problems];
  const unused =
    problems.length === 0 ? null : `Some options in this link were not used: ${problems.join('; ')}.`;
  const notice = [opened.notice, unused].filter((n) => n !== null).join(' ') || null;
  return { ...opened, notice, embed: params.embed, view: checked.view, options: params.options };
}
