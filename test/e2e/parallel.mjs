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
 * Seconds each check module took in the parallel run (run.mjs prints them), on 7 December 2026 with the
 * 2-core machine loaded (load 20-40), about 4.4 times its idle times: only their ratios matter here. A
 * module not listed counts as the mean of those listed; refresh the table when a module's time moves.
 * Dealt this way the two processes had 2942 and 2950 s of these, where every other module had 3550 and 2341.
 */
export const SECONDS = {
  '01-basics.mjs': 143,
  '02-presets.mjs': 408,
  '03-embed-failures.mjs': 38,
  '04-csp.mjs': 52,
  '04-first-load.mjs': 11,
  '04-many-shards.mjs': 82,
  '04-sizes.mjs': 462,
  '04-worker.mjs': 23,
  '05-a11y.mjs': 163,
  '05-hostile-input.mjs': 148,
  '05-live.mjs': 181,
  '06-legibility.mjs': 189,
  '07-compare.mjs': 370,
  '07-cost-live.mjs': 105,
  '07-cost.mjs': 44,
  '07-embed-api.mjs': 110,
  '07-embed-sizes.mjs': 407,
  '07-engine-watch.mjs': 254,
  '07-export-bytes.mjs': 537,
  '07-export.mjs': 348,
  '07-lessons.mjs': 517,
  '07-share.mjs': 104,
  '07-stage-text.mjs': 177,
  '07-subpath.mjs': 72,
  '08-sweep.mjs': 38,
  '09-room-https.mjs': 70,
  '09-room-network.mjs': 150,
  '09-room-presenter.mjs': 99,
  '09-room.mjs': 141,
  '09-trace.mjs': 139,
  '10-lesson-walk.mjs': 253,
  '10-many-embeds.mjs': 170,
  '10-truth-compare.mjs': 18,
  '10-truth-embed.mjs': 40,
  '10-truth-sizes.mjs': 50,
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
