/* global window, document */
import { assert, check, openPage, resize, shot } from '../harness.mjs';

// Redis client tracking on the page: invalidations fly from the shard to the instance as particles of
// their own kind (the legend names it), and the Charts tab draws invalidations per instance per second
// and the tracking tables' keys, with data, at desktop and phone sizes.

const SIZES = [
  { width: 1280, height: 720 },
  { width: 360, height: 640 },
];

/**
 * Waits until the painter has drawn at least one invalidation particle in a frame (frame stats), in a
 * paint after the first `since` (those before a resize).
 */
async function waitForInvalidations(page, since = 0) {
  await page.waitForFunction(
    (n) => (window.__cachescope?.paints ?? 0) > n && (window.__cachescope?.invalidationsDrawn ?? 0) > 0,
    since,
    { timeout: 60_000, polling: 'raf' },
  );
}

/** A chart's first line: its vertical extent (0 when every value is 0) and how many points it joins. */
const chartLine = (page, title) =>
  page.evaluate((t) => {
    const fig = [...document.querySelectorAll('figure.chart')].find(
      (f) => f.querySelector('.chart-title')?.textContent?.trim() === t,
    );
    const path = fig?.querySelector('path.series');
    if (!path) return null;
    const d = path.getAttribute('d') ?? '';
    return { height: path.getBBox().height, points: (d.match(/[ML]/g) ?? []).length };
  }, title);

export default async function tracking() {
  // One page: the run plays on from the first size, and each size is read in turn (a resize lays the
  // page out again, as a fresh load at that size would, and the painter draws at the new size).
  let p = null;
  for (const viewport of SIZES) {
    const size = `${viewport.width}x${viewport.height}`;
    await check(
      `tracking at ${size}: invalidation particles, the legend's kind, the charts with data`,
      async () => {
        const fresh = p === null;
        if (fresh) p = await openPage('?preset=l1-inconsistency-tracking', { viewport });
        else {
          await resize(p, viewport.width, viewport.height);
          await p.getByRole('tab', { name: 'About' }).click();
        }
        // Frames painted from now on are painted at this size.
        const since = await p.evaluate(() => window.__cachescope?.paints ?? 0);
        const legend = p.locator('.legend [data-kind="invalidation"]');
        assert((await legend.count()) === 1, 'the legend has no invalidation entry');
        const text = (await legend.textContent()) ?? '';
        assert(/Invalidation/.test(text), `the legend's entry reads "${text}"`);
        // Played from the first size on (it is still playing at the next).
        if (fresh) await p.getByRole('button', { name: 'Play' }).click();
        await waitForInvalidations(p, since);
        const stats = await p.evaluate(() => window.__cachescope);
        assert(stats.invalidationsDrawn > 0, 'no invalidation particle drawn');
        // The shards, where invalidations start (below the fold on a phone's vertical stage).
        await p.getByRole('button', { name: /^Redis shard 1/ }).scrollIntoViewIfNeeded();
        await shot(p, `tracking-${size}-stage`);
        // Let a few samples in, then read the charts.
        await p.waitForFunction(() => Number(document.querySelector('[data-now-ms]')?.dataset.nowMs) >= 4000);
        await p.getByRole('tab', { name: 'Charts' }).click();
        const title = 'Invalidations received per instance per second';
        await p.locator('figure.chart .chart-title', { hasText: title }).waitFor();
        await p.waitForFunction(
          (t) =>
            [...document.querySelectorAll('figure.chart')].some(
              (f) =>
                f.querySelector('.chart-title')?.textContent?.trim() === t && f.querySelector('path.series'),
            ),
          title,
        );
        const inv = await chartLine(p, title);
        assert(
          inv && inv.points >= 2 && inv.height > 0,
          `the invalidations chart is flat or empty: ${JSON.stringify(inv)}`,
        );
        const table = await chartLine(p, 'Tracking table keys');
        assert(
          table && table.points >= 2 && table.height > 0,
          `the table chart is flat or empty: ${JSON.stringify(table)}`,
        );
        await p.locator('figure.chart', { hasText: title }).scrollIntoViewIfNeeded();
        await shot(p, `tracking-${size}-charts`);
      },
    );
  }
  await p?.context().close();
}
