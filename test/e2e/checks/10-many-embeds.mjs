/* global window, document, performance, PerformanceObserver, Event */
// A documentation page of ten embeds stays light (issue 21): scrolling through it shows no main-thread
// task over 50 ms, with every embed out of view the page and its workers use next to no CPU (over 10 s,
// against 10 s with one playing), and an embed out of view or in a hidden tab stops its clock and
// resumes where it was.
import { loadavg } from 'node:os';
import { launchChromium } from '../browser.mjs';
import { assert, check, openPage } from '../harness.mjs';

/** In every document (the page and each embed): the long tasks it sees, in `window.__longTasks`. */
const recordLongTasks = () => {
  window.__longTasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        window.__longTasks.push({ at: performance.timeOrigin + e.startTime, ms: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // No long task timing here: nothing recorded.
  }
};

/** CPU seconds of the renderer and GPU processes: the page, its embeds and their workers, and drawing. */
async function cpuSeconds(cdp) {
  const { processInfo } = await cdp.send('SystemInfo.getProcessInfo');
  return processInfo
    .filter((p) => p.type === 'renderer' || p.type === 'GPU')
    .reduce((s, p) => s + p.cpuTime, 0);
}

/** The issue's measure: CPU time over 10 s with every embed out of view, against 10 s with one playing. */
const MEASURE_MS = 10_000;

/**
 * The main thread's tasks over 50 ms in a Chrome trace, by the thread's own CPU time (`tdur`): on a
 * loaded machine a task's wall time also counts the time other processes had the core, which is not
 * the page's work. The page and its same-origin embeds share the renderer's main thread.
 */
function longMainThreadTasks(traceBuffer) {
  const { traceEvents } = JSON.parse(traceBuffer.toString('utf8'));
  const main = new Set(
    traceEvents
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}/${e.tid}`),
  );
  const tasks = traceEvents
    .filter((e) => e.ph === 'X' && /(^|::)RunTask$/.test(e.name) && main.has(`${e.pid}/${e.tid}`))
    .map((e) => ({ cpuMs: (e.tdur ?? e.dur) / 1000, wallMs: e.dur / 1000 }));
  const longest = tasks.reduce((m, t) => Math.max(m, t.cpuMs), 0);
  return { count: tasks.length, longest, long: tasks.filter((t) => t.cpuMs > 50) };
}

async function cpuOver(cdp, page) {
  const before = await cpuSeconds(cdp);
  await page.waitForTimeout(MEASURE_MS);
  return (await cpuSeconds(cdp)) - before;
}

const clockOf = (page, id) =>
  page.frameLocator(`#${id}`).locator('[data-now-ms]').getAttribute('data-now-ms').then(Number);

/** Waits until embed `id`'s clock is past `t` ms. */
const clockPast = (page, id, t) =>
  page.waitForFunction(
    ([frame, after]) =>
      Number(
        document
          .querySelector(`#${frame}`)
          .contentDocument.querySelector('[data-now-ms]')
          ?.getAttribute('data-now-ms'),
      ) > after,
    [id, t],
  );

/**
 * Puts embed `id`'s document in a hidden (or shown) tab as far as the page can tell: headless Chromium
 * keeps every tab visible, so the state is set on the embed's document and the event sent as a
 * browser would send it on a switch of tabs.
 */
const setTabHidden = (page, id, hidden) =>
  page.evaluate(
    ([frame, h]) => {
      const doc = document.querySelector(`#${frame}`).contentDocument;
      Object.defineProperty(doc, 'visibilityState', {
        configurable: true,
        get: () => (h ? 'hidden' : 'visible'),
      });
      Object.defineProperty(doc, 'hidden', { configurable: true, get: () => h });
      doc.dispatchEvent(new Event('visibilitychange'));
    },
    [id, hidden],
  );

export default async function manyEmbeds() {
  await check(
    'ten embeds: no long task while scrolling through; out of view they cost next to no CPU; out of view or in a hidden tab an embed pauses and resumes where it was',
    async () => {
      // A Chromium of its own: the CPU measured is the whole browser's, and pages that earlier checks left
      // open in the shared one must not count.
      const browser = await launchChromium();
      const cdp = await browser.newBrowserCDPSession();
      try {
        const page = await openPage('__e2e/ten-embeds.html', {
          browser,
          waitForPlay: false,
          viewport: { width: 1000, height: 720 },
          initScripts: [recordLongTasks],
        });
        // Scroll through the whole page as a reader would: every embed loads (lazily) and is seen once.
        await browser.startTracing(page, { categories: ['toplevel', '__metadata'] });
        const height = await page.evaluate(() => document.documentElement.scrollHeight);
        for (let y = 0; y <= height; y += 360) {
          await page.evaluate((top) => window.scrollTo(0, top), y);
          await page.waitForTimeout(120);
        }
        for (let i = 0; i < 10; i++) await page.frameLocator(`#e${i}`).locator('[data-now-ms]').waitFor();
        const { count, longest, long } = longMainThreadTasks(await browser.stopTracing());
        assert(count > 100, `the trace holds ${count} main-thread tasks: it did not record the page's work`);
        const frames = page.frames();
        assert(frames.length === 11, `expected the page and ten embeds, found ${frames.length} frames`);
        // Long tasks as the page itself sees them (wall time; shared by every document, so counted once).
        const seen = (await Promise.all(frames.map((f) => f.evaluate(() => window.__longTasks ?? []))))
          .flat()
          .map((t) => ({ at: Math.round(t.at), ms: Math.round(t.ms) }));
        const wallLong = [...new Map(seen.map((t) => [t.at, t.ms])).values()];
        console.log(
          `     scrolling through: ${wallLong.length} long tasks by wall time (load ${loadavg()[0].toFixed(1)}), ${long.length} by the main thread's CPU time (of ${count} tasks; longest ${longest.toFixed(1)} ms)`,
        );

        // One embed playing (the first autoplays when seen), the others out of view.
        await page.locator('#e0').scrollIntoViewIfNeeded();
        const t0 = await clockOf(page, 'e0');
        await clockPast(page, 'e0', t0);
        const playing = await cpuOver(cdp, page);

        // Every embed out of view: paused, nothing drawn, the workers idle.
        await page.locator('#bottom').evaluate((el) => el.scrollIntoView({ block: 'end' }));
        await page.waitForTimeout(500);
        const pausedAt = await clockOf(page, 'e0');
        const idle = await cpuOver(cdp, page);
        const later = await clockOf(page, 'e0');
        assert(later === pausedAt, `out of view, embed 0's clock moved from ${pausedAt} to ${later} ms`);
        console.log(
          `     CPU over ${MEASURE_MS / 1000} s: ${playing.toFixed(2)} s with one embed playing, ${idle.toFixed(2)} s with all out of view`,
        );
        assert(
          idle < 0.2 * playing,
          `with every embed out of view the page used ${idle.toFixed(2)} s of CPU in ${MEASURE_MS / 1000} s, against ${playing.toFixed(2)} s with one playing (limit 0.2x)`,
        );

        assert(
          long.length === 0,
          `main-thread tasks over 50 ms of CPU while scrolling through: ${long.map((t) => `${Math.round(t.cpuMs)} ms (${Math.round(t.wallMs)} ms wall)`).join(', ')}`,
        );

        // Back in view, it plays on from where it stopped.
        await page.locator('#e0').scrollIntoViewIfNeeded();
        await clockPast(page, 'e0', pausedAt);
        const resumed = await clockOf(page, 'e0');
        assert(resumed - pausedAt < 2000, `back in view it jumped from ${pausedAt} to ${resumed} ms`);

        // In view but in a hidden tab: paused the same way; shown again, it plays on from there.
        await setTabHidden(page, 'e0', true);
        await page.waitForTimeout(500);
        const hiddenAt = await clockOf(page, 'e0');
        await page.waitForTimeout(2000);
        const hiddenLater = await clockOf(page, 'e0');
        assert(
          hiddenLater === hiddenAt,
          `in a hidden tab, embed 0's clock moved from ${hiddenAt} to ${hiddenLater} ms`,
        );
        await setTabHidden(page, 'e0', false);
        await clockPast(page, 'e0', hiddenAt);
        const shownAgain = await clockOf(page, 'e0');
        assert(shownAgain - hiddenAt < 2000, `shown again it jumped from ${hiddenAt} to ${shownAgain} ms`);
      } finally {
        await cdp.detach().catch(() => {});
        await browser.close();
      }
    },
  );
}
