// The browser checks in two processes at once, each with its own server and Chromium, taking every
// other module: most of a check's time is spent waiting on the page (frames, the engine's worker), so
// two of them share the cores well. Each process's lines are printed when it ends, then the total.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const SHARDS = 2;
const runner = fileURLToPath(new URL('./run.mjs', import.meta.url));
const extra = process.argv.slice(2);

/** Runs one shard; resolves with its output and exit code. */
function runShard(i) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [runner, `--shard=${i}/${SHARDS}`, ...extra]);
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('close', (code) => resolve({ output, code: code ?? 1 }));
  });
}

const results = await Promise.all(Array.from({ length: SHARDS }, (_, i) => runShard(i + 1)));
let passed = 0;
let failed = 0;
for (const [i, r] of results.entries()) {
  process.stdout.write(`--- browser checks, part ${i + 1} of ${SHARDS}\n${r.output}`);
  const tally = /(\d+) passed, (\d+) failed\s*$/.exec(r.output);
  passed += Number(tally?.[1] ?? 0);
  // A part that ended without its tally (a crash) counts as a failure.
  failed += tally ? Number(tally[2]) : 1;
  if (r.code !== 0 && tally && Number(tally[2]) === 0) failed += 1;
}
console.log(`${passed} passed, ${failed} failed (in ${SHARDS} parts)`);
process.exit(failed > 0 ? 1 : 0);
