import { closestName } from '../scenario/closestName.ts';
import { preview } from '../scenario/quote.ts';
import { MAX_SPEED, MIN_SPEED } from '../runtime/speed.ts';
import { PANEL_IDS, type PanelId } from '../store/selectionSlice.ts';
import { readOrigins } from '../embed/origins.ts';
import { parseNodeParam } from './nodeParam.ts';
import { DRAW_CHOICES } from '../render/drawCounts.ts';
import type { DrawSetting } from '../render/drawLimit.ts';
import { PAINTERS } from '../render/paintSwitch.ts';

/**
 * The query parameters of a link besides the scenario (`?preset=` or `#s=`): where the view stands
 * (time, speed, tab, selection), shared by the app and the embed, and the embed's own options. One
 * reader for all of them, so a link means the same wherever it is opened; docs/embedding.md lists them.
 */

/** Where a link puts the view: what Share writes and opening the link restores. */
export interface LinkView {
  tMs?: number;
  speed?: number;
  tab?: PanelId;
  /** The engine's node id (`redis-0`); the link writes it as on screen (`redis1`). */
  node?: string;
  key?: number;
}

export const EMBED_PANELS = ['none', 'charts', 'about'] as const;
export const EMBED_THEMES = ['light', 'dark', 'system'] as const;

/** How an embed looks and behaves (`embed=1` links only). */
export interface EmbedOptions {
  autoplay: boolean;
  controls: boolean;
  caption: boolean;
  panel: (typeof EMBED_PANELS)[number];
  theme: (typeof EMBED_THEMES)[number];
  loop: boolean;
  /** Origins whose commands the embed API accepts and to which it posts events; `['*']` for any. */
  origins: string[];
  /** How many requests the stage draws at most (`particles=`): automatic, or one of DRAW_CHOICES. */
  particles: DrawSetting;
}

export interface LinkParams {
  embed: boolean;
  view: LinkView;
  options: EmbedOptions;
  /** One line per parameter that could not be used, naming it, what it got and what it takes. */
  problems: string[];
}

/**
 * One parameter's rule: what it reads as (undefined when it does not), how to say what it accepts, and
 * for a choice of words its options (the message lists them and guesses a typo). Plain functions, not
 * the schema's library, so a first visit reads its link without it (issue 21).
 */
interface Rule<T> {
  parse: (raw: string) => T | undefined;
  allowed: string;
  options?: readonly string[];
}

const oneOf = <const T extends readonly string[]>(options: T): Rule<T[number]> => ({
  parse: (raw) => (options.includes(raw) ? (raw as T[number]) : undefined),
  allowed: `one of ${options.join(', ')}`,
  options,
});
const matching = (pattern: RegExp) => (raw: string) => (pattern.test(raw) ? Number(raw) : undefined);
const flag: Rule<boolean> = {
  parse: (raw) => (raw === '1' ? true : raw === '0' ? false : undefined),
  allowed: '0 or 1',
};
const wholeMs = matching(/^\d{1,12}$/);
const speedOf = (raw: string): number | undefined => {
  const v = matching(/^(\d+\.?\d*|\.\d+)$/)(raw);
  return v !== undefined && v >= MIN_SPEED && v <= MAX_SPEED ? v : undefined;
};
const drawChoice = (raw: string): DrawSetting | undefined => {
  if (raw === 'auto') return 'auto';
  const v = matching(/^\d{1,6}$/)(raw);
  return v !== undefined && DRAW_CHOICES.includes(v) ? v : undefined;
};
const keyRank = matching(/^\d{1,9}$/);

/** Each parameter and its rule. */
const RULES = {
  t: { parse: wholeMs, allowed: 'a whole number of simulated milliseconds, such as 12000' },
  speed: { parse: speedOf, allowed: `a number from ${MIN_SPEED} to ${MAX_SPEED} (1 is real time)` },
  tab: oneOf(PANEL_IDS),
  key: { parse: keyRank, allowed: 'a key number (0 is the most popular key)' },
  autoplay: flag,
  controls: flag,
  caption: flag,
  loop: flag,
  panel: oneOf(EMBED_PANELS),
  theme: oneOf(EMBED_THEMES),
  particles: { parse: drawChoice, allowed: `auto or one of ${DRAW_CHOICES.join(', ')}` },
  // Where the requests are painted (render/paintSwitch.ts reads it); checked here so a typo is named.
  paint: oneOf(PAINTERS),
} satisfies Record<string, Rule<unknown>>;

