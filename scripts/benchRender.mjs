// Render benchmark: frames per second and particles drawn on ?preset=stampede in headless Chromium,
// plus what a first visit downloads (measured in the browser, scripts/firstLoad.mjs). Run after `vite build` (npm run bench:render).
/* global window, document, performance, requestAnimationFrame, HTMLInputElement, Event */
import { readdir, readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '../test/e2e/server.mjs';
import { launchChromium } from '../test/e2e/browser.mjs';
import { describeChunks, FIRST_LOAD_GOAL_BYTES, measureFirstLoad } from './firstLoad.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const json = process.argv.includes('--json');
const speedArg = process.argv.find((a) => a.startsWith('--speed='));
/** 5x puts thousands of stampede requests in flight; `--speed=N` tries another. */
const SPEED = speedArg ? Number(speedArg.slice('--speed='.length)) : 5;
const MEASURE_MS = 5000;

/** Gzipped JavaScript of every file of the build (the tabs and fallbacks loaded on demand too). */
async function allJsGzipKb() {
  const dir = join(root, 'dist', 'assets');
  const files = (await readdir(dir)).filter((f) => f.endsWith('.js'));
  let bytes = 0;
  for (const f of files) bytes += gzipSync(await readFile(join(dir, f)), { level: 9 }).length;
  return { files: files.length, kb: Math.round((bytes / 1024) * 10) / 10 };
}

async function measure(url) {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${url}?preset=stampede${process.env.BENCH_QS ?? ''}`);
    await page.getByRole('button', { name: 'Play' }).waitFor();
    // log10 of the speed on the slider, set the way a drag does so React sees it.
    await page.getByRole('slider', { name: 'Speed' }).evaluate((el, v) => {
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(el, String(v));
      el.dispatchEvent(new Event('input', { bubbles: true }));
    }, Math.log10(SPEED));
    await page.getByRole('button', { name: 'Play' }).click();
    await page.waitForTimeout(2000);
    const result = await page.evaluate(
      (ms) =>
        new Promise((resolve) => {
          const drawn = [];
          const inFlight = [];
          const tick = [];
          const paint = [];
          const worker = [];
          let frames = 0;
          const t0 = performance.now();
          const frame = (now) => {
            frames++;
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
              resolve({
                fps: (frames * 1000) / (now - t0),
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
    await page.screenshot({ path: join(root, 'test-results', 'bench-render.png') }).catch(() => {});
    return { ...result, errors };
  } finally {
    await browser.close();
  }
}

const server = await serveStatic(join(root, 'dist'));
let code = 0;
try {
  const r = await measure(server.url);
  const size = await allJsGzipKb();
  const browser = await launchChromium();
  const first = await measureFirstLoad(browser, server.url).finally(() => browser.close());
  const figures = {
    preset: 'stampede',
    speed: SPEED,
    fps: Math.round(r.fps * 10) / 10,
    particlesDrawnMean: Math.round(r.particlesMean),
    particlesDrawnMin: r.particlesMin,
    sampleEvery: r.sampleEvery,
    simBehind: r.behind,
    frameInMsPerFrame: Math.round(r.tickMs * 100) / 100,
    paintMsPerFrame: Math.round(r.paintMs * 100) / 100,
    workerMsPerFrame: Math.round(r.workerMs * 100) / 100,
    frameInMsWorstFrame: Math.round(r.tickMaxMs * 10) / 10,
    paintMsWorstFrame: Math.round(r.paintMaxMs * 10) / 10,
    workerMsWorstFrame: Math.round(r.workerMaxMs * 10) / 10,
    firstLoadGzipBytes: first.totalGzipBytes,
    firstLoadChunks: first.chunks.map(({ file, gzipBytes }) => ({ file, gzipBytes })),
    allJsGzipKb: size.kb,
    jsFiles: size.files,
    targets: { fps: 60, particles: 2000, firstLoadGzipBytes: FIRST_LOAD_GOAL_BYTES },
    pageErrors: r.errors,
  };
  if (json) console.log(JSON.stringify(figures));
  else {
    console.log(`preset stampede at ${SPEED}x, ${MEASURE_MS / 1000} s of frames`);
    console.log(`frames per second   ${figures.fps.toFixed(1)}   (target 60)`);
    console.log(
      `particles drawn     ${figures.particlesDrawnMean} mean, ${figures.particlesDrawnMin} min   (target >= 2000; showing 1 in ${figures.sampleEvery})`,
    );
    console.log(
      `per frame (page)    ${figures.frameInMsPerFrame} ms taking in the worker's frame, ${figures.paintMsPerFrame} ms painting (worst ${figures.frameInMsWorstFrame} / ${figures.paintMsWorstFrame} ms)`,
    );
    console.log(
      `per frame (worker)  ${figures.workerMsPerFrame} ms simulating and batching particles (worst ${figures.workerMsWorstFrame} ms)`,
    );
    console.log(
      `first visit         ${(first.totalGzipBytes / 1024).toFixed(1)} KB gzipped, scripts and styles, worker included (goal <= ${FIRST_LOAD_GOAL_BYTES / 1024} KB); ${figures.allJsGzipKb} KB of JavaScript in all ${figures.jsFiles} files`,
    );
    console.log(describeChunks(first.chunks));
    if (r.behind) console.log('note: the engine could not keep up at this speed during the measurement');
    if (r.errors.length) console.log(`page errors: ${r.errors.join('; ')}`);
  }
  if (r.errors.length) code = 1;
} catch (e) {
  console.error(`bench:render failed: ${e instanceof Error ? e.message : String(e)}`);
  code = 1;
} finally {
  await server.close();
}
process.exit(code);
