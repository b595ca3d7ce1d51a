import '../scenario/zodConfig.ts';
import { z } from 'zod';
import { closestName } from '../scenario/messages.ts';
import { preview } from '../scenario/quote.ts';
import { MAX_SPEED, MIN_SPEED } from '../runtime/speed.ts';
import { PANEL_IDS, type PanelId } from '../store/selectionSlice.ts';
import { readOrigins } from '../embed/origins.ts';
import { parseNodeParam } from './nodeParam.ts';
import { DRAW_CHOICES } from '../render/drawCounts.ts';
import type { DrawSetting } from '../render/drawLimit.ts';

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

const flag = z.enum(['0', '1']).transform((v) => v === '1');
const wholeMs = z
  .string()
  .regex(/^\d{1,12}$/)
  .transform(Number);
const speed = z
  .string()
  .regex(/^(\d+\.?\d*|\.\d+)$/)
  .transform(Number)
  .pipe(z.number().min(MIN_SPEED).max(MAX_SPEED));
const drawChoice = z
  .string()
  .regex(/^(auto|\d{1,6})$/)
  .refine((v) => v === 'auto' || DRAW_CHOICES.includes(Number(v)))
  .transform((v): DrawSetting => (v === 'auto' ? 'auto' : Number(v)));
const keyRank = z
  .string()
  .regex(/^\d{1,9}$/)
  .transform(Number);

/** Each parameter: its rule and how to say what it accepts. Enums say it themselves. */
const RULES = {
  t: { schema: wholeMs, allowed: 'a whole number of simulated milliseconds, such as 12000' },
  speed: { schema: speed, allowed: `a number from ${MIN_SPEED} to ${MAX_SPEED} (1 is real time)` },
  tab: { schema: z.enum(PANEL_IDS), allowed: null },
  key: { schema: keyRank, allowed: 'a key number (0 is the most popular key)' },
  autoplay: { schema: flag, allowed: '0 or 1' },
  controls: { schema: flag, allowed: '0 or 1' },
  caption: { schema: flag, allowed: '0 or 1' },
  loop: { schema: flag, allowed: '0 or 1' },
  panel: { schema: z.enum(EMBED_PANELS), allowed: null },
  theme: { schema: z.enum(EMBED_THEMES), allowed: null },
  particles: {
    schema: drawChoice,
    allowed: `auto or one of ${DRAW_CHOICES.join(', ')}`,
  },
} as const;

type RuleName = keyof typeof RULES;
type RuleValue<K extends RuleName> = z.output<(typeof RULES)[K]['schema']>;

/** The parameter's value by its rule, or undefined (with a line in `problems`) when it is absent or bad. */
function read<K extends RuleName>(
  params: URLSearchParams,
  name: K,
  problems: string[],
): RuleValue<K> | undefined {
  const raw = params.get(name);
  if (raw === null) return undefined;
  const rule = RULES[name];
  const schema: z.ZodType = rule.schema;
  const result = schema.safeParse(raw);
  if (result.success) return result.data as RuleValue<K>;
  const options = rule.schema instanceof z.ZodEnum ? (rule.schema.options as readonly string[]) : null;
  const allowed = rule.allowed ?? `one of ${options?.join(', ')}`;
  const guess = options ? closestName(raw, options) : undefined;
  problems.push(
    `${name}: got ${preview(raw)}, expected ${allowed}${guess ? ` (did you mean ${guess}?)` : ''}`,
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
  const embed = params.get('embed') === '1';
  // The embed's options mean nothing to the full app: they are read (and complained about) in an embed.
  const options = embed ? readEmbedOptions(params, selfOrigin, problems) : DEFAULT_EMBED;
  return { embed, view, options, problems };
}

/** The parameters Share writes for the view; the app drops them from the address once applied. */
export const VIEW_PARAMS = ['t', 'speed', 'tab', 'node', 'key'] as const;
