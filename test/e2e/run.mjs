/* global window, document, HTMLInputElement, Event */
// Browser tests on the built app (dist/), in real Chromium. One line per check, then "N passed, M failed".
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { serveStatic } from './server.mjs';
import { launchChromium } from './browser.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const out = join(root, 'test-results');
const BASELINE_TITLE = 'Baseline: a healthy two-level cache';
const STAMPEDE_TITLE = 'Cache stampede: a hot key expires';

const results = [];
const problems = [];
let server;
let browser;

async function check(name, fn) {
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

function assert(cond, message) {
  if (!cond) throw new Error(message);
}

/** A fresh page at 1280x720 that records console errors and uncaught exceptions. */
async function openPage(path, options = {}) {
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 720 },
    colorScheme: options.colorScheme ?? 'light',
  });
  const page = await context.newPage();
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  await page.goto(server.url + path);
  await page.getByRole('button', { name: /^(Play|Pause)$/ }).waitFor();
  return page;
}

const canvasPixels = (page) =>
  page.evaluate(() => document.querySelector('canvas.particles')?.toDataURL() ?? '');
const shot = (page, name) => page.screenshot({ path: join(out, `${name}.png`) });
const events = async (page) => Number(await page.locator('[data-events]').getAttribute('data-events'));
const nowMs = async (page) => Number(await page.locator('[data-now-ms]').getAttribute('data-now-ms'));
const metric = (page, label) =>
  page
    .locator('.metric', { has: page.locator('dt', { hasText: label }) })
    .locator('dd')
    .innerText();

/**
 * Sets a range input the way a drag does: through the native value setter, then an input event.
 * (Assigning `.value` directly would update React's value tracker too, and React would see no change.)
 */
async function setRange(locator, value) {
  await locator.evaluate((el, v) => {
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
    setter.call(el, String(v));
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }, value);
}

async function seek(page, ms) {
  await setRange(page.getByRole('slider', { name: 'Timeline' }), ms);
  await page.waitForFunction(
    (t) => Number(document.querySelector('[data-now-ms]')?.getAttribute('data-now-ms')) >= t - 100,
    ms,
    { timeout: 20_000 },
  );
}

/** Applies the draft and checks the address bar now carries the edited scenario (#s=). */
async function applyDraft(page) {
  await page.getByRole('button', { name: /Apply/ }).click();
  await page.waitForFunction(() => window.location.hash.startsWith('#s='), null, { timeout: 5000 });
}

