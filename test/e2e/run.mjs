// Browser tests on the built app (dist/), in real Chromium. Every module in checks/ runs in name order;
// `node test/e2e/run.mjs word` runs only the modules whose file name contains "word", and
// `--shard=i/n` every n-th of them from the i-th. One line per check, then "N passed, M failed".
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { assert, check, problems, recordFailure, root, start, stop, tally } from './harness.mjs';

const dir = join(root, 'test', 'e2e', 'checks');
// `--shard=i/n` runs every n-th module from the i-th (see parallel.mjs); a bare word filters by name.
const shardArg = process.argv.slice(2).find((a) => a.startsWith('--shard='));
const [shard, shards] = (shardArg?.slice('--shard='.length) ?? '1/1').split('/').map(Number);
const filter = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? '';
const files = (await readdir(dir))
  .filter((f) => f.endsWith('.mjs') && f.includes(filter))
  .sort()
  .filter((_, i) => i % shards === shard - 1);

try {
  await start();
  for (const file of files) {
    const mod = await import(pathToFileURL(join(dir, file)).href);
    try {
      await mod.default();
    } catch (e) {
      recordFailure(file, e);
    }
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
