/* global document, NodeFilter, getComputedStyle, axe, window */
// Checks any view can run on itself: axe-core, overlapping text, horizontal scroll, cut-off titles.
// Each returns what it found (empty when fine), so a check module asserts and says where.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const AXE_PATH = require.resolve('axe-core/axe.min.js');
let axeText = null;
const axeSource = async () => (axeText ??= await readFile(AXE_PATH, 'utf8'));

/** The viewports every view is checked at: a phone, a tablet upright, a projector, laptops, a monitor. */
export const SIZES = [
  [360, 640],
  [768, 1024],
  [1024, 768],
  [1280, 720],
  [1920, 1080],
];

/**
 * axe-core's violations of impact moderate or worse (every rule, the experimental ones included, such
 * as the accessible name containing the visible text), as "rule (impact): target" lines.
 */
export async function axeViolations(page) {
  // Evaluated through the debugging protocol, which the page's CSP does not govern (a script tag would be
  // refused as inline script, as it should be).
  if (!(await page.evaluate(() => typeof axe !== 'undefined'))) await page.evaluate(await axeSource());
  const violations = await page.evaluate(async () => {
    const result = await axe.run(document, {
      resultTypes: ['violations'],
      rules: { 'label-content-name-mismatch': { enabled: true } },
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      targets: v.nodes.map((n) => n.target.join(' ')).slice(0, 3),
    }));
  });
  return violations
    .filter((v) => ['critical', 'serious', 'moderate'].includes(v.impact))
    .map((v) => `${v.id} (${v.impact}): ${v.targets.join(', ')}`);
}

/** How many CSS pixels the page scrolls sideways (0 when it fits the viewport's width). */
export const horizontalOverflow = (page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/**
 * Pairs of visible text boxes that overlap by more than `tolerance` px both ways: every text node's
 * line boxes (SVG text as whole elements), each cut to what its scrolling or clipping ancestors
 * show, so text hidden by an overflow, or covered by an element drawn over it, does not count.
 */
export function textOverlaps(page, tolerance = 2) {
  return page.evaluate((tol) => {
    const boxes = [];
    const visible = (el) => {
      for (let e = el; e; e = e.parentElement) {
        const cs = getComputedStyle(e);
        if (cs.display === 'none' || cs.visibility === 'hidden' || Number(cs.opacity) === 0) return false;
      }
      return true;
    };
    /** The rect cut to every ancestor that clips its overflow. */
    const clip = (el, r) => {
      let { left, top, right, bottom } = r;
      for (let e = el.parentElement; e && e !== document.documentElement; e = e.parentElement) {
        const cs = getComputedStyle(e);
        if (cs.overflowX === 'visible' && cs.overflowY === 'visible' && cs.clipPath === 'none') continue;
        const c = e.getBoundingClientRect();
        left = Math.max(left, c.left);
        top = Math.max(top, c.top);
        right = Math.min(right, c.right);
        bottom = Math.min(bottom, c.bottom);
      }
      return right - left > 1 && bottom - top > 1 ? { left, top, right, bottom } : null;
    };
    /** Inside a sticky or fixed bar, drawn opaque over what scrolls under it (the Apply bar). */
    const pinned = (el) => {
      for (let e = el; e; e = e.parentElement) {
        const pos = getComputedStyle(e).position;
        if (pos === 'sticky' || pos === 'fixed') return true;
      }
      return false;
    };
    const label = (el, text) =>
      `${el.tagName.toLowerCase()}${el.className?.baseVal === undefined && el.className ? `.${String(el.className).split(' ')[0]}` : ''} "${text.slice(0, 30)}"`;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.textContent.trim();
      const el = n.parentElement;
      if (!text || !el || !visible(el) || el.closest('.visually-hidden, script, style, option')) continue;
      const inSvg = el.closest('svg');
      const rects = inSvg
        ? [el.getBoundingClientRect()]
        : (() => {
            const range = document.createRange();
            range.selectNodeContents(n);
            return [...range.getClientRects()];
          })();
      for (const r of rects) {
        const c = clip(el, r);
        // Text under an opaque element (a sticky bar over a scrolled list) is hidden, not overlapping.
        const top = c && document.elementFromPoint((c.left + c.right) / 2, (c.top + c.bottom) / 2);
        const covered = top && !top.contains(el) && !el.contains(top) && !inSvg;
        if (c && !covered) boxes.push({ ...c, el, name: label(el, text), pinned: pinned(el) });
      }
    }
    const found = [];
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i];
        const b = boxes[j];
        if (a.el === b.el || a.el.contains(b.el) || b.el.contains(a.el) || a.pinned !== b.pinned) continue;
        const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (w > tol && h > tol) found.push(`${a.name} overlaps ${b.name}`);
      }
    }
    return found.slice(0, 10);
  }, tolerance);
}

/** Elements matching `selector` whose text is cut off (wider or taller than their box shows). */
export function clippedText(page, selector) {
  return page.evaluate((sel) => {
    const cut = [];
    for (const el of document.querySelectorAll(sel)) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      if (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 2) {
        cut.push(
          `"${el.textContent.trim().slice(0, 40)}" (${el.scrollWidth}x${el.scrollHeight} in ${el.clientWidth}x${el.clientHeight})`,
        );
      }
      // Also cut when the nearest ancestor that clips (not one that scrolls) hides part of it.
      for (let e = el.parentElement; e; e = e.parentElement) {
        const cs = getComputedStyle(e);
        if (cs.overflowY === 'auto' || cs.overflowY === 'scroll') break;
        if (cs.overflowX === 'visible' && cs.overflowY === 'visible') continue;
        const c = e.getBoundingClientRect();
        if (r.left < c.left - 1 || r.right > c.right + 1 || r.top < c.top - 1 || r.bottom > c.bottom + 1) {
          cut.push(`"${el.textContent.trim().slice(0, 40)}" sticks out of its ${e.className || e.tagName}`);
        }
        break;
      }
    }
    return cut.slice(0, 10);
  }, selector);
}

/**
 * On a phone (under 480 px wide) the header's tools sit behind its "Menu" button: unfolds them if so,
 * as a person would before reaching for Share or the preset picker. Elsewhere it does nothing.
 */
export async function showHeaderTools(page) {
  const menu = page.getByRole('button', { name: 'Menu' });
  if ((await menu.isVisible()) && (await menu.getAttribute('aria-expanded')) === 'false') await menu.click();
}

/**
 * Where the stage sits on the first screen: its top, and how much of it shows above the viewport's
 * bottom (its whole height when it fits).
 */
export const stageOnFirstScreen = (page) =>
  page.locator('.stage').evaluate((el) => {
    const r = el.getBoundingClientRect();
    return {
      top: Math.round(r.top),
      height: Math.round(r.height),
      visible: Math.round(Math.min(r.bottom, window.innerHeight) - Math.max(r.top, 0)),
    };
  });
