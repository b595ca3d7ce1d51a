// Render benchmark: frames per second and frame times with N requests drawn, on a stampede (the preset,
// made 2 minutes long) in headless Chromium, software rendering; `--particles N` measures one draw
// count, without it 2,000 and 10,000 are measured side by side and their ratios printed. `--paint
// both` (the default: each count painted by the page's own painter, `?paint=main`, then by the paint
// worker, `?paint=worker`, side by side; the top-level figures are the worker's, the app's default),
// `--paint worker` or `--paint main` (one of them). The frame
// rate and frame times are those of the frames painted (a paint worker paints at its own pace, while
// the page's animation frames keep time: `pageFps` is theirs). Plus what a first visit downloads
// (measured in the browser, scripts/firstLoad.mjs). Run after `vite build` (npm run bench:render).
/* global window, document, performance, requestAnimationFrame, HTMLInputElement, Event, URLSearchParams */
import { readdir, readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '../test/e2e/server.mjs';
import { launchChromium } from '../test/e2e/browser.mjs';
import { longStampedeLink } from '../test/e2e/fixtures/longStampede.mjs';
import { describeChunks, FIRST_LOAD_GOAL_BYTES, measureFirstLoad } from './firstLoad.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const json = process.argv.includes('--json');
const speedArg = process.argv.find((a) => a.startsWith('--speed='));
/** 5x puts thousands of stampede requests in flight; `--speed=N` tries another. */
const SPEED = speedArg ? Number(speedArg.slice('--speed='.length)) : 5;
const MEASURE_MS = 5000;
/** Longest wait for the count asked for to be drawn before measuring anyway. */
const WARM_MAX_MS = 15_000;
const CHOICES = ['auto', '1000', '2000', '5000', '10000', '20000'];
const particlesArg = (() => {
  const i = process.argv.findIndex((a) => a === '--particles' || a.startsWith('--particles='));
  if (i < 0) return null;
  const a = process.argv[i];
  return a.includes('=') ? a.slice(a.indexOf('=') + 1) : (process.argv[i + 1] ?? '');
})();
if (particlesArg !== null && !CHOICES.includes(particlesArg)) {
  console.error(`bench:render: --particles got "${particlesArg}", expected one of ${CHOICES.join(', ')}`);
  process.exit(2);
}
const paintArg = (() => {
  const i = process.argv.findIndex((a) => a === '--paint' || a.startsWith('--paint='));
  if (i < 0) return 'both';
  const a = process.argv[i];
  return a.includes('=') ? a.slice(a.indexOf('=') + 1) : (process.argv[i + 1] ?? '');
})();
if (!['worker', 'main', 'both'].includes(paintArg)) {
  console.error(`bench:render: --paint got "${paintArg}", expected worker, main or both`);
  process.exit(2);
}
/** The painters measured, in turn for each count. */
const PAINTERS = paintArg === 'both' ? ['main', 'worker'] : [paintArg];
/** Draw counts measured: the one asked for, or 2,000 and 10,000 side by side. */
const COUNTS =
  particlesArg === null ? [2000, 10_000] : [particlesArg === 'auto' ? 'auto' : Number(particlesArg)];

/** Gzipped JavaScript of every file of the build (the tabs and fallbacks loaded on demand too). */
async function allJsGzipKb() {
  const dir = join(root, 'dist', 'assets');
  const files = (await readdir(dir)).filter((f) => f.endsWith('.js'));
  let bytes = 0;
  for (const f of files) bytes += gzipSync(await readFile(join(dir, f)), { level: 9 }).length;
  return { files: files.length, kb: Math.round((bytes / 1024) * 10) / 10 };
}

/**
 * One measurement on a fresh page: the stampede at SPEED, the stage's draw setting at `particles`
 * (a number of the control's choices, or 'auto'), frames counted once that many are drawn (or after
 * a wait, when the run cannot reach it).
 */
async function measure(browser, url, particles, painter) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  try {
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const qs = new URLSearchParams(process.env.BENCH_QS ?? '');
    qs.set('paint', painter);
    await page.goto(`${url}?${qs}${longStampedeLink('Render bench: cache stampede')}`);
    await page.getByRole('button', { name: 'Play' }).waitFor();
    await page.getByLabel('Requests drawn').selectOption(String(particles));
    // log10 of the speed on the slider, set the way a drag does so React sees it.
    await page.getByRole('slider', { name: 'Speed' }).evaluate((el, v) => {
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(el, String(v));
      el.dispatchEvent(new Event('input', { bubbles: true }));
    }, Math.log10(SPEED));
    await page.getByRole('button', { name: 'Play' }).click();
    // Until the count asked for is drawn (80 % of it: the sample moves in steps of a quarter), for at most WARM_MAX_MS.
    const want = particles === 'auto' ? 0 : particles * 0.8;
    await page
      .waitForFunction((n) => (window.__cachescope?.particlesDrawn ?? 0) >= n, want, { timeout: WARM_MAX_MS })
      .catch(() => {});
    await page.waitForTimeout(1000);
    // CPU time (not wall time, which a loaded machine stretches): the page's main thread, and its whole
    // process (the page, the engine's worker and the paint worker), per frame painted.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const cpu = async () => {
      const { metrics } = await cdp.send('Performance.getMetrics');
      const of = (name) => metrics.find((m) => m.name === name)?.value ?? 0;
      const paints = await page.evaluate(() => window.__cachescope?.paints ?? 0);
      return { thread: of('ThreadTime'), process: of('ProcessTime'), paints };
    };
    const cpu0 = await cpu();
    const result = await page.evaluate(
      (ms) =>
        new Promise((resolve) => {
          const drawn = [];
          const inFlight = [];
          const tick = [];
          const paint = [];
          const worker = [];
          const paintWorker = [];
          const intervals = [];
          const paintIntervals = [];
          let frames = 0;
          const t0 = performance.now();
          let last = t0;
          const paints0 = window.__cachescope?.paints ?? 0;
          let paintsSeen = paints0;
          const frame = (now) => {
            frames++;
            intervals.push(now - last);
            last = now;
            const s = window.__cachescope;
            if (s) {
              // A new paint since the last animation frame: its interval (several may land in one).
              if (s.paints !== paintsSeen) {
                paintIntervals.push(s.paintIntervalMs);
                paintWorker.push(s.paintWorkerMs);
                paintsSeen = s.paints;
              }
              drawn.push(s.particlesDrawn);
              inFlight.push(s.inFlight);
              tick.push(s.frameInMs);
              paint.push(s.paintMs);
              worker.push(s.workerMs);
            }
            if (now - t0 < ms) requestAnimationFrame(frame);
            else {
              const mean = (a) => (a.length ? a.reduce((x, y) => x + y, 0) / a.length : 0);
              const at = (sorted, q) =>
                sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? 0;
              const sorted = intervals.slice(1).sort((a, b) => a - b);
              const painted = paintIntervals.slice(1).sort((a, b) => a - b);
              resolve({
                fps: (((s?.paints ?? 0) - paints0) * 1000) / (now - t0),
                frameP50Ms: at(painted, 0.5),
                frameP99Ms: at(painted, 0.99),
                pageFps: (frames * 1000) / (now - t0),
                pageFrameP99Ms: at(sorted, 0.99),
                paintWorker: s?.paintWorker ?? false,
                paintWorkerMs: mean(paintWorker),
                particlesMean: mean(drawn),
                particlesMin: drawn.length ? Math.min(...drawn) : 0,
                inFlightMean: mean(inFlight),
                tickMs: mean(tick),
                tickMaxMs: tick.length ? Math.max(...tick) : 0,
                paintMaxMs: paint.length ? Math.max(...paint) : 0,
                paintMs: mean(paint),
                workerMs: mean(worker),
                workerMaxMs: worker.length ? Math.max(...worker) : 0,
                sampleEvery: s?.sampleEvery ?? 0,
                drawLimit: s?.drawLimit ?? 0,
                behind: s?.behind ?? false,
                simNowMs: s?.nowMs ?? 0,
                canvas: document.querySelector('canvas.particles') !== null,
              });
            }
          };
          requestAnimationFrame(frame);
        }),
      MEASURE_MS,
    );
    await page
      .screenshot({ path: join(root, 'test-results', `bench-render-${particles}-${painter}.png`) })
      .catch(() => {});
    const cpu1 = await cpu();
    const frames = Math.max(1, cpu1.paints - cpu0.paints);
    result.mainCpuMsPerFrame = ((cpu1.thread - cpu0.thread) * 1000) / frames;
    result.processCpuMsPerFrame = ((cpu1.process - cpu0.process) * 1000) / frames;
    return { ...result, errors };
  } finally {
    await page.close();
  }
}

