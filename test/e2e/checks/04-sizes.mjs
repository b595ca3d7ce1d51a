/* global document, requestAnimationFrame, window */
import { assert, check, nowMs, openPage, paintSettled, resize, shot } from '../harness.mjs';
import { clippedText, horizontalOverflow, showHeaderTools, SIZES, textOverlaps } from '../pageChecks.mjs';

/**
 * Plays a moment and pauses, so the cards show live numbers and badges: 900 simulated ms (what 900 ms
 * of wall time gave at 1x on an idle machine), paused by the page itself in the frame the clock gets
 * there, or at the run's end.
 */
async function playAWhile(page, ms = 900) {
  const from = await nowMs(page);
  await page.getByRole('button', { name: 'Play' }).click();
  await page.getByRole('button', { name: 'Pause' }).waitFor();
  await page.evaluate(
    ([t, span]) =>
      new Promise((resolve) => {
        const tick = () => {
          const now = Number(document.querySelector('[data-now-ms]')?.getAttribute('data-now-ms'));
          const pause = document.querySelector('button[aria-label="Pause"]');
          if (now >= t + span || !pause) {
            pause?.click();
            resolve();
          } else requestAnimationFrame(tick);
        };
        tick();
      }),
    [from, ms],
  );
  await page.getByRole('button', { name: 'Play' }).waitFor();
}

/** The stage is readable: tall enough, every card big enough, no card's text cut. */
async function stageProblems(page) {
  const found = await page.evaluate(() => {
    const out = [];
    const area = document.querySelector('.stage-area').getBoundingClientRect();
    if (area.height < 240) out.push(`the stage is ${Math.round(area.height)} px tall`);
    for (const card of document.querySelectorAll('.stage-area .node')) {
      const r = card.getBoundingClientRect();
      if (r.width < 40 || r.height < 28) out.push(`a ${Math.round(r.width)}x${Math.round(r.height)} card`);
      if (r.left < area.left - 1 || r.right > area.right + 1) out.push('a card outside the stage');
    }
    return out;
  });
  return [
    ...found,
    ...(await clippedText(
      page,
      '.stage-area .node-title, .stage-area .node-line, .stage-area .badge, .stage-caption',
    )),
  ];
}

export default async function sizes() {
  // One page for every size and preset. Each preset is switched in on the phone, as a person would,
  // and played once; then the window is resized from the phone up, each size reading that same moment
  // of the run (a resize lays the page out again, and the painter draws the requests at the new size).
  const [[w0, h0]] = SIZES;
  const p = await openPage('', { viewport: { width: w0, height: h0 } });
  // The app opens on the baseline.
  let onScreen = 'baseline';
  for (const preset of ['baseline', 'hot-key', 'write-behind-crash']) {
    for (const [i, [width, height]] of SIZES.entries()) {
      await check(
        `${width}x${height} ${preset}: no sideways scroll, no overlapping text, a readable stage`,
        async () => {
          await resize(p, width, height);
          await p.evaluate(() => window.scrollTo(0, 0));
          await p.getByRole('tab', { name: 'About' }).click();
          if (i === 0) {
            await showHeaderTools(p);
            await p.getByRole('combobox', { name: 'Preset' }).selectOption(preset);
            // On a phone a new preset on screen folds the menu, so its stage is not pushed down; the
            // one already on screen changes nothing, and a person closes the menu to watch.
            const menu = p.getByRole('button', { name: 'Menu' });
            // (The preset's scenario loads on first use, so the fold is waited for.)
            if (await menu.isVisible()) {
              if (preset === onScreen) await menu.click();
              else
                await p.waitForFunction(
                  () => document.querySelector('.header-menu')?.getAttribute('aria-expanded') === 'false',
                );
            }
            onScreen = preset;
            await playAWhile(p);
          }
          await paintSettled(p);
          await shot(p, `size-${width}x${height}-${preset}`);
          const overflow = await horizontalOverflow(p);
          assert(overflow <= 0, `the page scrolls ${overflow} px sideways`);
          const overlaps = await textOverlaps(p);
          assert(overlaps.length === 0, overlaps.join('; '));
          const stage = await stageProblems(p);
          assert(stage.length === 0, stage.join('; '));
          for (const tab of ['Configure', 'Charts', 'Inspect']) {
            await p.getByRole('tab', { name: tab }).click();
            await p.getByRole('tabpanel').locator('h2').first().waitFor({ state: 'attached' });
            const o = await textOverlaps(p);
            assert(o.length === 0, `${tab}: ${o.join('; ')}`);
            const x = await horizontalOverflow(p);
            assert(x <= 0, `${tab}: the page scrolls ${x} px sideways`);
            if (tab === 'Charts') await shot(p, `size-${width}x${height}-${preset}-charts`);
          }
        },
      );
    }
  }

  await check('every preset’s title shows in full at 1280x720', async () => {
    await p.setViewportSize({ width: 1280, height: 720 });
    const ids = await p.locator('#preset-select option').evaluateAll((os) => os.map((o) => o.value));
    const cut = [];
    for (const id of ids) {
      await p.getByRole('combobox', { name: 'Preset' }).selectOption(id);
      cut.push(...(await clippedText(p, '.scenario-title, .header h1')).map((c) => `${id}: ${c}`));
    }
    assert(cut.length === 0, cut.join('; '));
  });
  await p.context().close();
}
