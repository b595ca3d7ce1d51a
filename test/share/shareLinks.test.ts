import { describe, expect, it } from 'vitest';
import { resolveInitial } from '../../src/runtime/initialScenario.ts';
import { getPreset } from '../../src/scenario/presets/index.ts';
import { appLink, embedLink, iframeSnippet, markdownLink } from '../../src/share/shareLinks.ts';
import { checkView } from '../../src/share/linkView.ts';
import { withoutView } from '../../src/runtime/applyView.ts';

const BASE = 'https://example.org/docs/tools/cachescope/';
const stampede = getPreset('stampede')!;

/** Opens a link as the page does: its query and hash. */
function open(link: string) {
  const url = new URL(link);
  return resolveInitial(url.search, url.hash, { origin: url.origin });
}

describe('share links', () => {
  it('a preset link restores the preset, time, speed, tab and node', () => {
    const link = appLink(BASE, {
      scenario: stampede,
      presetId: 'stampede',
      view: { tMs: 12_345, speed: 2, tab: 'inspect', node: 'redis-0' },
    });
    expect(link).toBe(`${BASE}?preset=stampede&t=12345&speed=2&tab=inspect&node=redis1`);
    const opened = open(link);
    expect(opened.presetId).toBe('stampede');
    expect(opened.scenario).toEqual(stampede);
    expect(opened.view).toEqual({ tMs: 12_345, speed: 2, tab: 'inspect', node: 'redis-0' });
    expect(opened.notice).toBeNull();
  });

  it('a changed scenario goes as #s=, with its live changes, and the view in the query', () => {
    const changed = {
      ...stampede,
      seed: 9,
      changes: [{ atMs: 5000, path: 'cache.l2.ttlMs', value: 2000 }],
    };
    const link = appLink(BASE, { scenario: changed, presetId: null, view: { tMs: 8000, key: 3 } });
    expect(link).toMatch(/\?t=8000&key=3#s=/);
    const opened = open(link);
    expect(opened.scenario).toEqual(changed);
    expect(opened.presetId).toBeNull();
    expect(opened.view).toEqual({ tMs: 8000, key: 3 });
  });

  it('leaves out what is at its default: time 0, speed 1, no tab', () => {
    expect(appLink(BASE, { scenario: stampede, presetId: 'stampede', view: { tMs: 0, speed: 1 } })).toBe(
      `${BASE}?preset=stampede`,
    );
  });

  it('the embed link keeps the scenario, time and speed, and drops tab and selection', () => {
    const src = embedLink(BASE, {
      scenario: stampede,
      presetId: 'stampede',
      view: { tMs: 4000, speed: 0.5, tab: 'charts', node: 'db' },
    });
    expect(src).toBe(`${BASE}?preset=stampede&embed=1&t=4000&speed=0.5`);
    expect(open(src).embed).toBe(true);
  });

  it('the iframe snippet is titled, sized, lazy, and escapes its attributes', () => {
    const html = iframeSnippet(`${BASE}?preset=stampede&embed=1`, 'Tom & "Jerry" <3');
    expect(html).toContain(`src="${BASE}?preset=stampede&amp;embed=1"`);
    expect(html).toContain('title="Tom &amp; &quot;Jerry&quot; &lt;3 (Cachescope simulation)"');
    expect(html).toMatch(/width="\d+"/);
    expect(html).toMatch(/height="\d+"/);
    expect(html).toContain('loading="lazy"');
    expect(html.startsWith('<iframe')).toBe(true);
    expect(html.endsWith('></iframe>')).toBe(true);
  });

  it('the Markdown link escapes brackets in the title and parentheses in the address', () => {
    expect(markdownLink('https://x.org/?a=(1)', 'A [b] c')).toBe(
      '[A \\[b\\] c (Cachescope)](https://x.org/?a=%281%29)',
    );
  });
});

describe('a link’s view against its scenario', () => {
  it('drops a time past the end, a node not on the stage and a key outside the workload, naming each', () => {
    const r = checkView({ tMs: 99_000, node: 'app-7', key: 10_000_000, tab: 'charts' }, stampede);
    expect(r.view).toEqual({ tab: 'charts' });
    expect(r.problems).toEqual([
      `t: 99000 is after the end of the run (30 s)`,
      `node: app8 is not on the stage (${stampede.topology.instances} app instances, ${stampede.topology.redisShards} Redis shards)`,
      `key: 10000000 is not in the workload (keys 0 to ${stampede.workload.keys - 1})`,
    ]);
  });

  it('the page opens anyway, and its notice names the options not used', () => {
    const opened = resolveInitial('?preset=stampede&t=99000&speed=fast', '', { origin: 'https://x.org' });
    expect(opened.presetId).toBe('stampede');
    expect(opened.notice).toMatch(
      /^Some options in this link were not used: speed: got "fast".*; t: 99000 is after/,
    );
  });

  it('the full app drops the view from its address once applied, keeping everything else', () => {
    expect(withoutView('?preset=stampede&t=12000&speed=2&tab=charts&node=app1&key=3&embed=1')).toBe(
      '?preset=stampede&embed=1',
    );
    expect(withoutView('?t=5')).toBe('');
  });
});
