// Main-thread responsiveness: the longest task (PerformanceObserver 'longtask', tasks over 50 ms) while
// the built app plays at 1x, 10x and 100x, while the timeline is dragged and a far seek runs, while
// presets load, and while the charts and the config panel are open during play. The engine runs in a
// Web Worker, so none of this should block the page for 50 ms. `npm run bench:longtask [-- --json]`
// (builds first).
//
// A task's wall time also counts the time its thread waited for a core: on a machine shared with
// other work a 10 ms task can last 200 ms. So a Chromium trace gives each main-thread task's CPU time
// too (its thread time, `tdur`), which does not depend on the neighbours.
/* global window, document, performance, PerformanceObserver */
import { readFile, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { setRange } from '../test/e2e/harness.mjs';
import { serveStatic } from '../test/e2e/server.mjs';
import { launchChromium } from '../test/e2e/browser.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const json = process.argv.includes('--json');

/** Marks a phase for the observer and, as a user timing mark, in the trace. */
const phase = (page, name) =>
  page.evaluate((n) => {
    window.__phase = n;
    performance.mark(`phase:${n}`);
  }, name);

/** Each main-thread task of the trace, with its wall and CPU time, under the phase it ran in. */
function tasksFromTrace(trace) {
  const ev = trace.traceEvents;
  // The page's renderer main thread: the one the phase marks were made on.
  const firstMark = ev.find((e) => typeof e.name === 'string' && e.name.startsWith('phase:'));
  const main = ev.find(
    (e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && e.pid === firstMark?.pid,
  );
  if (!main) return [];
  const marks = ev
    .filter((e) => e.pid === main.pid && typeof e.name === 'string' && e.name.startsWith('phase:'))
    .map((e) => ({ ts: e.ts, phase: e.name.slice('phase:'.length) }))
    .sort((a, b) => a.ts - b.ts);
  return ev
    .filter((e) => e.pid === main.pid && e.tid === main.tid && e.name === 'RunTask' && e.dur)
    .map((e) => ({
      phase: marks.filter((m) => m.ts <= e.ts).at(-1)?.phase ?? 'page load',
      wallMs: e.dur / 1000,
      cpuMs: (e.tdur ?? e.dur) / 1000,
    }));
}

async function measure(url) {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.addInitScript(() => {
      window.__phase = 'page load';
      window.__longtasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) {
          window.__longtasks.push({
            phase: window.__phase,
            ms: Math.round(e.duration),
            at: Math.round(e.startTime),
          });
        }
      }).observe({ type: 'longtask', buffered: true });
    });
    const tracePath = join(root, 'test-results', 'longtask-trace.json');
    await browser.startTracing(page, {
      path: tracePath,
      categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing'],
    });
    await page.goto(`${url}?preset=baseline`);
    await page.getByRole('button', { name: 'Play' }).waitFor();
    // Ten minutes, so 100x has room to play: a restart-only field, set the way a person would.
    await page.getByRole('tab', { name: 'Configure' }).click();
    const duration = page.getByRole('textbox', { name: 'Duration (ms)' });
    await duration.fill('600000');
    await duration.press('Enter');
    await page.getByRole('button', { name: 'Apply & restart' }).click();
    await page.getByText('/ 10 min').waitFor();
    await page.getByRole('tab', { name: 'About' }).click();
    await page.waitForTimeout(1500);
    const speed = page.getByRole('slider', { name: 'Speed' });
    await page.getByRole('button', { name: 'Play' }).click();
    for (const s of [1, 10, 100]) {
      await phase(page, `play ${s}x`);
      await setRange(speed, Math.log10(s));
      await page.waitForTimeout(3000);
    }
    await page.getByRole('button', { name: 'Pause' }).click();

    await phase(page, 'seek (drag, then far)');
    const timeline = page.getByRole('slider', { name: 'Timeline' });
    for (let i = 0; i <= 20; i++) {
      await setRange(timeline, 20_000 + i * 10_000);
      await page.waitForTimeout(40);
    }
    await setRange(timeline, 540_000);
    await page.waitForFunction(
      () => Number(document.querySelector('[data-now-ms]')?.getAttribute('data-now-ms')) >= 539_900,
      null,
      { timeout: 60_000 },
    );
    await setRange(timeline, 60_000);
    await page.waitForTimeout(1000);

    await phase(page, 'load presets');
    for (const id of ['stampede', 'lfu-vs-lru', 'families', 'cdn', 'baseline']) {
      await page.getByRole('combobox', { name: 'Preset' }).selectOption(id);
      await page.waitForTimeout(600);
    }

    // Baseline lasts a minute: 5x leaves room for both phases below.
    await phase(page, 'charts open, playing 5x');
    await setRange(speed, Math.log10(5));
    await page.getByRole('tab', { name: 'Charts' }).click();
    await page.getByRole('button', { name: 'Play' }).click();
    await page.waitForTimeout(4000);

    await phase(page, 'config open, slider dragged, playing 5x');
    await page.getByRole('tab', { name: 'Configure' }).click();
    const ttl = page.getByRole('slider', { name: 'L2 TTL', exact: true });
    const [min, max] = await ttl.evaluate((el) => [Number(el.min), Number(el.max)]);
    for (let i = 0; i <= 20; i++) {
      await setRange(ttl, min + ((max - min) * i) / 20);
      await page.waitForTimeout(50);
    }
    await page.waitForTimeout(1000);
    const tasks = await page.evaluate(() => window.__longtasks);
    await browser.stopTracing();
    const traced = tasksFromTrace(JSON.parse(await readFile(tracePath, 'utf8')));
    await rm(tracePath);
    return { tasks, traced, errors };
  } finally {
    await browser.close();
  }
}

