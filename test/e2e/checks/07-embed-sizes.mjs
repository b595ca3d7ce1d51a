/* global document, window */
import { assert, check, openPage, settled, shot } from '../harness.mjs';
import { clippedText, textOverlaps } from '../pageChecks.mjs';

/** Frames a documentation page may give an embed: the smallest we support up to a full-width page. */
const FRAMES = [
  [360, 240],
  [480, 300],
  [640, 360],
  [720, 450],
  [1024, 640],
  [1920, 1080],
];

/** What an embed must never do at any size: scroll, cut text, overlap text, push a control off. */
async function fitProblems(page) {
  const found = await page.evaluate(() => {
    const out = [];
    const doc = document.documentElement;
    const w = doc.clientWidth;
    const h = doc.clientHeight;
    if (doc.scrollWidth > w) out.push(`scrolls ${doc.scrollWidth - w} px sideways`);
    if (doc.scrollHeight > h) out.push(`scrolls ${doc.scrollHeight - h} px down`);
    const inside = (sel, name) => {
      const el = document.querySelector(sel);
      if (!el) return out.push(`no ${name}`);
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) return out.push(`the ${name} is not shown`);
      if (r.left < -1 || r.top < -1 || r.right > w + 1 || r.bottom > h + 1) {
        out.push(`the ${name} is outside the frame (${Math.round(r.left)},${Math.round(r.top)})`);
      }
    };
    inside('.embed-title', 'title');
    inside('.open-full', 'Open in Cachescope link');
    inside('.embed-controls button', 'Play button');
    inside('.embed-stage-column .stage-area', 'stage');
    for (const card of document.querySelectorAll('.stage-area .node')) {
      const r = card.getBoundingClientRect();
      if (r.right > w + 1 || r.bottom > h + 1) out.push('a stage card outside the frame');
    }
    return out;
  });
  const cut = await clippedText(page, '.embed-controls button, .embed-clock, .open-full, .metric dt');
  const overlaps = await textOverlaps(page);
  return [...found, ...cut.map((c) => `cut: ${c}`), ...overlaps.map((o) => `overlap: ${o}`)];
}

