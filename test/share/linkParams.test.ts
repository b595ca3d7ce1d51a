import { describe, expect, it } from 'vitest';
import { readLinkParams } from '../../src/share/linkParams.ts';
import { nodeParam, parseNodeParam } from '../../src/share/nodeParam.ts';
import { readOrigins, acceptsOrigin } from '../../src/embed/origins.ts';

const SELF = 'https://app.example';

describe('link parameters', () => {
  it('reads the view: time, speed, tab, node (numbered from 1) and key', () => {
    const p = readLinkParams('?preset=stampede&t=12000&speed=2.5&tab=charts&node=redis2&key=7', SELF);
    expect(p.view).toEqual({ tMs: 12000, speed: 2.5, tab: 'charts', node: 'redis-1', key: 7 });
    expect(p.problems).toEqual([]);
    expect(p.embed).toBe(false);
  });

  it('gives the embed its defaults, and only the app’s own origin', () => {
    const p = readLinkParams('?embed=1', SELF);
    expect(p.options).toEqual({
      autoplay: false,
      controls: true,
      caption: false,
      panel: 'none',
      theme: 'system',
      loop: false,
      origins: [SELF],
      particles: 'auto',
    });
  });

  it('reads every embed option', () => {
    const p = readLinkParams(
      '?embed=1&autoplay=1&controls=0&caption=1&panel=charts&theme=dark&loop=1&origins=https://docs.example.com&particles=10000',
      SELF,
    );
    expect(p.options).toEqual({
      autoplay: true,
      controls: false,
      caption: true,
      panel: 'charts',
      theme: 'dark',
      loop: true,
      origins: ['https://docs.example.com'],
      particles: 10_000,
    });
    expect(p.problems).toEqual([]);
  });

  it('names each bad value with what it accepts, and keeps the defaults for them', () => {
    const p = readLinkParams('?embed=1&speed=fast&t=-5&panel=chart&theme=blue&autoplay=yes&tab=x', SELF);
    expect(p.problems).toEqual([
      't: got "-5", expected a whole number of simulated milliseconds, such as 12000',
      'speed: got "fast", expected a number from 0.01 to 100 (1 is real time)',
      'tab: got "x", expected one of about, config, charts, inspect, sweep',
      'autoplay: got "yes", expected 0 or 1',
      'panel: got "chart", expected one of none, charts, about (did you mean charts?)',
      'theme: got "blue", expected one of light, dark, system',
    ]);
    expect(p.view).toEqual({});
    expect(p.options.panel).toBe('none');
    expect(p.options.autoplay).toBe(false);
  });

  it('reads the draw count, and falls back to automatic on a bad one, naming it', () => {
    expect(readLinkParams('?embed=1&particles=auto', SELF).options.particles).toBe('auto');
    expect(readLinkParams('?embed=1&particles=2000', SELF).options.particles).toBe(2000);
    for (const bad of ['lots', '3000', '-1', '1e4', '']) {
      const p = readLinkParams(`?embed=1&particles=${bad}`, SELF);
      expect(p.options.particles).toBe('auto');
      expect(p.problems).toEqual([
        `particles: got "${bad}", expected auto or one of 1000, 2000, 5000, 10000, 20000`,
      ]);
    }
  });

  it('names a bad painter, with its choices and a guess, in the app and in an embed', () => {
    for (const embed of ['', '&embed=1']) {
      expect(readLinkParams(`?paint=worker${embed}`, SELF).problems).toEqual([]);
      expect(readLinkParams(`?paint=workr${embed}`, SELF).problems).toEqual([
        'paint: got "workr", expected one of main, worker (did you mean worker?)',
      ]);
    }
  });

  it('refuses a speed outside 0.01..100 and an empty time', () => {
    expect(readLinkParams('?speed=500', SELF).problems[0]).toMatch(
      /^speed: got "500", expected a number from 0.01 to 100/,
    );
    expect(readLinkParams('?speed=0', SELF).problems[0]).toMatch(/^speed: got "0"/);
    expect(readLinkParams('?t=', SELF).problems[0]).toMatch(/^t: got ""/);
  });

  it('ignores the embed options outside an embed (they mean nothing to the full app)', () => {
    const p = readLinkParams('?panel=bogus&origins=nope', SELF);
    expect(p.problems).toEqual([]);
  });

  it('names a parameter no link has, with a guess, and says nothing of the ones links carry', () => {
    expect(readLinkParams('?presett=stampede', SELF).problems).toEqual([
      '"presett" is not an option of a Cachescope link (did you mean preset?)',
    ]);
    expect(readLinkParams('?preset=baseline&seed=7', SELF).problems).toEqual([
      '"seed" is not an option of a Cachescope link (the seed is part of the scenario: set it in the app, then Share)',
    ]);
    const every =
      '?preset=a&lesson=b&step=1&present=1&compare=c&node=db&join=X&t=0&speed=1&tab=charts&key=0&paint=main' +
      '&embed=1&autoplay=0&controls=1&caption=0&loop=0&panel=none&theme=dark&particles=auto&origins=*';
    expect(readLinkParams(every, SELF).problems).toEqual([]);
  });

  it('quotes at most 80 characters of a huge value', () => {
    const p = readLinkParams(`?embed=1&theme=${'x'.repeat(5000)}`, SELF);
    expect(p.problems[0]!.length).toBeLessThan(200);
  });
});

