// The first-visit budget (issue 21): everything a first visit to `/` downloads before the stage plays,
// the engine's worker included: at most the budget of scripts/firstLoad.mjs (goal 200 KB).
import { assert, check, env } from '../harness.mjs';
import { FIRST_LOAD_BUDGET_BYTES, measureFirstLoad } from '../../../scripts/firstLoad.mjs';

export default async function firstLoad() {
  await check(
    `a first visit to / downloads at most ${FIRST_LOAD_BUDGET_BYTES / 1024} KB gzipped of scripts and styles`,
    async () => {
      const { totalGzipBytes, chunks } = await measureFirstLoad(env.browser, env.server.url);
      console.log(
        `     first load: ${(totalGzipBytes / 1024).toFixed(1)} KB gzipped in ${chunks.length} files`,
      );
      assert(
        chunks.some((c) => /^engine\.worker/.test(c.file)),
        `the engine's worker was not among the files weighed: ${chunks.map((c) => c.file).join(', ')}`,
      );
      assert(
        totalGzipBytes <= FIRST_LOAD_BUDGET_BYTES,
        `${(totalGzipBytes / 1024).toFixed(1)} KB gzipped, over the ${FIRST_LOAD_BUDGET_BYTES / 1024} KB budget: ${chunks.map((c) => `${c.file} ${(c.gzipBytes / 1024).toFixed(1)} KB`).join(', ')}`,
      );
    },
  );
}
