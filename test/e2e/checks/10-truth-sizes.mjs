/* global document, getComputedStyle, NodeFilter, requestAnimationFrame */
import { assert, check, openPage, shot } from '../harness.mjs';
import { SIZES } from '../pageChecks.mjs';

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

export default async function truthSizes() {
  await check(
    `the compare view at ${COMPARE_SIZES.map((s) => s.join('x')).join(', ')}: no text cut`,
    async () => {
      // One page, resized: the run is simulated once, and every size lays the same moment out.
      const p = await openPage('?preset=stampede&compare=stampede-single-flight&t=12000');
      await p.getByRole('table', { name: /A and B after 12 s/ }).waitFor({ timeout: 90_000 });
      const problems = [];
      for (const [w, h] of COMPARE_SIZES) {
        await p.setViewportSize({ width: w, height: h });
        // Two animation frames: the stages measure their new size, lay out, and the cards fit themselves.
        await p.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
        await p.waitForTimeout(300);
        await shot(p, `truth-compare-${w}x${h}`);
        const cut = await clippedOnStage(p, '.compare');
        if (cut.length > 0) problems.push(`${w}x${h}: ${cut.join('; ')}`);
      }
      assert(problems.length === 0, problems.join(' | '));
      await p.context().close();
    },
  );

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
