import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { resolveInitial } from '../../src/runtime/initialScenario.ts';
import type { EmbedOptions, LinkView } from '../../src/share/linkParams.ts';
import type { Change } from '../../src/scenario/changes.ts';

/**
 * Links people have already pasted into documents: every kind this build writes (a preset, an edited
 * scenario with live changes, the view, the embed options) must keep opening as it did. A failure here
 * means a change broke published links: make the reader accept the old form, do not edit the fixture.
 */

interface Fixture {
  name: string;
  url: string;
  expect: {
    title?: string;
    presetId: string | null;
    embed: boolean;
    view: LinkView;
    options?: Partial<EmbedOptions>;
    changes?: Change[];
    /** Scenario fields by dotted path, for an edited scenario. */
    fields?: Record<string, unknown>;
  };
}

const { links } = JSON.parse(readFileSync(new URL('./fixtures/links.json', import.meta.url), 'utf8')) as {
  links: Fixture[];
};

/** The app is served on the fixtures' own origin, so the default `origins` is that one. */
const SELF = 'https://cachescope.example';

const at = (value: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((v, key) => (v as Record<string, unknown> | undefined)?.[key], value);

describe('links made by earlier builds still open as they did', () => {
  it('covers every kind of link', () => {
    expect(links.some((l) => l.url.includes('?preset='))).toBe(true);
    expect(links.some((l) => l.url.includes('#s=') && (l.expect.changes?.length ?? 0) > 0)).toBe(true);
    expect(links.some((l) => l.expect.view.tab !== undefined && l.expect.view.node !== undefined)).toBe(true);
    expect(links.some((l) => l.expect.view.key !== undefined)).toBe(true);
    expect(links.some((l) => l.expect.embed && l.expect.options?.autoplay === true)).toBe(true);
  });

  it.each(links.map((l) => [l.name, l] as const))('%s', (_name, fixture) => {
    const url = new URL(fixture.url);
    const opened = resolveInitial(url.search, url.hash, { origin: SELF });
    const want = fixture.expect;
    expect(opened.notice).toBeNull();
    expect(opened.presetId).toBe(want.presetId);
    expect(opened.embed).toBe(want.embed);
    expect(opened.view).toEqual(want.view);
    if (want.title !== undefined) expect(opened.scenario.title).toBe(want.title);
    if (want.options) expect(opened.options).toMatchObject(want.options);
    expect(opened.scenario.changes).toEqual(want.changes ?? []);
    for (const [path, value] of Object.entries(want.fields ?? {})) {
      expect(at(opened.scenario, path), path).toEqual(value);
    }
  });
});
