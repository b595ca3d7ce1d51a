// Opening a large trace in the built app: `npm run bench:trace [-- --requests N] [--json]` writes an
// oracleGeneral file of N requests (default 10 M, 240 MB; 45 M makes a 1 GB file, read with
// sampling) over N/10 keys, opens it with "Open trace" in Chromium and prints how long reading and
// analysing took, the longest main-thread task meanwhile (PerformanceObserver 'longtask': the page
// must not freeze) and whether Cancel answered; also the time of each phase (read, then curves), the
// requests read a second, every long task with its phase, and from Chromium's own trace each
// main-thread task's CPU time beside its wall time: on a loaded machine a task of a few ms waits for a
// core and shows as a long task, and only its CPU time says what the page did. Builds first. `--replay` then clicks "Replay this trace"
// (running it past the cost prompt), plays it for `--play-s` seconds (default 10) and prints how long
// the hand-over took, how far the run got, the longest main-thread task and the browser's memory (the
// resident size of all its processes and this script's, from `ps`, before opening, after reading and while replaying).
/* global window, document, PerformanceObserver, performance, setInterval */
import { Buffer } from 'node:buffer';
import { mkdir, rm } from 'node:fs/promises';
import { createWriteStream } from 'node:fs';
import { join, dirname } from 'node:path';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import { serveStatic } from '../test/e2e/server.mjs';
import { launchChromium } from '../test/e2e/browser.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const requests = arg('--requests', 10_000_000);
const json = process.argv.includes('--json');
const replay = process.argv.includes('--replay');
const playSeconds = arg('--play-s', 10);