export default async function embedSizes() {
  // One embed, resized from the smallest frame to the largest as a documentation page's column would
  // be: one load and one seek to 6 s instead of six (the layout is the frame's, however it got there).
  let embed = null;
  for (const [width, height] of FRAMES) {
    await check(`embed ${width}x${height}: nothing clipped or overlapping, no scrollbar`, async () => {
      if (embed === null) {
        embed = await openPage('?preset=stampede&embed=1&t=6000', { viewport: { width, height } });
        await embed.locator('[data-now-ms]').first().waitFor();
        await embed.waitForFunction(
          () => Number(document.querySelector('[data-now-ms]')?.dataset.nowMs) >= 5900,
        );
      } else await embed.setViewportSize({ width, height });
      await embed.waitForFunction(() => !document.querySelector('.clock-seeking'));
      await settled(embed);
      await shot(embed, `embed-${width}x${height}`);
      const problems = await fitProblems(embed);
      assert(problems.length === 0, problems.join('; '));
    });
  }
  await embed?.context().close();

  // [query, width, height]: each option where it changes the layout (a panel needs 760 px, or 520 px of height).
  const OPTIONS = [
    ['caption=1&theme=dark', 640, 360],
    ['panel=charts', 1024, 640],
    ['panel=about&caption=1', 720, 600], // the caption steps aside for the About panel,
    ['panel=charts', 640, 360],
    ['controls=0&caption=1', 640, 360],
  ];
  for (const [query, width, height] of OPTIONS) {
    await check(`embed ${width}x${height} ${query}: still fits`, async () => {
      const noControls = query.includes('controls=0');
      const p = await openPage(`?preset=ttl-too-short&embed=1&${query}`, {
        viewport: { width, height },
        waitForPlay: !noControls,
      });
      await p.locator('.embed-title').waitFor();
      if (query.includes('panel=charts') && width >= 760)
        await p.locator('.embed-panel svg').first().waitFor();
      // The layout is decided from the options and the frame at the first render; what loads later
      // (the presets, a panel's chunk) is in once the page's load event has fired and it has settled.
      await p.waitForLoadState('load');
      await settled(p);
      await shot(p, `embed-${width}x${height}-${query.replace(/[&=]/g, '-')}`);
      const problems = (await fitProblems(p)).filter((x) => !(noControls && x === 'no Play button'));
      assert(problems.length === 0, problems.join('; '));
      const panelShown = await p.locator('.embed-panel').isVisible();
      const panelWanted = query.includes('panel=') && (width >= 760 || height >= 520);
      assert(panelShown === panelWanted, `the panel is ${panelShown ? 'shown' : 'not shown'}`);
      if (query.includes('caption=1')) {
        // The About panel shows the description itself: the caption steps aside for it.
        const shown = await p.locator('.embed-caption').isVisible();
        assert(shown === !query.includes('panel=about'), `the caption is ${shown ? 'shown' : 'not shown'}`);
      }
      if (noControls) {
        const buttons = await p.getByRole('button', { name: /^(Play|Pause)$/ }).count();
        assert(buttons === 0, 'controls=0 still shows Play');
      }
      await p.context().close();
    });
  }

  await check('autoplay=1 plays when seen, but not for a reader who asked for reduced motion', async () => {
    const moving = await openPage('?preset=stampede&embed=1&autoplay=1', {
      viewport: { width: 640, height: 360 },
    });
    await moving.getByRole('button', { name: 'Pause' }).waitFor();
    await moving.context().close();
    const still = await openPage('?preset=stampede&embed=1&autoplay=1', {
      viewport: { width: 640, height: 360 },
      reducedMotion: 'reduce',
    });
    // The embed decides in one go: it does not autoplay and says why in a notice (useEmbed).
    await still.locator('.notice', { hasText: 'reduced motion' }).waitFor();
    await settled(still);
    assert((await still.getByRole('button', { name: 'Play' }).count()) === 1, 'it started playing');
    const notice = await still.locator('.notice').innerText();
    assert(notice.includes('reduced motion'), `the notice says: ${notice}`);
    await shot(still, 'embed-640x360-reduced-motion');
    await still.context().close();
  });

  await check('a bad embed option is named in a notice and the embed stays usable', async () => {
    const p = await openPage('?preset=stampede&embed=1&speed=fast&panel=graphs', {
      viewport: { width: 640, height: 360 },
    });
    const notice = await p.locator('.notice').innerText();
    assert(notice.includes('speed') && notice.includes('fast'), `the notice does not name speed: ${notice}`);
    assert(
      notice.includes('panel') && notice.includes('charts'),
      `the notice does not name panel: ${notice}`,
    );
    await shot(p, 'embed-640x360-bad-option');
    await p.getByRole('button', { name: 'Play' }).click();
    await p.getByRole('button', { name: 'Pause' }).waitFor();
    await p.context().close();
  });

  await check(
    '"Open in Cachescope" opens the full app on the same state, in a new tab, without opener',
    async () => {
      const p = await openPage('?preset=stampede&embed=1&t=4000&speed=2', {
        viewport: { width: 640, height: 360 },
      });
      await p.waitForFunction(() => Number(document.querySelector('[data-now-ms]')?.dataset.nowMs) >= 3900);
      const link = p.getByRole('link', { name: /Open in Cachescope/ });
      const href = new URL((await link.getAttribute('href')) ?? '', p.url());
      assert(href.searchParams.get('t') === '4000', `the link says t=${href.searchParams.get('t')}`);
      assert(href.searchParams.get('speed') === '2', `the link says speed=${href.searchParams.get('speed')}`);
      const rel = (await link.getAttribute('rel')) ?? '';
      assert(rel.includes('noopener'), `rel is "${rel}"`);
      assert((await link.getAttribute('target')) === '_blank', 'the link does not open a new tab');
      const [opened] = await Promise.all([p.context().waitForEvent('page'), link.click()]);
      await opened.getByRole('button', { name: /^(Play|Pause)$/ }).waitFor();
      const url = new URL(opened.url());
      assert(url.searchParams.get('embed') === null, `the full app opened as an embed: ${url}`);
      assert(
        await opened.getByRole('complementary', { name: 'Details' }).isVisible(),
        'no sidebar: not the full app',
      );
      // The full app seeks to the link's time once its engine is up.
      const t = await opened
        .waitForFunction(() => Number(document.querySelector('[data-now-ms]')?.dataset.nowMs) >= 3900, null, {
          timeout: 30_000,
        })
        .then(() => opened.locator('[data-now-ms]').first().getAttribute('data-now-ms'))
        .catch(() => opened.locator('[data-now-ms]').first().getAttribute('data-now-ms'));
      assert(Number(t) >= 3900 && Number(t) <= 4100, `the full app opened at ${t} ms, not 4000`);
      const speed = await opened.locator('.speed-value').innerText();
      assert(/^2\s*[x×]$/.test(speed.trim()), `the full app opened at speed ${speed}`);
      assert((await opened.evaluate(() => window.opener)) === null, 'the new tab can reach its opener');
      await p.context().close();
    },
  );
}
