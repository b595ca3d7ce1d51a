import type { Scenario } from '../scenario/schema.ts';
import { decodeScenario } from '../scenario/url.ts';
import { summarizeErrors } from '../scenario/validate.ts';
import { clip } from '../scenario/quote.ts';
import { getPreset, presetIds } from '../scenario/presets/index.ts';

export const DEFAULT_PRESET = 'baseline';

export interface InitialState {
  scenario: Scenario;
  presetId: string | null;
  /** Why the URL's scenario was not used, for a dismissible message. */
  notice: string | null;
  embed: boolean;
}

function baseline(): Scenario {
  const s = getPreset(DEFAULT_PRESET);
  if (!s) throw new Error(`the default preset "${DEFAULT_PRESET}" is missing`);
  return s;
}

/**
 * What to open for a URL: `#s=` wins over `?preset=`, and anything unreadable falls back to the
 * baseline with a message, so a damaged link never gives a blank page.
 */
export function resolveInitial(search: string, hash: string): InitialState {
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