async function main() {
  await mkdir(out, { recursive: true });
  server = await serveStatic(join(root, 'dist'));
  browser = await launchChromium();

  const page = await openPage('');
  await check('loads the baseline with no console or page error', async () => {
    await page.getByRole('heading', { name: new RegExp(BASELINE_TITLE) }).waitFor();
    await page.waitForTimeout(300);
    await shot(page, '01-load');
    await page.keyboard.press('?');
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    await shot(page, '01b-help');
    await page.keyboard.press('Escape');
    assert((await page.getByRole('dialog').count()) === 0, 'Escape did not close the help');
    assert(problems.length === 0, problems.join('; '));
  });

  await check('Play animates the canvas', async () => {
    await page.getByRole('button', { name: 'Play' }).click();
    await page.waitForTimeout(1500);
    const a = await canvasPixels(page);
    await page.waitForTimeout(250);
    const b = await canvasPixels(page);
    await shot(page, '02-playing');
    assert(a !== b, 'two captures 250 ms apart are identical');
  });

  await check('Pause freezes the canvas', async () => {
    await page.getByRole('button', { name: 'Pause' }).click();
    await page.waitForTimeout(200);
    const a = await canvasPixels(page);
    await page.waitForTimeout(500);
    const b = await canvasPixels(page);
    await shot(page, '03-paused');
    assert(a === b, 'the canvas changed while paused');
  });

  await check('Step advances the clock by one event', async () => {
    const e0 = await events(page);
    const t0 = await nowMs(page);
    await page.getByRole('button', { name: 'Step' }).click();
    await page.waitForFunction(
      (e) => Number(document.querySelector('[data-events]')?.getAttribute('data-events')) !== e,
      e0,
    );
    const e1 = await events(page);
    const t1 = await nowMs(page);
    await shot(page, '04-step');
    assert(e1 === e0 + 1, `events went from ${e0} to ${e1}`);
    assert(t1 >= t0, `clock went back from ${t0} to ${t1}`);
  });

  await check('moving the L2 TTL slider and applying changes the hit ratio', async () => {
    await seek(page, 10_000);
    const before = await metric(page, 'L2 hit ratio');
    await page.getByRole('tab', { name: 'Configure' }).click();
    const slider = page.getByRole('slider', { name: 'L2 TTL', exact: true });
    await slider.focus();
    await slider.press('Home');
    await applyDraft(page);
    await seek(page, 10_000);
    const after = await metric(page, 'L2 hit ratio');
    await shot(page, '05-l2-ttl');
    assert(before !== after, `L2 hit ratio stayed ${before}`);
  });
  await page.context().close();

  await check('?preset=stampede opens that preset', async () => {
    const p = await openPage('?preset=stampede');
    await p.getByRole('heading', { name: new RegExp(STAMPEDE_TITLE) }).waitFor();
    await p.getByRole('button', { name: 'Play' }).click();
    await p.waitForTimeout(1500);
    await shot(p, '06-stampede');
    await p.getByRole('tab', { name: 'Charts' }).click();
    await p.waitForTimeout(600);
    await shot(p, '06b-stampede-charts');
    await p.getByRole('button', { name: /^Database/ }).click();
    await p.waitForTimeout(400);
    await shot(p, '06c-stampede-inspect-db');
    // Click where requests travel (between the app and Redis columns) until one is picked.
    await p.getByRole('button', { name: 'Pause' }).click();
    const app = await p.getByRole('button', { name: /^App instance 1/ }).boundingBox();
    const redis = await p.getByRole('button', { name: /^Redis shard 1/ }).boundingBox();
    let picked = false;
    for (let dy = 0; dy < 300 && !picked; dy += 6) {
      await p.mouse.click((app.x + app.width + redis.x) / 2, app.y + dy);
      picked =
        (await p.getByText(/^Request #\d+ is still travelling/).count()) > 0 ||
        (await p.getByRole('region', { name: /^Request \d+$/ }).count()) > 0;
    }
    assert(picked, 'clicking the travelling requests picked none');
    await p.getByRole('button', { name: 'Step' }).click();
    await p.getByRole('button', { name: 'Play' }).click();
    await p.waitForTimeout(300);
    await p.getByRole('button', { name: 'Pause' }).click();
    await shot(p, '06d-stampede-request');
    await p.context().close();
  });

  await check('a mangled #s= link shows a message and the baseline', async () => {
    const p = await openPage('#s=this-is-not-a-scenario');
    await p.getByRole('alert').filter({ hasText: 'could not be read' }).waitFor();
    await p.getByRole('heading', { name: new RegExp(BASELINE_TITLE) }).waitFor();
    await shot(p, '07-bad-link');
    await p.getByRole('button', { name: 'Dismiss message' }).click();
    assert((await p.getByRole('alert').count()) === 0, 'the message did not go away');
    await p.context().close();
  });

  await check('1024x768 in dark mode stays readable', async () => {
    const p = await openPage('?preset=hot-key', {
      viewport: { width: 1024, height: 768 },
      colorScheme: 'dark',
    });
    await p.getByRole('button', { name: 'Play' }).click();
    await p.waitForTimeout(1500);
    await shot(p, '08-dark-1024');
    await p.context().close();
  });

  await check('every preset loads and plays (screenshot of each)', async () => {
    const p = await openPage('');
    const ids = await p.locator('#preset-select option').evaluateAll((os) => os.map((o) => o.value));
    assert(ids.length >= 5, `only ${ids.length} presets in the picker`);
    for (const id of ids) {
      await p.getByRole('combobox', { name: 'Preset' }).selectOption(id);
      await p.getByRole('button', { name: 'Next notable event' }).click();
      await p.getByRole('button', { name: 'Play' }).click();
      await p.waitForTimeout(700);
      await p.getByRole('button', { name: 'Pause' }).click();
      await shot(p, `preset-${id}`);
    }
    await p.context().close();
  });

  await check('embed=1 shows the stage and controls only', async () => {
    const p = await openPage('?preset=cdc-outage&embed=1');
    assert((await p.getByRole('complementary', { name: 'Details' }).count()) === 0, 'the sidebar is shown');
    assert((await p.getByRole('slider', { name: 'Timeline' }).count()) === 1, 'no timeline');
    await p.getByRole('button', { name: 'Play' }).click();
    await p.waitForTimeout(800);
    await shot(p, '09-embed');
    await p.context().close();
  });

  await check('injecting a Redis shard crash now takes a shard down at the current time', async () => {
    const p = await openPage('');
    await seek(p, 3000);
    await p.getByRole('tab', { name: 'Configure' }).click();
    await p.getByRole('button', { name: /Inject redis shard crash now/i }).click();
    await p
      .getByRole('button', { name: /^Redis shard \d.*down/ })
      .first()
      .waitFor({ timeout: 5000 });
    const t = await nowMs(p);
    assert(t >= 3000 && t < 3100, `the clock moved to ${t} instead of staying near 3000`);
    await shot(p, '10-injected-crash');
    await p.context().close();
  });

  await check('no console or page error during the run', async () => {
    assert(problems.length === 0, problems.join('; '));
  });
}

try {
  await main();
} catch (e) {
  results.push(false);
  console.log(`FAIL setup: ${e instanceof Error ? e.message : String(e)}`);
} finally {
  await browser?.close().catch(() => {});
  await server?.close().catch(() => {});
}
const passed = results.filter(Boolean).length;
const failed = results.length - passed;
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
