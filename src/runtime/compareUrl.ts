import { loadedPresets, type PresetBook } from '../scenario/presets/load.ts';
import type { Scenario } from '../scenario/schema.ts';
import { KIT_UNAVAILABLE, loadedSchemaKit, type SchemaKit } from '../scenario/loadSchemaKit.ts';

/**
 * Run B of an A/B comparison in the address: `?compare=<preset-id>` for a preset as it is, or
 * `#...&b=<compressed scenario>` (beside A's `s=`) for any other scenario. Reading never throws: a B
 * that cannot be read comes back as a message, and A runs alone.
 */

export interface CompareSide {
  scenario: Scenario;
  /** The preset B is, unchanged; null for any other scenario. */
  presetId: string | null;
}

export type CompareFromUrl = { ok: true; b: CompareSide } | { ok: false; notice: string } | null;

/** The `b=` payload of a hash (`#s=...&b=...`, `#b=...`), or null when there is none. */
function hashParam(hash: string): string | null {
  const part = hash
    .replace(/^#/, '')
    .split('&')
    .find((p) => p.startsWith('b='));
  return part === undefined ? null : part.slice(2);
}

/**
 * Run B as the address gives it: `b=` in the hash wins over `?compare=`; null when the address asks for
 * no comparison. `presets`: the presets fetched (the page fetches them first for a `?compare=` link),
 * null when they could not be.
 *
 * @example resolveCompare('?preset=stampede&compare=stampede-lock', '') // { ok: true, b: { presetId: 'stampede-lock', ... } }
 */
export function resolveCompare(
  search: string,
  hash: string,
  presets: PresetBook | null = loadedPresets() ?? null,
  schema: SchemaKit | undefined = loadedSchemaKit(),
): CompareFromUrl {
  const payload = hashParam(hash);
  if (payload !== null) {
    const parsed = schema?.decodeScenario(payload);
    if (parsed?.ok) return { ok: true, b: { scenario: parsed.scenario, presetId: null } };
    const why =
      payload === ''
        ? 'b= is followed by nothing'
        : parsed
          ? schema!.formatErrors(parsed.errors)
          : KIT_UNAVAILABLE;
    return {
      ok: false,
      notice: `The scenario to compare with (B) in this link could not be read (${why}). Showing A alone.`,
    };
  }
  const id = new URLSearchParams(search).get('compare');
  if (id === null) return null;
  if (presets === null) {
    return {
      ok: false,
      notice: `The presets could not be loaded, so the preset "${id}" to compare with (B) could not be opened; reload the page to try again. Showing A alone.`,
    };
  }
  const preset = presets.getPreset(id);
  if (preset) return { ok: true, b: { scenario: preset, presetId: id } };
  return {
    ok: false,
    notice: `There is no preset called "${id}" to compare with (B). Available presets: ${presets.presetIds.join(', ')}. Showing A alone.`,
  };
}

/**
 * The address with B written in (or taken out, for `b === null`): a preset as `?compare=<id>`, any
 * other scenario as `b=` in the hash; A's part of the address is left as it is.
 *
 * @example withCompare('/app/?preset=stampede', '', { presetId: 'stampede-lock', scenario })
 * // '/app/?preset=stampede&compare=stampede-lock'
 */
export function withCompare(
  pathAndSearch: string,
  hash: string,
  b: CompareSide | null,
  schema: SchemaKit | undefined = loadedSchemaKit(),
): string {
  const [path = '', query = ''] = pathAndSearch.split('?');
  const params = new URLSearchParams(query);
  params.delete('compare');
  const rest = hash
    .replace(/^#/, '')
    .split('&')
    .filter((p) => p !== '' && !p.startsWith('b='));
  if (b?.presetId) params.set('compare', b.presetId);
  else if (b) {
    // The caller fetches the kit first when B is not a preset (useUrlSync.ts).
    if (!schema) throw new Error('withCompare: the schema kit is needed to write B into the address');
    rest.push(`b=${schema.encodeScenario(b.scenario).slice('#s='.length)}`);
  }
  const q = params.toString();
  return `${path}${q ? `?${q}` : ''}${rest.length > 0 ? `#${rest.join('&')}` : ''}`;
}
