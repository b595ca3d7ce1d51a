/* global document, getComputedStyle, NodeFilter, requestAnimationFrame */
import lzString from 'lz-string';
import { assert, check, openPage, shot } from '../harness.mjs';
import { SIZES, textOverlaps } from '../pageChecks.mjs';

const { compressToEncodedURIComponent } = lzString;

/**
 * Text on the stage cards and captions (and the compare titles) that is cut: any line reaching outside
 * its card's border (1 px horizontally, the glyph box's 1.5 px vertically), or an element narrower
 * than its own text.
 */
const clippedOnStage = (page, scope) =>
  page.evaluate((sel) => {
    const found = [];
    const inside = (el) => {
      const r = el.getBoundingClientRect();
      const cs = getComputedStyle(el);
      return {
        left: r.left + parseFloat(cs.borderLeftWidth),
        right: r.right - parseFloat(cs.borderRightWidth),
        top: r.top + parseFloat(cs.borderTopWidth),
        bottom: r.bottom - parseFloat(cs.borderBottomWidth),
      };
    };
    for (const card of document.querySelectorAll(`${sel} .node, ${sel} .stage-caption`)) {
      const box = inside(card);
      const walker = document.createTreeWalker(card, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const text = n.textContent.trim();
        if (!text || n.parentElement.closest('.visually-hidden')) continue;
        const range = document.createRange();
        range.selectNodeContents(n);
        for (const r of range.getClientRects()) {
          const out =
            r.left < box.left + 1 ||
            r.right > box.right - 1 ||
            r.top < box.top - 1.5 ||
            r.bottom > box.bottom + 1.5;
          if (r.width > 0 && out)
            found.push(`"${text}" on ${card.className.split(' ').slice(0, 2).join('.')}`);
        }
      }
      for (const el of card.querySelectorAll('*')) {
        if (el.closest('.visually-hidden, svg')) continue;
        if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'visible')
          found.push(`"${el.textContent.trim()}" cut by its own box`);
      }
    }
    for (const el of document.querySelectorAll(`${sel} .compare-title`))
      if (el.scrollWidth > el.clientWidth + 1) found.push(`title "${el.textContent.trim()}" cut`);
    return [...new Set(found)];
  }, scope);

/** The five sizes every view is checked at, and one more between them (a 15" laptop). */
const COMPARE_SIZES = [...SIZES, [1440, 900]];

/** Two animation frames: the stages measure their new size, lay out, and the cards fit themselves. */
const settle = async (page) => {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.waitForTimeout(300);
};

/** Whether the two stages of the compare view sit above the difference table, not over it. */
const sidesAboveTable = (page) =>
  page.evaluate(() => {
    const table = document.querySelector('.difference-wrap')?.getBoundingClientRect();
    const bottoms = [...document.querySelectorAll('.compare-side')].map(
      (e) => e.getBoundingClientRect().bottom,
    );
    return table && bottoms.some((b) => b > table.top + 1)
      ? [`a stage reaches ${Math.max(...bottoms) - table.top} px over the difference table`]
      : [];
  });

/**
 * The pairs walked at every size: the pair whose B's hot shard carries two badges ("2 locks held" and
 * "hot", cut at 1280x720 before), and the single-flight pair.
 */
const PAIRS = [
  ['stampede', 'stampede-lock'],
  ['stampede', 'stampede-single-flight'],
];

/** The header's rows: its tools all on one, and (at `titleBeside`) the title beside them on one line. */
const headerRows = (page) =>
  page.evaluate(() => {
    const h1 = document.querySelector('.header h1');
    const tools = [...document.querySelectorAll('.header-tools > *')].map((e) => e.getBoundingClientRect());
    const mid = (r) => (r.top + r.bottom) / 2;
    const toolRows = new Set(tools.map((r) => Math.round(mid(r) / 8))).size;
    const lines = Math.round(h1.getBoundingClientRect().height / parseFloat(getComputedStyle(h1).lineHeight));
    const besideTitle = Math.abs(mid(h1.getBoundingClientRect()) - mid(tools[0])) < 8;
    return { toolRows, lines, besideTitle, height: document.querySelector('.header').offsetHeight };
  });

/** The hot-key scenario (half of all reads on one key) on 16 shards, as a `#s=` link. */
function sixteenShards() {
  const scenario = {
    version: 1,
    title: 'Hot key on 16 shards',
    seed: 42,
    durationMs: 20_000,
    workload: { rps: 4000, readRatio: 1, keys: 1000, zipf: 0, hotKey: { share: 0.5 } },
    topology: { instances: 4, redisShards: 16 },
    cache: { strategy: 'cache-aside', l1: { enabled: false }, l2: { ttlMs: 60_000 } },
  };
  return `#s=${compressToEncodedURIComponent(JSON.stringify(scenario))}`;
}