const r1 = (x) => Math.round(x * 10) / 10;
const r2 = (x) => Math.round(x * 100) / 100;

/** The figures of one measurement, as the JSON prints them. */
function figuresOf(r, asked, painter) {
  return {
    particlesAsked: asked,
    painter: r.paintWorker ? 'worker' : 'main',
    painterAsked: painter,
    fps: r1(r.fps),
    pageFps: r1(r.pageFps),
    pageFrameP99Ms: r1(r.pageFrameP99Ms),
    paintWorkerMs: r2(r.paintWorkerMs),
    mainCpuMsPerFrame: r2(r.mainCpuMsPerFrame),
    processCpuMsPerFrame: r2(r.processCpuMsPerFrame),
    particles: Math.round(r.particlesMean),
    particlesMin: r.particlesMin,
    reached: asked === 'auto' || r.particlesMean >= asked * 0.8,
    frameP50Ms: r1(r.frameP50Ms),
    frameP99Ms: r1(r.frameP99Ms),
    paintMs: r2(r.paintMs),
    workerMs: r2(r.workerMs),
    frameInMs: r2(r.tickMs),
    paintMsWorstFrame: r1(r.paintMaxMs),
    workerMsWorstFrame: r1(r.workerMaxMs),
    frameInMsWorstFrame: r1(r.tickMaxMs),
    sampleEvery: r.sampleEvery,
    drawLimit: r.drawLimit,
    simBehind: r.behind,
  };
}

