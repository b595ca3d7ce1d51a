import type { Scenario } from '../scenario/schema.ts';
import { encodeScenario } from '../scenario/url.ts';
import type { LinkView } from './linkParams.ts';
import { writeView } from './linkView.ts';

/**
 * The links Share gives: the app on the exact state, the embed's address, an iframe snippet and a
 * Markdown link. `base` is the app's address without query or hash (`https://example.org/tools/cachescope/`),
 * so a build served from any sub-path links to itself.
 */

export interface ShareState {
  scenario: Scenario;
  /** A preset the scenario still is (no edits, no live changes): the link says `?preset=<id>`. */
  presetId: string | null;
  view: LinkView;
}

/** The size the snippet gives an embed: 16:10, and `max-width: 100%` lets it shrink on a phone. */
export const SNIPPET_SIZE = { width: 720, height: 450 };

function link(base: string, state: ShareState, embed: boolean): string {
  const params = new URLSearchParams();
  if (state.presetId !== null) params.set('preset', state.presetId);
  if (embed) params.set('embed', '1');
  writeView(params, state.view);
  const query = params.toString();
  return `${base}${query ? `?${query}` : ''}${state.presetId !== null ? '' : encodeScenario(state.scenario)}`;
}

/**
 * The full app on this state: scenario and its changes, time, speed, tab and selection.
 *
 * @example appLink('https://x.org/', { scenario, presetId: 'stampede', view: { tMs: 12000 } })
 * // 'https://x.org/?preset=stampede&t=12000'
 */
export const appLink = (base: string, state: ShareState): string => link(base, state, false);

/** The embed of this state: the scenario at the same time and speed (an embed has no tabs). */
export function embedLink(base: string, state: ShareState): string {
  const { tMs, speed } = state.view;
  const view: LinkView = {};
  if (tMs !== undefined) view.tMs = tMs;
  if (speed !== undefined) view.speed = speed;
  return link(base, { ...state, view }, true);
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const escapeHtml = (text: string): string => text.replace(/[&<>"]/g, (c) => ENTITIES[c] ?? c);

/** An iframe element for a documentation page: titled (screen readers announce it), sized, lazy. */
export function iframeSnippet(src: string, title: string): string {
  const { width, height } = SNIPPET_SIZE;
  return [
    '<iframe',
    `  src="${escapeHtml(src)}"`,
    `  title="${escapeHtml(`${title} (Cachescope simulation)`)}"`,
    `  width="${width}"`,
    `  height="${height}"`,
    '  loading="lazy"',
    '  style="max-width: 100%; border: 0"',
    '></iframe>',
  ].join('\n');
}

/** A Markdown link: brackets in the title and parentheses in the address cannot end it early. */
export function markdownLink(url: string, title: string): string {
  const text = title.replace(/([[\]\\])/g, '\\$1');
  const href = url.replace(/\(/g, '%28').replace(/\)/g, '%29');
  return `[${text} (Cachescope)](${href})`;
}