export default async function truthSizes() {
  for (const [a, b] of PAIRS) {
    await check(
      `the compare view of ${a} and ${b} at ${COMPARE_SIZES.map((s) => s.join('x')).join(', ')}: no text cut`,
      async () => {
        // One page, resized: the run is simulated once, and every size lays the same moment out.
        const p = await openPage(`?preset=${a}&compare=${b}&t=12000`);
        await p.getByRole('table', { name: /A and B after 12 s/ }).waitFor({ timeout: 90_000 });
        const problems = [];
        for (const [w, h] of COMPARE_SIZES) {
          await p.setViewportSize({ width: w, height: h });
          await settle(p);
          await shot(p, `truth-compare-${b}-${w}x${h}`);
          const cut = [...(await clippedOnStage(p, '.compare')), ...(await sidesAboveTable(p))];
          if (cut.length > 0) problems.push(`${w}x${h}: ${cut.join('; ')}`);
        }
        assert(problems.length === 0, problems.join(' | '));
        await p.context().close();
      },
    );
  }

  await check(
    'the header: its tools on one row at 1280 and 1920, comparing or not; the title beside them at 1920',
    async () => {
      for (const [w, h] of [
        [1280, 720],
        [1920, 1080],
      ]) {
        const p = await openPage('?preset=stampede-lock', { viewport: { width: w, height: h } });
        const alone = await headerRows(p);
        await p.getByRole('button', { name: 'Compare', exact: true }).click();
        const dialog = p.getByRole('dialog', { name: 'Compare' });
        await dialog.getByLabel('Field').selectOption('cache.l2.ttlMs');
        await dialog.getByLabel(/B's value/).fill('1000');
        await dialog.getByRole('button', { name: 'Compare with a change' }).click();
        await p.getByRole('button', { name: 'Stop comparing' }).waitFor();
        await settle(p);
        await shot(p, `truth-header-comparing-${w}x${h}`);
        const comparing = await headerRows(p);
        // Before Play too, the stages end above the table (at 1920x1080 they once spilled over it at 0 s).
        await p.getByRole('table', { name: /A and B after/ }).waitFor();
        const spilled = await sidesAboveTable(p);
        assert(spilled.length === 0, `${w}x${h}: ${spilled.join('; ')}`);
        for (const [state, r] of [
          ['alone', alone],
          ['comparing', comparing],
        ]) {
          assert(r.toolRows === 1, `${w}x${h} ${state}: the header's tools take ${r.toolRows} rows`);
          if (w >= 1920)
            assert(r.besideTitle && r.lines === 1, `${w}x${h} ${state}: the title ${JSON.stringify(r)}`);
        }
        assert(
          alone.height === comparing.height,
          `${w}x${h}: the header is ${alone.height} px alone, ${comparing.height} px comparing`,
        );
        if (w >= 1920) {
          // A long preset title (55 characters), too, on one line beside the tools (70 still wrap).
          await p.goto(p.url().replace(/\?.*$/, '?preset=baseline'));
          await p.getByRole('button', { name: 'Compare', exact: true }).waitFor();
          const long = await headerRows(p);
          assert(
            long.toolRows === 1 && long.besideTitle && long.lines === 1,
            `baseline: ${JSON.stringify(long)}`,
          );
        }
        await p.context().close();
      }
    },
  );

  await check('the presenter view at 1280x720 with 16 shards: no stage text cut or overlapping', async () => {
    const p = await openPage(`?present=1${sixteenShards()}`, { viewport: { width: 1280, height: 720 } });
    await p.locator('.app.presenting').waitFor();
    await p.getByRole('button', { name: 'Play' }).click();
    // Until the hot shard shows as hot (its badge is what crowded a card).
    await p.locator('.node-redis.tone-hot').first().waitFor();
    await p.waitForTimeout(1500);
    await p.getByRole('button', { name: 'Pause' }).click();
    await settle(p);
    await shot(p, 'truth-presenter-16-shards-1280x720');
    const cut = await clippedOnStage(p, '.stage');
    assert(cut.length === 0, `cut: ${cut.join('; ')}`);
    const overlaps = await textOverlaps(p);
    assert(overlaps.length === 0, overlaps.join('; '));
    // Every shard card says more than its name: its rate or a badge.
    const bare = await p.locator('.node-redis').evaluateAll((cards) =>
      cards
        .map((c) =>
          // The words drawn: leaf elements shown (not a fit level's hidden words, not screen-reader text).
          [...c.querySelectorAll('*')]
            .filter((e) => e.children.length === 0 && !e.closest('.visually-hidden') && e.checkVisibility())
            .map((e) => e.textContent.trim())
            .filter(Boolean),
        )
        .filter((words) => words.length < 2)
        .map((words) => words.join(' ')),
    );
    assert(bare.length === 0, `shard cards showing only their name: ${bare.join(', ')}`);
    // The hot shard shows the rate that makes it hot, not only a badge saying so.
    const hotText = await p.locator('.node-redis.tone-hot').first().innerText();
    assert(/\d\/s/.test(hotText), `the hot shard's card reads "${hotText}", without its ops rate`);
    // The way out sits at the header's end, not adrift in its middle.
    const [header, leave] = await Promise.all([
      p.locator('.header').boundingBox(),
      p.getByRole('button', { name: /Leave presenter view/ }).boundingBox(),
    ]);
    const gap = header.x + header.width - (leave.x + leave.width);
    assert(gap < 40, `the Leave button ends ${Math.round(gap)} px before the header's right edge`);
    await p.context().close();
  });

  await check('the sidebar tabs fit one row at 1280x720 and 1920x1080', async () => {
    for (const [w, h] of [
      [1280, 720],
      [1920, 1080],
    ]) {
      const p = await openPage('?preset=baseline', { viewport: { width: w, height: h } });
      const tops = await p
        .getByRole('tab')
        .evaluateAll((tabs) => tabs.map((t) => t.getBoundingClientRect().top));
      assert(
        tops.length === 5 && new Set(tops).size === 1,
        `${w}x${h}: the tabs sit on rows ${tops.join(', ')}`,
      );
      const cut = await p
        .getByRole('tab')
        .evaluateAll((tabs) => tabs.filter((t) => t.scrollWidth > t.clientWidth).map((t) => t.textContent));
      assert(cut.length === 0, `${w}x${h}: tabs cut: ${cut.join(', ')}`);
      await p.context().close();
    }
  });
}