/**
 * Every parameter a link may carry: those above, and those read elsewhere (the scenario, lesson and
 * comparison to open, the embed switch, the node selected, the embed API's origins, a room's code). Any
 * other (a typo such as `presett`, or `seed`, which a scenario carries) is named in the link's notice
 * rather than silently dropped.
 */
const KNOWN_PARAMS: readonly string[] = [
  ...Object.keys(RULES),
  ...['preset', 'lesson', 'step', 'present', 'compare', 'embed', 'node', 'origins', 'join'],
];

/** Why a parameter was dropped: with the likeliest one meant, or, for a seed, where a seed goes. */
function notAnOption(name: string): string {
  const said = `${preview(name)} is not an option of a Cachescope link`;
  if (name === 'seed') return `${said} (the seed is part of the scenario: set it in the app, then Share)`;
  const guess = closestName(name, KNOWN_PARAMS);
  return guess ? `${said} (did you mean ${guess}?)` : said;
}

type RuleName = keyof typeof RULES;
type RuleValue<K extends RuleName> = NonNullable<ReturnType<(typeof RULES)[K]['parse']>>;

/** The parameter's value by its rule, or undefined (with a line in `problems`) when it is absent or bad. */
function read<K extends RuleName>(
  params: URLSearchParams,
  name: K,
  problems: string[],
): RuleValue<K> | undefined {
  const raw = params.get(name);
  if (raw === null) return undefined;
  const rule: Rule<unknown> = RULES[name];
  const value = rule.parse(raw);
  if (value !== undefined) return value as RuleValue<K>;
  const guess = rule.options ? closestName(raw, rule.options) : undefined;
  problems.push(
    `${name}: got ${preview(raw)}, expected ${rule.allowed}${guess ? ` (did you mean ${guess}?)` : ''}`,
  );
  return undefined;
}

const DEFAULT_EMBED: EmbedOptions = {
  autoplay: false,
  controls: true,
  caption: false,
  panel: 'none',
  theme: 'system',
  loop: false,
  origins: [],
  particles: 'auto',
};

function readEmbedOptions(params: URLSearchParams, selfOrigin: string, problems: string[]): EmbedOptions {
  const origins = readOrigins(params.get('origins'), selfOrigin);
  problems.push(...origins.problems);
  return {
    autoplay: read(params, 'autoplay', problems) ?? DEFAULT_EMBED.autoplay,
    controls: read(params, 'controls', problems) ?? DEFAULT_EMBED.controls,
    caption: read(params, 'caption', problems) ?? DEFAULT_EMBED.caption,
    panel: read(params, 'panel', problems) ?? DEFAULT_EMBED.panel,
    theme: read(params, 'theme', problems) ?? DEFAULT_EMBED.theme,
    loop: read(params, 'loop', problems) ?? DEFAULT_EMBED.loop,
    origins: origins.origins,
    particles: read(params, 'particles', problems) ?? DEFAULT_EMBED.particles,
  };
}

/**
 * Reads every link parameter of `search`. Never throws: a bad value is left out (the default holds)
 * and named in `problems`, so the page opens anyway and says why an option did not take.
 *
 * @example readLinkParams('?embed=1&speed=fast&t=5000', 'https://app.example').problems
 * // ['speed: got "fast", expected a number from 0.01 to 100 (1 is real time)']
 */
export function readLinkParams(search: string, selfOrigin: string): LinkParams {
  const params = new URLSearchParams(search);
  const problems: string[] = [];
  for (const name of new Set(params.keys()))
    if (!KNOWN_PARAMS.includes(name)) problems.push(notAnOption(name));
  const view: LinkView = {};
  const t = read(params, 't', problems);
  if (t !== undefined) view.tMs = t;
  const s = read(params, 'speed', problems);
  if (s !== undefined) view.speed = s;
  const tab = read(params, 'tab', problems);
  if (tab !== undefined) view.tab = tab;
  const node = params.get('node');
  if (node !== null) {
    const parsed = parseNodeParam(node);
    if (parsed.ok) view.node = parsed.id;
    else problems.push(parsed.message);
  }
  const key = read(params, 'key', problems);
  if (key !== undefined) view.key = key;
  read(params, 'paint', problems);
  const embed = params.get('embed') === '1';
  // The embed's options mean nothing to the full app: they are read (and complained about) in an embed.
  const options = embed ? readEmbedOptions(params, selfOrigin, problems) : DEFAULT_EMBED;
  return { embed, view, options, problems };
}

/** The parameters Share writes for the view; the app drops them from the address once applied. */
export const VIEW_PARAMS = ['t', 'speed', 'tab', 'node', 'key'] as const;