/** Resident MiB of `pid` and every process under it (Linux `ps`). */
function treeRssMiB(pid) {
  const rows = execFileSync('ps', ['-eo', 'pid=,ppid=,rss='], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((l) => l.trim().split(/\s+/).map(Number));
  const inTree = new Set([pid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const [p, pp] of rows)
      if (inTree.has(pp) && !inTree.has(p)) {
        inTree.add(p);
        grew = true;
      }
  }
  return rows.filter(([p]) => inTree.has(p)).reduce((sum, [, , rss]) => sum + rss, 0) / 1024;
}

/** Streams `n` oracleGeneral records (Zipf-like keys from a fixed generator) to `path`. */
async function writeOracle(path, n) {
  const out = createWriteStream(path);
  const keys = Math.max(1, Math.floor(n / 10));
  let seed = 12345;
  const batch = 1 << 16;
  for (let start = 0; start < n; start += batch) {
    const count = Math.min(batch, n - start);
    const buf = Buffer.alloc(count * 24);
    for (let i = 0; i < count; i++) {
      seed = (seed * 1664525 + 1013904223) >>> 0;
      const u = seed / 4294967296;
      const id = Math.floor(keys * u * u * u); // skewed: low ids far more popular
      buf.writeUInt32LE(Math.floor((start + i) / 10_000), i * 24);
      buf.writeUInt32LE(id, i * 24 + 4);
      buf.writeUInt32LE(512 + (((id * 2654435761) >>> 0) % 16384), i * 24 + 12);
      buf.writeBigInt64LE(-1n, i * 24 + 16);
    }
    if (!out.write(buf)) await new Promise((r) => out.once('drain', r));
  }
  await new Promise((r) => out.end(r));
}

/**
 * From a Chromium trace: the renderer main thread's tasks over 50 ms of wall time, with their CPU
 * time, and the longest task by CPU time. (The page's main thread is CrRendererMain; a task is a
 * top-level RunTask event, `dur` wall and `tdur` thread time in microseconds.)
 */
function mainThreadTasks(trace) {
  const events = trace.traceEvents ?? trace;
  const mains = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const tasks = events.filter(
    (e) => e.ph === 'X' && /RunTask/.test(e.name) && mains.has(`${e.pid}:${e.tid}`) && e.dur > 0,
  );
  const cpuMs = (e) => (e.tdur ?? e.dur) / 1000;
  const long = tasks.filter((e) => e.dur >= 50_000);
  return {
    tasks: tasks.length,
    longest: {
      wallMs: Math.round(Math.max(0, ...tasks.map((e) => e.dur / 1000))),
      cpuMs: Math.round(Math.max(0, ...tasks.map(cpuMs))),
    },
    overFiftyWall: long.length,
    overFiftyCpu: tasks.filter((e) => cpuMs(e) >= 50).length,
    totalCpuMs: Math.round(tasks.reduce((s, e) => s + cpuMs(e), 0)),
  };
}

const dir = join(root, 'test-results', 'bench-trace');
await mkdir(dir, { recursive: true });
const file = join(dir, `bench-${requests}.oracleGeneral.bin`);
await writeOracle(file, requests);
const server = await serveStatic(join(root, 'dist'));
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await page.addInitScript(() => {
    window.__longest = 0;
    window.__tasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        window.__longest = Math.max(window.__longest, e.duration);
        window.__tasks.push({ start: e.startTime, ms: e.duration });
      }
    }).observe({ type: 'longtask', buffered: true });
    // When each phase of the progress bar (Reading, Counting..., Computing...) first shows, to split
    // the time and place each long task in its phase.
    window.__phases = [];
    setInterval(() => {
      const text = document.querySelector('.trace-progress span')?.textContent ?? '';
      const phase = /^(Reading|Counting|Computing)/.exec(text)?.[1];
      const last = window.__phases[window.__phases.length - 1];
      if (phase && last?.phase !== phase) window.__phases.push({ phase, at: performance.now() });
    }, 20);
  });
  await page.goto(server.url);
  await page.getByRole('button', { name: /^(Play|Pause)$/ }).waitFor();
  await page.evaluate(() => {
    window.__longest = 0;
    window.__tasks = [];
  });
  // Chromium runs under this process (playwright launches it): the tree from here is the browser, plus
  // this script's own node (about 100 MiB).
  const rss = () => Math.round(treeRssMiB(process.pid));
  const memory = { beforeMiB: rss(), readMiB: null, replayingMiB: null };
  await page.getByRole('button', { name: 'Open trace' }).click();
  const dialog = page.getByRole('dialog', { name: 'Open a cache trace' });
  // Chromium's own trace of the page's main thread: each task's thread CPU time (tdur) beside its
  // wall time (dur), since on a loaded machine a short task is stretched by waiting for a core.
  await browser.startTracing(page, { categories: ['toplevel', '__metadata'] });
  const t0 = Date.now();
  const opened = await page.evaluate(() => performance.now());
  await dialog.locator('input[type=file]').setInputFiles(file);
  const done = dialog.getByRole('figure', { name: /Miss ratio by requests/ }).or(dialog.getByRole('alert'));
  await done.first().waitFor({ timeout: 30 * 60_000 });
  const alert = dialog.getByRole('alert');
  if ((await alert.count()) > 0)
    throw new Error(`the app could not open the trace: ${await alert.innerText()}`);
  const seconds = (Date.now() - t0) / 1000;
  const finished = await page.evaluate(() => performance.now());
  const mainThreadCpu = mainThreadTasks(JSON.parse((await browser.stopTracing()).toString('utf8')));
  const longestTaskMs = await page.evaluate(() => window.__longest);
  // Phases from the page's clock: the read ends when the bar leaves "Reading".
  const timeline = await page.evaluate(() => ({
    phases: window.__phases,
    tasks: window.__tasks,
  }));
  const phases = timeline.phases.map((p, i) => ({
    phase: p.phase,
    seconds: ((timeline.phases[i + 1]?.at ?? finished) - p.at) / 1000,
  }));
  const phaseAt = (t) =>
    timeline.phases.filter((p) => p.at <= t).pop()?.phase ?? (t < opened ? 'before' : 'opening');
  const longTasks = timeline.tasks
    .filter((x) => x.start >= opened)
    .map((x) => ({
      atS: +((x.start - opened) / 1000).toFixed(2),
      ms: Math.round(x.ms),
      phase: phaseAt(x.start),
    }));
  const readSeconds = phases.find((p) => p.phase === 'Reading')?.seconds ?? null;
  const text = await dialog.innerText();
  const sampled = /Sampled by key \(SHARDS\), 1 key in (\d+)/.exec(text)?.[1] ?? null;
  memory.readMiB = rss();
  let replayed = null;
  if (replay) {
    await page.evaluate(() => (window.__longest = 0));
    const scale = await dialog.getByRole('spinbutton', { name: 'Time scale' }).inputValue();
    const r0 = Date.now();
    await dialog.getByRole('button', { name: 'Replay this trace' }).click();
    const anyway = page.getByRole('button', { name: 'Run it anyway' });
    const playButton = page.getByRole('button', { name: 'Play' });
    await anyway
      .or(dialog.getByRole('alert'))
      .or(playButton)
      .first()
      .waitFor({ timeout: 10 * 60_000 });
    if ((await dialog.getByRole('alert').count()) > 0)
      throw new Error(`the app could not replay the trace: ${await dialog.getByRole('alert').innerText()}`);
    if ((await anyway.count()) > 0) await anyway.click();
    await page.waitForFunction(() => document.querySelector('header h1')?.textContent?.includes('replaying'));
    await playButton.click();
    const handOverSeconds = (Date.now() - r0) / 1000;
    await page.waitForTimeout(playSeconds * 1000);
    memory.replayingMiB = rss();
    const state = await page.evaluate(() => {
      const el = document.querySelector('[data-now-ms]');
      return {
        nowMs: Number(el?.getAttribute('data-now-ms')),
        events: Number(document.querySelector('[data-events]')?.getAttribute('data-events')),
      };
    });
    replayed = {
      timeScale: Number(scale),
      handOverSeconds,
      playedWallSeconds: playSeconds,
      simulatedMs: state.nowMs,
      events: state.events,
      longestTaskMs: await page.evaluate(() => window.__longest),
    };
  }
  const result = {
    requests,
    fileBytes: requests * 24,
    seconds,
    longestTaskMs,
    phases,
    readRequestsPerS: readSeconds ? Math.round(requests / readSeconds) : null,
    longTasks,
    mainThreadCpu,
    sampledOneKeyIn: sampled === null ? null : Number(sampled),
    memory,
    replay: replayed,
    load: loadavg()[0],
    cores: cpus().length,
  };
  if (json) console.log(JSON.stringify(result));
  else {
    console.log(
      `trace: ${requests.toLocaleString('en-US')} requests, ${(result.fileBytes / 2 ** 20).toFixed(0)} MiB (oracleGeneral)`,
    );
    console.log(
      `opened, card and curves drawn in ${seconds.toFixed(1)} s${sampled ? ` (sampled, 1 key in ${sampled})` : ''}`,
    );
    console.log(
      `longest main-thread task meanwhile: ${longestTaskMs.toFixed(0)} ms (load ${result.load.toFixed(2)} on ${result.cores} cores)`,
    );
    console.log(
      `phases: ${phases.map((p) => `${p.phase} ${p.seconds.toFixed(1)} s`).join(', ')}; read ${result.readRequestsPerS?.toLocaleString('en-US') ?? '?'} requests/s`,
    );
    console.log(
      `long tasks (over 50 ms wall): ${longTasks.length}${
        longTasks.length
          ? `, the longest ${[...longTasks]
              .sort((a, b) => b.ms - a.ms)
              .slice(0, 5)
              .map((x) => `${x.ms} ms at ${x.atS} s (${x.phase})`)
              .join(', ')}`
          : ''
      }`,
    );
    console.log(
      `main thread (Chromium trace): ${mainThreadCpu.tasks} tasks, ${mainThreadCpu.totalCpuMs} ms CPU in all; longest ${mainThreadCpu.longest.wallMs} ms wall, ${mainThreadCpu.longest.cpuMs} ms CPU; ${mainThreadCpu.overFiftyWall} over 50 ms wall, ${mainThreadCpu.overFiftyCpu} over 50 ms CPU`,
    );
    console.log(
      `browser memory (all processes): ${memory.beforeMiB} MiB before, ${memory.readMiB} MiB once read${replayed ? `, ${memory.replayingMiB} MiB replaying` : ''}`,
    );
    if (replayed)
      console.log(
        `replay at time scale ${replayed.timeScale}: handed over and playing in ${replayed.handOverSeconds.toFixed(1)} s; ` +
          `${(replayed.simulatedMs / 1000).toFixed(1)} simulated s (${replayed.events.toLocaleString('en-US')} events) in ${playSeconds} s of play; ` +
          `longest main-thread task ${replayed.longestTaskMs.toFixed(0)} ms`,
      );
  }
} finally {
  await browser.close();
  await server.close();
  await rm(file, { force: true });
}
