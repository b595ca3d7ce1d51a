/* global window */
import { assert, canvasPixels, check, events, nowMs, openPage, seek, shot } from '../harness.mjs';

export default async function worker() {
  await check(
    'the engine runs in a Web Worker, and seeking back and forth lands on the same run',
    async () => {
      const p = await openPage('?preset=stampede');
      // The browser may report the worker a moment after the page is ready: wait for it, do not race it.
      if (p.workers().length === 0) await p.waitForEvent('worker', { timeout: 30_000 });
      const workers = p.workers().map((w) => w.url());
      assert(
        workers.length === 1 && /engine\.worker/.test(workers[0]),
        `expected the engine's worker, found ${JSON.stringify(workers)}`,
      );
      await seek(p, 30_000);
      const first = { t: await nowMs(p), e: await events(p) };
      await seek(p, 8000);
      assert((await nowMs(p)) < 9000, 'the seek back did not move the clock back');
      await seek(p, 30_000);
      const again = { t: await nowMs(p), e: await events(p) };
      assert(
        again.t === first.t && again.e === first.e,
        `30 s twice gave ${JSON.stringify(first)} then ${JSON.stringify(again)}`,
      );
      // The paused frame after a seek shows the traffic in flight at that instant.
      const stats = await p.evaluate(() => window.__cachescope);
      assert(stats.inFlight > 0, 'no particle drawn after the seek');
      const a = await canvasPixels(p);
      await p.waitForTimeout(300);
      assert(a === (await canvasPixels(p)), 'the canvas moved while paused after a seek');
      await shot(p, '11-seek-back-and-forth');
      await p.context().close();
    },
  );
}