describe('node= in links', () => {
  it('numbers app instances and shards from 1, as the stage does', () => {
    expect(parseNodeParam('app1')).toEqual({ ok: true, id: 'app-0' });
    expect(parseNodeParam('redis12')).toEqual({ ok: true, id: 'redis-11' });
    expect(parseNodeParam('db')).toEqual({ ok: true, id: 'db' });
    for (const id of ['app-0', 'redis-3', 'lb', 'cdc']) {
      expect(parseNodeParam(nodeParam(id))).toEqual({ ok: true, id });
    }
  });

  it('refuses app0, engine ids and anything else, saying what it takes', () => {
    for (const bad of ['app0', 'app-0', 'Redis1', '']) {
      const r = parseNodeParam(bad);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.message).toMatch(/^node: got ".*", expected client, cdn, lb, app<N>, redis<N>/);
    }
  });
});

describe('origins=', () => {
  it('lists origins, normalised; * means any page', () => {
    expect(readOrigins('https://Docs.Example.com/, http://localhost:8080', SELF)).toEqual({
      origins: ['https://docs.example.com', 'http://localhost:8080'],
      problems: [],
    });
    expect(readOrigins('*', SELF).origins).toEqual(['*']);
    expect(readOrigins(null, SELF).origins).toEqual([SELF]);
  });

  it('refuses a page address, another scheme or a word, naming it', () => {
    const r = readOrigins('https://docs.example.com/guide,javascript:alert(1),docs,https://ok.example', SELF);
    expect(r.origins).toEqual(['https://ok.example']);
    expect(r.problems).toHaveLength(3);
    expect(r.problems[0]).toMatch(/^origins: got "https:\/\/docs.example.com\/guide", expected an origin/);
    expect(readOrigins('', SELF)).toEqual({
      origins: [],
      problems: ['origins: empty; no page can drive this embed (list origins, or * for any)'],
    });
  });

  it('accepts exactly the listed origins', () => {
    const list = ['https://docs.example.com'];
    expect(acceptsOrigin(list, 'https://docs.example.com')).toBe(true);
    expect(acceptsOrigin(list, 'https://docs.example.com:444')).toBe(false);
    expect(acceptsOrigin(list, 'http://docs.example.com')).toBe(false);
    expect(acceptsOrigin(list, 'null')).toBe(false);
    expect(acceptsOrigin(['*'], 'null')).toBe(true);
  });
});
