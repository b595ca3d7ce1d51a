/* global document, window */
import { assert, canvasPixels, check, openPage, paintSettled, seek, shot } from '../harness.mjs';

// Painting off the main thread (issue 21, render/paintSwitch.ts): where the canvas can be handed to a
// worker, the paint worker paints it by default, and what it paints is, pixel for pixel, what the
// page's own painter (`?paint=main`) paints. The canvas follows the stage's size.

const painterOf = (page) => page.locator('canvas.particles').evaluate((c) => c.dataset.painter);

/** The run paused at `ms`, its canvas painted: the painter, the pixels' digest and the canvas's size. */
async function pausedAt(path, ms) {
  const p = await openPage(path);
  await seek(p, ms);
  // The last paint lands, then the picture must hold still.
  await paintSettled(p);
  const pixels = await canvasPixels(p);
  const stats = await p.evaluate(() => window.__cachescope);
  return { p, painter: await painterOf(p), pixels, stats };
}

export default async function paintWorker() {
  await check(
    'the paint worker paints what the page would, pixel for pixel, paused after a seek',
    async () => {
      const worker = await pausedAt('?preset=stampede', 6_000);
      const page = await pausedAt('?preset=stampede&paint=main', 6_000);
      assert(worker.painter === 'worker', `the default painter is "${worker.painter}"`);
      assert(page.painter === 'page', `?paint=main painted with "${page.painter}"`);
      assert(worker.stats.paintWorker && !page.stats.paintWorker, 'the frame figures name the wrong painter');
      assert(worker.stats.particlesDrawn > 100, `only ${worker.stats.particlesDrawn} requests drawn`);
      assert(
        worker.stats.particlesDrawn === page.stats.particlesDrawn,
        `drawn: ${worker.stats.particlesDrawn} by the worker, ${page.stats.particlesDrawn} by the page`,
      );
      assert(worker.pixels === page.pixels, `the pictures differ: ${worker.pixels} against ${page.pixels}`);
      await shot(worker.p, 'paint-worker-1280');
      await shot(page.p, 'paint-page-1280');
      await worker.p.context().close();
      await page.p.context().close();
    },
  );

  await check('a resized stage is painted at its new size by the worker, and keeps playing', async () => {
    const p = await openPage('?preset=stampede&paint=worker');
    await p.getByRole('button', { name: 'Play' }).click();
    await p.waitForFunction(() => (window.__cachescope?.particlesDrawn ?? 0) > 50);
    const before = await p
      .locator('canvas.particles')
      .evaluate(async (c) => (await window.__readCanvas(c)).width);
    await p.setViewportSize({ width: 360, height: 740 });
    await p.waitForFunction((w) => {
      const c = document.querySelector('canvas.particles');
      return (
        c &&
        Math.abs(c.width - c.getBoundingClientRect().width * window.devicePixelRatio) < 2 &&
        c.width !== w
      );
    }, before);
    const paints = await p.evaluate(() => window.__cachescope.paints);
    await p.waitForTimeout(500);
    const after = await p.evaluate(() => window.__cachescope);
    const read = await p.locator('canvas.particles').evaluate(async (c) => {
      const { width, data } = await window.__readCanvas(c);
      return {
        width,
        css: c.getBoundingClientRect().width,
        painted: data.some((v, i) => i % 4 === 3 && v > 0),
      };
    });
    await shot(p, 'paint-worker-360');
    assert(after.paints > paints, 'the worker stopped painting after the resize');
    assert(Math.abs(read.width - read.css) < 2, `the canvas holds ${read.width} px for ${read.css} CSS px`);
    assert(read.painted, 'nothing painted at 360 px');
    await p.context().close();
  });
}
