/* global document, window */
import { assert, check, openPage, shot } from '../harness.mjs';
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
  for (const [width, height] of FRAMES) {
    await check(`embed ${width}x${height}: nothing clipped or overlapping, no scrollbar`, async () => {
      const p = await openPage('?preset=stampede&embed=1&t=6000', { viewport: { width, height } });
      await p.locator('[data-now-ms]').first().waitFor();
      await p.waitForFunction(() => Number(document.querySelector('[data-now-ms]')?.dataset.nowMs) >= 5900);
      await p.waitForTimeout(300);
      await shot(p, `embed-${width}x${height}`);
      const problems = await fitProblems(p);
      assert(problems.length === 0, problems.join('; '));
      await p.context().close();
    });
  }

  await check('embed options at 640x360: caption, a panel, dark theme, no controls still fit', async () => {
    for (const [query, name] of [
      ['caption=1&panel=about&theme=dark', 'embed-640x360-caption-about-dark'],
      ['panel=charts', 'embed-640x360-charts'],
      ['controls=0&caption=1', 'embed-640x360-no-controls'],
    ]) {
      const p = await openPage(`?preset=ttl-too-short&embed=1&${query}`, {
        viewport: { width: 640, height: 360 },
        waitForPlay: !query.includes('controls=0'),
      });
      await p.locator('.embed-title').waitFor();
      await p.waitForTimeout(600);
      await shot(p, name);
      const problems = (await fitProblems(p)).filter(
        (x) => !(query.includes('controls=0') && x === 'no Play button'),
      );
      assert(problems.length === 0, `${query}: ${problems.join('; ')}`);
      if (query.includes('controls=0')) {
        const buttons = await p.getByRole('button', { name: /^(Play|Pause)$/ }).count();
        assert(buttons === 0, 'controls=0 still shows Play');
      }
      await p.context().close();
    }
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
