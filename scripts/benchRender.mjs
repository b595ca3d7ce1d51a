// Render benchmark: frames per second and frame times with N requests drawn, on a stampede (the preset,
// made 2 minutes long) in headless Chromium, software rendering; `--particles N` measures one draw
// count, without it 2,000 and 10,000 are measured side by side and their ratios printed. Plus what a
// first visit downloads (measured in the browser, scripts/firstLoad.mjs). Run after `vite build`
// (npm run bench:render).
/* global window, document, performance, requestAnimationFrame, HTMLInputElement, Event */
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
async function measure(browser, url, particles) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  try {
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${url}${process.env.BENCH_QS ?? ''}${longStampedeLink('Render bench: cache stampede')}`);
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
    const result = await page.evaluate(
      (ms) =>
        new Promise((resolve) => {
          const drawn = [];
          const inFlight = [];
          const tick = [];
          const paint = [];
          const worker = [];
          const intervals = [];
          let frames = 0;
          const t0 = performance.now();
          let last = t0;
          const frame = (now) => {
            frames++;
            intervals.push(now - last);
            last = now;
            const s = window.__cachescope;
            if (s) {
              drawn.push(s.particlesDrawn);
              inFlight.push(s.inFlight);
              tick.push(s.frameInMs);
              paint.push(s.paintMs);
              worker.push(s.workerMs);
            }
            if (now - t0 < ms) requestAnimationFrame(frame);
            else {
              const mean = (a) => (a.length ? a.reduce((x, y) => x + y, 0) / a.length : 0);
              const sorted = intervals.slice(1).sort((a, b) => a - b);
              resolve({
                fps: (frames * 1000) / (now - t0),
                frameP50Ms: sorted[Math.floor(sorted.length * 0.5)] ?? 0,
                frameP99Ms: sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))] ?? 0,
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
      .screenshot({ path: join(root, 'test-results', `bench-render-${particles}.png`) })
      .catch(() => {});
    return { ...result, errors };
  } finally {
    await page.close();
  }
}

const r1 = (x) => Math.round(x * 10) / 10;
const r2 = (x) => Math.round(x * 100) / 100;

/** The figures of one measurement, as the JSON prints them. */
function figuresOf(r, asked) {
  return {
    particlesAsked: asked,
    fps: r1(r.fps),
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
      const r = await measure(browser, server.url, n);
      runs.push(figuresOf(r, n));
      errors = errors.concat(r.errors);
    }
  } finally {
    await browser.close();
  }
  const size = await allJsGzipKb();
  const firstBrowser = await launchChromium();
  const first = await measureFirstLoad(firstBrowser, server.url).finally(() => firstBrowser.close());
  const [base, many] = runs.length === 2 ? runs : [null, null];
  const main = runs[runs.length - 1];
  const figures = {
    preset: 'stampede',
    speed: SPEED,
    ...main,
    ...(base && many
      ? {
          runs,
          ratios: {
            fps: r2(many.fps / Math.max(0.1, base.fps)),
            frameP99: r2(many.frameP99Ms / Math.max(0.1, base.frameP99Ms)),
          },
        }
      : {}),
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
        `asked ${String(f.particlesAsked).padStart(6)}: ${f.particles} drawn (min ${f.particlesMin}${f.reached ? '' : ', NOT reached'}), ${f.fps} fps, frame p50/p99 ${f.frameP50Ms}/${f.frameP99Ms} ms, paint ${f.paintMs} ms, worker ${f.workerMs} ms, taking in ${f.frameInMs} ms (1 in ${f.sampleEvery})`,
      );
    }
    if (figures.ratios) {
      console.log(
        `10000 vs 2000      fps x${figures.ratios.fps} (target >= 0.95), frame p99 x${figures.ratios.frameP99} (target <= 1.5)`,
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
