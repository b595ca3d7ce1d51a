import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
import { MAX_SCENARIO_TEXT } from './limits.ts';
import { decompressesBeyond } from './lzLength.ts';
import { scenarioSchema, type Scenario, type ScenarioInput } from './schema.ts';
import { parseScenario, type ParseResult } from './validate.ts';
import { deepEqual, isPlainObject } from './json.ts';

/**
 * Scenario <-> `#s=<compressed>` for shareable links. Only fields that differ from the defaults are
 * written, so a link to "the default with a 5 s TTL" stays a few dozen characters long.
 */

type Json = unknown;

/** The parts of `value` that differ from `base`; objects are compared field by field, arrays whole. */
function diff(value: Json, base: Json): Json | undefined {
  if (isPlainObject(value) && isPlainObject(base)) {
    const out: Record<string, Json> = {};
    for (const [k, v] of Object.entries(value)) {
      const d = k in base ? diff(v, base[k]) : v;
      if (d !== undefined) out[k] = d;
    }
    return Object.keys(out).length === 0 ? undefined : out;
  }
  return deepEqual(value, base) ? undefined : value;
}

let defaults: Scenario | undefined;
/** The scenario `{ version: 1 }` expands to. */
export function defaultScenario(): Scenario {
  defaults ??= scenarioSchema.parse({ version: 1 });
  return structuredClone(defaults);
}

/**
 * The smallest input that parses back to the same scenario: `version` plus whatever differs from
 * the defaults. A field the user set to its default value is dropped.
 *
 * @example diffFromDefaults({ version: 1, seed: 42, cache: { l2: { ttlMs: 5000 } } })
 * // { version: 1, cache: { l2: { ttlMs: 5000 } } }
 */
export function diffFromDefaults(scenario: Scenario | ScenarioInput): ScenarioInput {
  // A nullable object (hotKey) set from null to {} would diff as {} and lose its defaults; comparing
  // the parsed form against parsed defaults avoids such partial objects.
  const parsed = scenarioSchema.safeParse(scenario);
  const full: Json = parsed.success ? parsed.data : scenario;
  const d = diff(full, defaultScenario());
  return { ...(isPlainObject(d) ? d : {}), version: 1 } as ScenarioInput;
}

/** `#s=<compressed>`, ready for `location.hash`. Compressed from the diff against the defaults. */
export function encodeScenario(input: ScenarioInput | Scenario): string {
  return `#s=${compressToEncodedURIComponent(JSON.stringify(diffFromDefaults(input)))}`;
}

const fail = (message: string): ParseResult => ({ ok: false, errors: [{ path: '#s', message }] });

/**
 * Largest `#s=` payload read, in characters of its compressed form (one byte each: lz-string's URI
 * alphabet is ASCII). The largest scenario the schema allows compresses to a few kilobytes; a megabyte
 * payload took 6-8 s to refuse. Documented in docs/scenario-format.md ("Links").
 */
export const MAX_LINK_PAYLOAD = 64 * 1024;
// Largest scenario text a link may expand to (the 64 KB are checked first, before any work).
export { MAX_SCENARIO_TEXT };

/**
 * The size checks a link's payload (or any scenario handed over as text) must pass, apart so the
 * embed API's `loadScenario` can use the same ones. Null when the size is fine, else a one-line reason.
 *
 * @example checkLinkSize('x'.repeat(70_000)) // 'the scenario in the link is 70000 characters long; ...'
 */
export function checkLinkSize(payload: string): string | null {
  if (payload.length <= MAX_LINK_PAYLOAD) return null;
  return `the scenario in the link is ${payload.length} characters long; links up to ${MAX_LINK_PAYLOAD} are read`;
}

/** The same for a scenario as JSON text (a decompressed link, an embedder's `loadScenario`). */
export function checkScenarioTextSize(text: string): string | null {
  if (text.length <= MAX_SCENARIO_TEXT) return null;
  return `the scenario is ${text.length} characters of JSON; at most ${MAX_SCENARIO_TEXT} are read`;
}

/**
 * Reads a scenario from a location hash (`#s=...`, `s=...` or the bare payload; other `&`-separated
 * parameters are ignored). Never throws: a cut-off or edited link comes back as an error.
 */
export function decodeScenario(hash: string): ParseResult {
  let payload = hash.trim().replace(/^#/, '');
  if (payload === '') return fail('the link has no scenario (expected #s=... in the address)');
  if (payload.includes('=')) {
    // Not URLSearchParams: it would turn the '+' of lz-string's alphabet into a space.
    const param = payload.split('&').find((p) => p.startsWith('s='));
    if (param === undefined) return fail('the link has no scenario (expected #s=... in the address)');
    payload = param.slice(2);
  }
  if (payload === '') return fail('the link has an empty scenario (#s= is followed by nothing)');
  // Refused before decompressing: the size is all it takes to know.
  const tooBig = checkLinkSize(payload);
  if (tooBig !== null) return fail(tooBig);
  // Refused before decompressing too: a small payload can expand to far more than it looks.
  if (decompressesBeyond(payload, MAX_SCENARIO_TEXT)) {
    return fail(
      `the scenario in the link would decompress to more than ${MAX_SCENARIO_TEXT} characters; at most ${MAX_SCENARIO_TEXT} are read`,
    );
  }
  let text: string | null;
  try {
    text = decompressFromEncodedURIComponent(payload);
  } catch {
    text = null;
  }
  if (!text)
    return fail('the scenario in the link could not be decompressed; it may have been cut off when copied');
  const tooLong = checkScenarioTextSize(text);
  if (tooLong !== null) return fail(tooLong);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return fail('the scenario in the link is damaged (not valid JSON after decompression)');
  }
  return parseScenario(value);
}
