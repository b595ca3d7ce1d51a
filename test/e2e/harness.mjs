/* global document, window, HTMLInputElement, Event, requestAnimationFrame */
// What every browser check shares: the server, the browser, pages that record errors, screenshots.
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { serveStatic } from './server.mjs';
import { launchChromium } from './browser.mjs';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const out = join(root, 'test-results');
export const BASELINE_TITLE = 'Baseline: a two-level cache';
export const STAMPEDE_TITLE = 'Cache stampede: a hot key expires';

const results = [];
/** Console errors and uncaught exceptions seen on any page. */
export const problems = [];
/** Filled by `start()`: the static server for dist/ and the browser. */
export const env = { server: null, browser: null };

export async function start() {
  await mkdir(out, { recursive: true });
  env.server = await serveStatic(join(root, 'dist'), join(root, 'test', 'e2e', 'fixtures'));
  env.browser = await launchChromium();
}

export async function stop() {
  await env.browser?.close().catch(() => {});
  await env.server?.close().catch(() => {});
}

/** Runs one named check; a failure is reported on its line and the run goes on. */
export async function check(name, fn) {
  const t0 = Date.now();
  try {
    await fn();
    results.push(true);
    console.log(`ok   ${name} (${Date.now() - t0} ms)`);
  } catch (e) {
    results.push(false);
    console.log(`FAIL ${name}: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
  }
}

export function recordFailure(name, e) {
  results.push(false);
  console.log(`FAIL ${name}: ${e instanceof Error ? e.message : String(e)}`);
}

export function tally() {
  const passed = results.filter(Boolean).length;
  return { passed, failed: results.length - passed };
}

export function assert(cond, message) {
  if (!cond) throw new Error(message);
}

/**
 * A fresh page (1280x720 unless told) that records console errors and uncaught exceptions, opened at
 * `path` on the test server (or on `options.base`). It waits for the Play button unless told
 * `waitForPlay: false` (a page that is not the app, an embed without controls). `browser` opens it in
 * another Chromium than the shared one (a check that measures the whole browser's CPU).
 */
export async function openPage(path, options = {}) {
  const context = await (options.browser ?? env.browser).newContext({
    viewport: options.viewport ?? { width: 1280, height: 720 },
    colorScheme: options.colorScheme ?? 'light',
    reducedMotion: options.reducedMotion ?? 'no-preference',
    // A check of a host behind HTTPS uses a self-signed certificate.
    ignoreHTTPSErrors: options.ignoreHTTPSErrors ?? false,
  });
  // Generous waits: a slow, loaded machine must pass the same checks, so no wait is cut off early.
  context.setDefaultTimeout(120_000);
  // Requests to refuse, as a network that drops them would (a chunk the page fetches on first use).
  if (options.blocked) await context.route(options.blocked, (route) => route.abort());
  const page = await context.newPage();
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  // Scripts to run in every document before the app's own (listeners that must see the first load).
  await page.addInitScript(CANVAS_READERS);
  for (const script of options.initScripts ?? []) await page.addInitScript(script);
  await page.goto((options.base ?? env.server.url) + path);
  if (options.waitForPlay !== false) await page.getByRole('button', { name: /^(Play|Pause)$/ }).waitFor();
  return page;
}

/**
 * Resolves when the page has drawn two more frames: the first runs the resize observers and the
 * rendering a resize, a load or a click set off, the next paints what they committed. What a check
 * waits on instead of a fixed sleep, once the condition it needs (an element, the clock) is met.
 */
export const settled = (page) =>
  page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))),
  );

/**
 * In every page: `__readCanvas(canvas)` resolves to the particle canvas's `{ width, height, data }` and
 * `__clearCanvas(canvas)` wipes it, whichever thread paints it (a canvas handed to the paint worker
 * has no 2D context on the page: the worker reads and clears it, render/offThreadPainter.ts).
 */
const CANVAS_READERS = () => {
  window.__readCanvas = async (c) => {
    if (c.readPixels) return c.readPixels();
    const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    return { width: c.width, height: c.height, data };
  };
  window.__clearCanvas = async (c) => {
    if (c.clearPixels) return c.clearPixels();
    const ctx = c.getContext('2d');
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, c.width, c.height);
  };
};

/** A digest of the particle canvas's pixels: equal strings, equal pictures (FNV-1a over the bytes). */
export const canvasPixels = (page) =>
  page.evaluate(async () => {
    const c = document.querySelector('canvas.particles');
    if (!c) return '';
    const { width, height, data } = await window.__readCanvas(c);
    let h = 0x811c9dc5;
    for (let i = 0; i < data.length; i++) h = Math.imul(h ^ data[i], 0x01000193);
    return `${width}x${height}:${(h >>> 0).toString(16)}`;
  });
/**
 * Waits until the particle canvas has stopped being painted: no paint (by the page or the paint worker,
 * `window.__cachescope.paints`) for `frames` animation frames in a row, and no seek under way. Counted in
 * frames, not wall time, so a loaded machine waits longer instead of failing.
 */
export async function paintSettled(page, frames = 12) {
  await page.waitForFunction(
    (n) => {
      const s = window.__cachescope;
      const w = (window.__settling ??= { paints: -1, still: 0 });
      if (!s || s.paints !== w.paints || document.querySelector('.clock-seeking')) {
        w.paints = s?.paints ?? -1;
        w.still = 0;
        return false;
      }
      return ++w.still >= n;
    },
    frames,
    { polling: 'raf', timeout: 60_000 },
  );
  await page.evaluate(() => delete window.__settling);
}
export const shot = (page, name) => page.screenshot({ path: join(out, `${name}.png`) });
export const events = async (page) => Number(await page.locator('[data-events]').getAttribute('data-events'));
export const nowMs = async (page) => Number(await page.locator('[data-now-ms]').getAttribute('data-now-ms'));
export const metric = (page, label) =>
  page
    .locator('.metric', { has: page.locator('dt', { hasText: label }) })
    .locator('dd')
    .innerText();

/**
 * Resizes the page's viewport and waits until the page has laid itself out at the new size: the window
 * reports it, then two frames (what measures its box, a ResizeObserver, has run and been painted). A
 * resize lays the page out again as a fresh load at that size would, for a page's fraction of the cost.
 */
export async function resize(page, width, height) {
  await page.setViewportSize({ width, height });
  await page.waitForFunction(
    ([w, h]) => window.innerWidth === w && window.innerHeight === h,
    [width, height],
  );
  await settled(page);
}

/**
 * Switches the page to `colorScheme` ('light' or 'dark') and waits until it is drawn in it. The app's
 * theme is CSS on prefers-color-scheme, so the page then looks as a fresh load in that scheme would.
 */
export async function inScheme(page, colorScheme) {
  await page.emulateMedia({ colorScheme });
  await page.waitForFunction(
    (dark) => window.matchMedia('(prefers-color-scheme: dark)').matches === dark,
    colorScheme === 'dark',
  );
  await settled(page);
}

/**
 * Sets a range input the way a drag does: through the native value setter, then an input event.
 * (Assigning `.value` directly would update React's value tracker too, and React would see no change.)
 */
export async function setRange(locator, value) {
  await locator.evaluate((el, v) => {
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
    setter.call(el, String(v));
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }, value);
}

/**
 * Drags the timeline to `ms` and waits until the engine is there: no seek running, and the clock at the
 * target (past it only while playing). Backwards too: the clock is already past the target then.
 */
export async function seek(page, ms) {
  const timeline = page.getByRole('slider', { name: 'Timeline' });
  await setRange(timeline, ms);
  // The slider rounds to its step (a thousandth of the run): wait for where it actually went.
  const target = Number(await timeline.inputValue());
  await page.waitForFunction(
    (t) => {
      if (document.querySelector('.clock-seeking')) return false;
      const now = Number(document.querySelector('[data-now-ms]')?.getAttribute('data-now-ms'));
      const playing = document.querySelector('button[aria-label="Pause"]') !== null;
      return now >= t - 100 && (playing || now <= t + 100);
    },
    target,
    { timeout: 60_000 },
  );
}

/**
 * An init script (for `openPage`'s `initScripts`) recording every Content-Security-Policy violation of
 * each document, frames included, from its first byte in `window.__csp`.
 */
export const recordCspViolations = () => {
  window.__csp = [];
  document.addEventListener('securitypolicyviolation', (e) =>
    window.__csp.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`),
  );
};
