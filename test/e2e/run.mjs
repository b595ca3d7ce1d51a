// Browser tests on the built app (dist/), in real Chromium. Every module in checks/ runs in name order;
// `node test/e2e/run.mjs word` runs only the modules whose file name contains "word", `--shard=i/n`
// every n-th of them from the i-th, and `--files=a.mjs,b.mjs` the modules named (parallel.mjs gives each
// process its share that way). One line per check, then "N passed, M failed".
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { assert, check, problems, recordFailure, root, start, stop, tally } from './harness.mjs';

const dir = join(root, 'test', 'e2e', 'checks');
// `--shard=i/n` runs every n-th module from the i-th (see parallel.mjs); a bare word filters by name.
const shardArg = process.argv.slice(2).find((a) => a.startsWith('--shard='));
const [shard, shards] = (shardArg?.slice('--shard='.length) ?? '1/1').split('/').map(Number);
const filter = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? '';
const named = process.argv
  .slice(2)
  .find((a) => a.startsWith('--files='))
  ?.slice('--files='.length)
  .split(',');
const files = (await readdir(dir))
  .filter((f) => f.endsWith('.mjs') && f.includes(filter) && (named === undefined || named.includes(f)))
  .sort()
  .filter((_, i) => i % shards === shard - 1);

try {
  await start();
  for (const file of files) {
    const t0 = Date.now();
    const mod = await import(pathToFileURL(join(dir, file)).href);
    try {
      await mod.default();
    } catch (e) {
      recordFailure(file, e);
    }
    // Each module's time, which parallel.mjs's table of durations is kept from.
    console.log(`  (${file}: ${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  }
  await check('no console or page error during the run', async () => {
    assert(problems.length === 0, problems.join('; '));
  });
} catch (e) {
  recordFailure('setup', e);
} finally {
  await stop();
}
const { passed, failed } = tally();
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
