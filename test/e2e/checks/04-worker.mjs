/* global window */
import {
  assert,
  canvasPixels,
  check,
  events,
  nowMs,
  openPage,
  paintSettled,
  seek,
  shot,
} from '../harness.mjs';

export default async function worker() {
  await check(
    'the engine runs in a Web Worker, and seeking back and forth lands on the same run',
    async () => {
      const p = await openPage('?preset=stampede');
      // The browser may report the worker a moment after the page is ready: wait for it, do not race it.
      const isEngine = (w) => /engine\.worker/.test(w.url());
      if (!p.workers().some(isEngine))
        await p.waitForEvent('worker', { predicate: isEngine, timeout: 30_000 });
      // The paint worker (on by default, render/paintSwitch.ts) may be listed too, before or after the
      // engine's: one engine worker, and nothing but the paint worker beside it.
      const oneEngine = (when) => {
        const urls = p.workers().map((w) => w.url());
        const engines = urls.filter((u) => /engine\.worker/.test(u)).length;
        const others = urls.filter((u) => !/(engine|paint)\.worker/.test(u)).length;
        assert(
          engines === 1 && others === 0,
          `${when}: expected one engine worker (and the paint worker), found ${JSON.stringify(urls)}`,
        );
      };
      oneEngine('at start');
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
      oneEngine('after the seeks');
      // The paused frame after a seek shows the traffic in flight at that instant.
      const stats = await p.evaluate(() => window.__cachescope);
      assert(stats.inFlight > 0, 'no particle drawn after the seek');
      await paintSettled(p);
      const a = await canvasPixels(p);
      await p.waitForTimeout(300);
      assert(a === (await canvasPixels(p)), 'the canvas moved while paused after a seek');
      await shot(p, '11-seek-back-and-forth');
      await p.context().close();
    },
  );
}
