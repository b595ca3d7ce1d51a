/* global document */
import { assert, check, openPage, paintSettled, resize, shot } from '../harness.mjs';
import { axeViolations, clippedText, textOverlaps } from '../pageChecks.mjs';

// stale-while-revalidate in the L1 on the page: the instance cards say how many copies their L1 served
// past their TTL ("SWR n"), and the key inspector lists the hot key's L1 copies with their windows, at
// desktop and phone sizes, with no card text cut or overlapping.

const SIZES = [
  { width: 1280, height: 720 },
  { width: 360, height: 640 },
];

export default async function staleWindows() {
  // One page: the run is played once, at the first size, then read at each size in turn (a resize lays
  // the page out again, as a fresh load at that size would), from its first tab.
  let p = null;
  for (const viewport of SIZES) {
    const size = `${viewport.width}x${viewport.height}`;
    await check(
      `stale windows at ${size}: the SWR badge on the instances, the key inspector's rows`,
      async () => {
        const badge = () => p.locator('.stage-area [data-stale-served="L1"]').first();
        if (p === null) {
          p = await openPage('?preset=l1-hot-key-swr', { viewport });
          await p.getByRole('button', { name: 'Play' }).click();
          // The L1 copies expire after 1 s; the first reads past it are served stale.
          await badge().waitFor({ state: 'visible' });
          await p.waitForFunction(
            () => Number(document.querySelector('[data-now-ms]')?.dataset.nowMs) >= 3000,
          );
          await p.getByRole('button', { name: 'Pause' }).click();
        } else {
          await resize(p, viewport.width, viewport.height);
          await p.getByRole('tab', { name: 'About' }).click();
          await paintSettled(p);
        }
        await badge().waitFor({ state: 'visible' });
        const text = (await badge().innerText()).trim();
        assert(/^SWR( [\d,.]+k?)?$/.test(text), `the badge reads "${text}"`);
        const title = (await badge().getAttribute('title')) ?? '';
        assert(/within stale-while-revalidate/.test(title), `the badge's tooltip reads "${title}"`);
        await badge().scrollIntoViewIfNeeded();
        await shot(p, `stale-windows-${size}-stage`);
        const cut = await clippedText(p, '.stage-area .node .badge');
        assert(cut.length === 0, `badge text cut: ${cut.join('; ')}`);
        const overlaps = (await textOverlaps(p)).filter((o) => o.includes('SWR'));
        assert(overlaps.length === 0, `overlapping text: ${overlaps.join('; ')}`);
        // The badge's colours (contrast) and names, as axe reads them.
        const axe = await axeViolations(p);
        assert(axe.length === 0, `axe: ${axe.join('; ')}`);
        // The hot key in the inspector: one row per L1 copy, with its window.
        await p.getByRole('tab', { name: 'Inspect' }).click();
        await p.getByRole('textbox', { name: 'Key to inspect' }).fill('0');
        await p.getByRole('button', { name: 'Inspect key' }).click();
        const rows = p.locator('ul.key-stale-windows li');
        await rows.first().waitFor();
        const items = await rows.allTextContents();
        assert(items.length > 0 && items.length <= 10, `${items.length} rows of stale windows`);
        assert(
          items.every((t) => /^App \d+ L1: v\d+, /.test(t)),
          `rows that do not name an instance's L1: ${items.join(' | ')}`,
        );
        assert(
          items.every((t) => /fresh for|past its TTL/.test(t)),
          `rows that do not say how far past the TTL: ${items.join(' | ')}`,
        );
        await rows.first().scrollIntoViewIfNeeded();
        await shot(p, `stale-windows-${size}-inspector`);
      },
    );
  }
  await p?.context().close();
}
