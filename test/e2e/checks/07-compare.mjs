/* global document, location */
import { join } from 'node:path';
import { assert, check, openPage, out, resize, seek, shot, STAMPEDE_TITLE } from '../harness.mjs';
import { axeViolations, clippedText, horizontalOverflow, textOverlaps } from '../pageChecks.mjs';

/** Each run's clock, as its side of the compare view shows it: [A, B]. */
const clocks = (page) =>
  page.locator('.compare-side').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-now-ms'))));

/** One row of the difference table as numbers: { a, b }. */
async function row(page, figure) {
  const cells = page.locator(`.difference-table tr[data-figure="${figure}"] td[data-value]`);
  const [a, b] = await cells.evaluateAll((tds) => tds.map((td) => Number(td.getAttribute('data-value'))));
  return { a, b };
}

/** Both clocks equal (within a frame's lead) once they settle: they are held to each other. */
async function sameClock(page) {
  await page.waitForFunction(() => {
    const [a, b] = [...document.querySelectorAll('.compare-side')].map((e) =>
      Number(e.getAttribute('data-now-ms')),
    );
    return a > 0 && a === b;
  });
}

export default async function compare() {
  await check('compare stampede with stampede-lock: one clock, and B reads the database less', async () => {
    const p = await openPage('?preset=stampede&compare=stampede-lock');
    await p.getByRole('table', { name: /A and B after/ }).waitFor();
    await seek(p, 12_000);
    await sameClock(p);
    const [a, b] = await clocks(p);
    assert(a === 12_000 && b === 12_000, `clocks after seeking to 12 s: A ${a}, B ${b}`);
    const reads = await row(p, 'dbReadsPerSec');
    assert(reads.b < reads.a / 2, `DB reads/s: A ${reads.a}, B ${reads.b} (B should be well under A)`);
    const p99 = await row(p, 'p99Ms');
    assert(p99.b < p99.a, `p99: A ${p99.a}, B ${p99.b}`);
    // Play moves both; pause stops both at the same time.
    await p.getByRole('button', { name: 'Play' }).click();
    await p.waitForTimeout(800);
    await p.getByRole('button', { name: 'Pause' }).click();
    await sameClock(p);
    const [a2, b2] = await clocks(p);
    assert(a2 > 12_000 && a2 === b2, `after play and pause: A ${a2}, B ${b2}`);
    await p.getByRole('button', { name: 'Step' }).click();
    await sameClock(p);
    const [a3] = await clocks(p);
    assert(a3 >= a2, `step went back: ${a2} -> ${a3}`);
    // The time charts overlay B's lines (dotted, "· B" in the legend) on A's.
    await p.getByRole('tab', { name: 'Charts' }).click();
    // The Charts tab's chart (the compare view under the table draws one too, once B's figures arrive).
    const chart = p
      .getByRole('complementary', { name: 'Details' })
      .getByRole('figure', { name: 'Database queries per second' });
    await chart.locator('path[data-run="b"]').first().waitFor();
    const legend = await chart.locator('.chart-legend').innerText();
    assert(/Reads · A/.test(legend) && /Reads · B/.test(legend), `legend: ${legend}`);
    await chart.scrollIntoViewIfNeeded();
    await shot(p, 'compare-charts');
    const titles = await p.locator('.compare-title').allInnerTexts();
    assert(titles[0].includes(STAMPEDE_TITLE) && /Redis lock/.test(titles[1]), `titles: ${titles}`);
    await p.context().close();
  });

  // One page, sought to 12 s once and read at each size in turn (a resize lays the page out again, as a
  // fresh load at that size would).
  let sized = null;
  for (const [w, h] of [
    [1280, 720],
    [1920, 1080],
    [390, 844],
  ]) {
    await check(`the compare view at ${w}x${h}: readable, no overlap, no sideways scroll, axe`, async () => {
      if (sized === null) {
        sized = await openPage('?preset=stampede&compare=stampede-lock', {
          viewport: { width: w, height: h },
        });
        await sized.getByRole('table', { name: /A and B after/ }).waitFor();
        await seek(sized, 12_000);
      } else await resize(sized, w, h);
      const p = sized;
      await sameClock(p);
      await shot(p, `compare-${w}x${h}`);
      // On a phone the page scrolls: the whole of it shows B under A, then the table.
      if (w < 900) await p.screenshot({ path: join(out, `compare-${w}x${h}-full.png`), fullPage: true });
      const [boxA, boxB] = await p.locator('.compare-side').evaluateAll((els) =>
        els.map((e) => {
          const r = e.getBoundingClientRect();
          return { left: r.left, top: r.top, bottom: r.bottom, right: r.right };
        }),
      );
      if (w < 900)
        assert(boxB.top >= boxA.bottom, `narrow: B is not under A (${JSON.stringify([boxA, boxB])})`);
      else assert(boxB.left >= boxA.right && Math.abs(boxB.top - boxA.top) < 8, 'wide: B is not beside A');
      // The stages end above the table (at 1920x1080 they once shrank and spilled over it).
      const table = await p.locator('.difference-wrap').boundingBox();
      assert(
        Math.max(boxA.bottom, boxB.bottom) <= table.y + 1,
        `a stage reaches over the table: ${JSON.stringify([boxA, boxB, table])}`,
      );
      // No card's words cut at its edge (B's hot shard once cut "hot" beside "2 locks held").
      const cut = await clippedText(
        p,
        '.compare .node .badge, .compare .node .node-title, .compare .node .node-line, .compare .node .gauge-label',
      );
      assert(cut.length === 0, `cut on the stages: ${cut.join('; ')}`);
      const overflow = await horizontalOverflow(p);
      assert(overflow === 0, `the page scrolls sideways by ${overflow} px`);
      const overlaps = await textOverlaps(p);
      assert(overlaps.length === 0, overlaps.join('; '));
      const found = await axeViolations(p);
      assert(found.length === 0, found.join('; '));
    });
  }
  await sized?.context().close();

  await check('"Compare with a change" runs B with one field changed; the link restores both', async () => {
    const p = await openPage('?preset=stampede');
    await p.getByRole('button', { name: 'Compare', exact: true }).click();
    const dialog = p.getByRole('dialog', { name: 'Compare' });
    await dialog.getByLabel('Field').selectOption('cache.l2.ttlMs');
    const value = dialog.getByLabel(/B's value/);
    await value.fill('-3');
    await dialog.getByRole('button', { name: 'Compare with a change' }).click();
    const refused = await dialog.getByRole('alert').innerText();
    assert(/TTL/i.test(refused) || /0|negative|least/i.test(refused), `no clear refusal: ${refused}`);
    await value.fill('1000');
    await shot(p, 'compare-dialog');
    await dialog.getByRole('button', { name: 'Compare with a change' }).click();
    await p.getByRole('table', { name: /A and B after/ }).waitFor();
    const bTitle = await p.locator('.compare-side[data-run="B"] .compare-title').innerText();
    assert(/with L2 TTL = 1 s$/.test(bTitle), `B's title: ${bTitle}`);
    await p.waitForFunction(() => location.hash.includes('b='));
    const url = p.url();
    await p.context().close();

    const q = await openPage(url.slice(url.indexOf('/?') + 1));
    await q.getByRole('table', { name: /A and B after/ }).waitFor();
    const restored = await q.locator('.compare-side[data-run="B"] .compare-title').innerText();
    assert(restored === bTitle, `the link restored B as "${restored}", not "${bTitle}"`);
    await q.getByRole('button', { name: 'Stop comparing' }).click();
    await q.getByRole('button', { name: 'Compare', exact: true }).waitFor();
    assert((await q.locator('.compare-side').count()) === 0, 'the compare view stayed after Stop comparing');
    await q.waitForFunction(() => !location.hash.includes('b=') && !location.search.includes('compare='));
    await q.context().close();
  });

  await check('a B that cannot be read says so, and A runs alone', async () => {
    const p = await openPage('?preset=stampede&compare=no-such-preset');
    const notice = await p.getByRole('alert').first().innerText();
    assert(/no preset called "no-such-preset"/.test(notice), `notice: ${notice}`);
    assert((await p.locator('.compare-side').count()) === 0, 'a compare view opened without B');
    await p.getByRole('button', { name: 'Play' }).click();
    await p.waitForFunction(
      () => Number(document.querySelector('[data-now-ms]')?.getAttribute('data-now-ms')) > 0,
    );
    await p.context().close();

    const q = await openPage('?preset=stampede#b=garbage');
    const bad = await q.getByRole('alert').first().innerText();
    assert(/compare with \(B\).*could not be read/.test(bad), `notice: ${bad}`);
    await q.context().close();

    // A B too heavy to run beside A is refused in words, and A stays on screen alone.
    const r = await openPage('?preset=stampede');
    await r.getByRole('button', { name: 'Compare', exact: true }).click();
    const dialog = r.getByRole('dialog', { name: 'Compare' });
    await dialog.getByLabel('Field').selectOption('workload.rps');
    await dialog.getByLabel(/B's value/).fill('10000000');
    await dialog.getByRole('button', { name: 'Compare with a change' }).click();
    const heavy = await r.getByRole('alert').first().innerText();
    assert(/was not compared: it is estimated above the cost budget/.test(heavy), `notice: ${heavy}`);
    assert((await r.locator('.compare-side').count()) === 0, 'a compare view opened with a heavy B');
    await r.context().close();
  });
}