const server = await serveStatic(join(root, 'dist'));
let code = 0;
try {
  const browser = await launchChromium();
  const runs = [];
  let errors = [];
  try {
    for (const n of COUNTS) {
      for (const painter of PAINTERS) {
        const r = await measure(browser, server.url, n, painter);
        runs.push(figuresOf(r, n, painter));
        errors = errors.concat(r.errors);
      }
    }
  } finally {
    await browser.close();
  }
  const size = await allJsGzipKb();
  const firstBrowser = await launchChromium();
  const first = await measureFirstLoad(firstBrowser, server.url).finally(() => firstBrowser.close());
  // The ratios of 10,000 to 2,000 drawn, per painter; the top-level figures are the last run's.
  const ratiosOf = (painter) => {
    const mine = runs.filter((f) => f.painterAsked === painter);
    if (mine.length !== 2) return null;
    const [base, many] = mine;
    return {
      fps: r2(many.fps / Math.max(0.1, base.fps)),
      frameP99: r2(many.frameP99Ms / Math.max(0.1, base.frameP99Ms)),
    };
  };
  const main = runs[runs.length - 1];
  const ratios = Object.fromEntries(PAINTERS.map((p) => [p, ratiosOf(p)]).filter(([, r]) => r));
  const figures = {
    preset: 'stampede',
    speed: SPEED,
    ...main,
    ...(runs.length > 1 ? { runs } : {}),
    ...(ratios[PAINTERS[PAINTERS.length - 1]] ? { ratios: ratios[PAINTERS[PAINTERS.length - 1]] } : {}),
    ...(PAINTERS.length > 1 ? { ratiosByPainter: ratios } : {}),
    firstLoadGzipBytes: first.totalGzipBytes,
    firstLoadChunks: first.chunks.map(({ file, gzipBytes }) => ({ file, gzipBytes })),
    allJsGzipKb: size.kb,
    jsFiles: size.files,
    targets: {
      fps: 60,
      fpsRatio10000to2000: 0.95,
      frameP99Ratio10000to2000: 1.5,
      firstLoadGzipBytes: FIRST_LOAD_GOAL_BYTES,
    },
    load: loadavg().map(r2),
    pageErrors: errors,
  };
  if (json) console.log(JSON.stringify(figures));
  else {
    console.log(
      `stampede at ${SPEED}x, ${MEASURE_MS / 1000} s of frames per draw count; load ${figures.load.join(' ')}`,
    );
    for (const f of runs) {
      console.log(
        `asked ${String(f.particlesAsked).padStart(6)}, painted by ${f.painter.padEnd(6)}: ${f.particles} drawn (min ${f.particlesMin}${f.reached ? '' : ', NOT reached'}), ${f.fps} fps painted (page ${f.pageFps}), frame p50/p99 ${f.frameP50Ms}/${f.frameP99Ms} ms, page's paint ${f.paintMs} ms, CPU per frame ${f.mainCpuMsPerFrame} ms main thread / ${f.processCpuMsPerFrame} ms page process, paint worker ${f.paintWorkerMs} ms, engine worker ${f.workerMs} ms, taking in ${f.frameInMs} ms (1 in ${f.sampleEvery})`,
      );
    }
    for (const [painter, r] of Object.entries(ratios)) {
      console.log(
        `10000 vs 2000 (${painter}) fps x${r.fps} (target >= 0.95), frame p99 x${r.frameP99} (target <= 1.5)`,
      );
    }
    console.log(
      `first visit         ${(first.totalGzipBytes / 1024).toFixed(1)} KB gzipped, scripts and styles, worker included (goal <= ${FIRST_LOAD_GOAL_BYTES / 1024} KB); ${figures.allJsGzipKb} KB of JavaScript in all ${figures.jsFiles} files`,
    );
    console.log(describeChunks(first.chunks));
    if (runs.some((f) => f.simBehind))
      console.log('note: the engine could not keep up at this speed during a measurement');
    if (errors.length) console.log(`page errors: ${errors.join('; ')}`);
  }
  if (errors.length) code = 1;
} catch (e) {
  console.error(`bench:render failed: ${e instanceof Error ? e.message : String(e)}`);
  code = 1;
} finally {
  await server.close();
}
process.exit(code);
