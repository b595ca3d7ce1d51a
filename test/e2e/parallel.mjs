// The browser checks in several processes at once, each with its own server and Chromium: most of a
// check's time is spent waiting on the page (frames, the engine's worker), so they share the cores well.
// The modules are dealt out by how long each takes (SECONDS, as run.mjs prints them), longest first, each
// to the process with the least work so far, so that the processes end together; each runs its modules
// in name order. Each process's lines are printed when it ends, then the total.
import { spawn } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const SHARDS = 2;
/**
 * Seconds each check module took in the whole `npm test` of 7 December 2026 at 17:32 (two processes,
 * the 2-core machine otherwise idle), with the rows of 02-presets, 04-sizes, 04-phone-sizes and
 * 07-embed-sizes scaled by the CPU time each took after and before its changes of that evening (shared
 * page loads, no fixed sleeps), and those of 07-compare, 07-lessons and 07-stage-text likewise after
 * theirs of 20:45-21:05 (shared pages), and those of 04-many-shards, 04-phone-sizes, 04-sizes, 05-a11y,
 * 07-export, 10-stale-windows and 10-tracking likewise after theirs of 8 December at 02:45-03:10 (a
 * page resized or its scheme switched instead of a load per size or scheme). Only their ratios matter
 * here. A module not listed counts as the mean of those listed; refresh the table when a module's time
 * moves.
 */
export const SECONDS = {
  '01-basics.mjs': 39,
  '02-presets.mjs': 91,
  '03-embed-failures.mjs': 11,
  '04-csp.mjs': 13,
  '04-first-load.mjs': 4,
  '04-many-shards.mjs': 15,
  '04-phone-sizes.mjs': 37,
  '04-sizes.mjs': 64,
  '04-worker.mjs': 6,
  '05-a11y.mjs': 32,
  '05-hostile-input.mjs': 32,
  '05-live.mjs': 26,
  '06-legibility.mjs': 31,
  '07-compare.mjs': 40,
  '07-cost-live.mjs': 14,
  '07-cost.mjs': 11,
  '07-embed-api.mjs': 21,
  '07-embed-sizes.mjs': 51,
  '07-engine-watch.mjs': 48,
  '07-export-bytes.mjs': 34,
  '07-export.mjs': 46,
  '07-lessons.mjs': 51,
  '07-share.mjs': 16,
  '07-stage-text.mjs': 47,
  '07-subpath.mjs': 18,
  '08-sweep.mjs': 11,
  '09-room-https.mjs': 12,
  '09-room-network.mjs': 29,
  '09-room-presenter.mjs': 11,
  '09-room.mjs': 36,
  '09-trace-replay.mjs': 16,
  '09-trace.mjs': 9,
  '10-draw-count.mjs': 16,
  '10-lazy-styles.mjs': 25,
  '10-lesson-walk.mjs': 79,
  '10-many-embeds.mjs': 35,
  '10-paint-worker.mjs': 30,
  '10-stale-windows.mjs': 17,
  '10-tracking.mjs': 15,
  '10-truth-compare.mjs': 7,
  '10-truth-embed.mjs': 16,
  '10-truth-sizes.mjs': 46,
};

/**
 * Modules that measure CPU time (long tasks while scrolling ten embeds): run after the others, alone, as
 * a process running beside them inflates what they measure (a 184 ms task once, 18 ms alone).
 */
const ALONE = ['10-many-embeds.mjs'];

const runner = fileURLToPath(new URL('./run.mjs', import.meta.url));
const extra = process.argv.slice(2);

/**
 * Deals `files` into `n` groups of about equal time (longest first, each to the group with the least
 * so far); each group in name order.
 */
export function deal(files, n, seconds = SECONDS) {
  const known = Object.values(seconds);
  const fallback = known.length > 0 ? known.reduce((a, b) => a + b, 0) / known.length : 1;
  const time = (f) => seconds[f] ?? fallback;
  const groups = Array.from({ length: n }, () => ({ files: [], seconds: 0 }));
  const byTime = [...files].sort((a, b) => time(b) - time(a) || a.localeCompare(b));
  for (const f of byTime) {
    const least = groups.reduce((a, b) => (b.seconds < a.seconds ? b : a));
    least.files.push(f);
    least.seconds += time(f);
  }
  return groups.map((g) => g.files.sort());
}

/** Runs one group of modules; resolves with its output and exit code. */
function runGroup(files) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [runner, `--files=${files.join(',')}`, ...extra]);
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('close', (code) => resolve({ output, code: code ?? 1 }));
  });
}

async function main() {
  const all = (await readdir(fileURLToPath(new URL('./checks/', import.meta.url)))).filter((f) =>
    f.endsWith('.mjs'),
  );
  const groups = deal(
    all.filter((f) => !ALONE.includes(f)),
    SHARDS,
  ).filter((g) => g.length > 0);
  const results = await Promise.all(groups.map(runGroup));
  // Then the modules that measure the page's CPU, with the machine to themselves.
  const alone = all.filter((f) => ALONE.includes(f));
  if (alone.length > 0) {
    groups.push(alone);
    results.push(await runGroup(alone));
  }
  let passed = 0;
  let failed = 0;
  for (const [i, r] of results.entries()) {
    process.stdout.write(`--- browser checks, part ${i + 1} of ${groups.length}\n${r.output}`);
    const tally = /(\d+) passed, (\d+) failed\s*$/.exec(r.output);
    passed += Number(tally?.[1] ?? 0);
    // A part that ended without its tally (a crash) counts as a failure.
    failed += tally ? Number(tally[2]) : 1;
    if (r.code !== 0 && tally && Number(tally[2]) === 0) failed += 1;
  }
  console.log(`${passed} passed, ${failed} failed (in ${groups.length} parts)`);
  process.exit(failed > 0 ? 1 : 0);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