const server = await serveStatic(join(root, 'dist'));
let code = 0;
try {
  const { tasks, traced, errors } = await measure(server.url);
  const phases = [...new Set(traced.map((t) => t.phase))];
  const longest = (xs) => (xs.length ? Math.round(Math.max(...xs)) : 0);
  const byPhase = Object.fromEntries(
    phases.map((p) => {
      const observed = tasks.filter((t) => t.phase === p);
      const cpu = traced.filter((t) => t.phase === p).map((t) => t.cpuMs);
      return [
        p,
        {
          over50: observed.length,
          longestMs: longest(observed.map((t) => t.ms)),
          longestCpuMs: longest(cpu),
        },
      ];
    }),
  );
  const after = tasks.filter((t) => t.phase !== 'page load');
  const afterCpu = traced.filter((t) => t.phase !== 'page load').map((t) => t.cpuMs);
  const figures = {
    longestTaskMs: longest(after.map((t) => t.ms)),
    tasksOver50Ms: after.length,
    longestTaskCpuMs: longest(afterCpu),
    tasksOver50MsCpu: afterCpu.filter((ms) => ms > 50).length,
    pageLoadLongestMs: byPhase['page load']?.longestMs ?? 0,
    byPhase,
    target: { longestTaskMs: 50 },
    pageErrors: errors,
  };
  if (json) console.log(JSON.stringify(figures));
  else {
    console.log('main-thread tasks of the built app in Chromium (target: none over 50 ms)');
    console.log(
      `longest after load   ${figures.longestTaskMs} ms wall (${figures.tasksOver50Ms} over 50 ms), ` +
        `${figures.longestTaskCpuMs} ms CPU (${figures.tasksOver50MsCpu} over 50 ms)`,
    );
    console.log(
      `page load            longest ${figures.pageLoadLongestMs} ms wall (parsing, first render; not counted)`,
    );
    for (const [p, v] of Object.entries(byPhase)) {
      console.log(
        `  ${p.padEnd(42)} longest ${v.longestMs} ms wall (${v.over50} over 50), ${v.longestCpuMs} ms CPU`,
      );
    }
    console.log(
      `load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')} on ${cpus().length} cores (wall times grow with it, CPU times do not)`,
    );
    if (errors.length) console.log(`page errors: ${errors.join('; ')}`);
  }
  if (errors.length) code = 1;
} catch (e) {
  console.error(`bench:longtask failed: ${e instanceof Error ? e.message : String(e)}`);
  code = 1;
} finally {
  await server.close();
}
process.exit(code);
