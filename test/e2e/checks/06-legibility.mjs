/* global document, window */
import { assert, check, openPage, seek, shot } from '../harness.mjs';

/**
 * Cards whose pixels change when the particle canvas is wiped (paused, so nothing repaints it):
 * particles drawn over their text. The canvas stays in place, so the page composites the same way;
 * the rounded corners are left out (inset by the radius), where the stage behind shows by design.
 */
async function cardsCoveredByParticles(page) {
  const cards = await page.locator('.stage-area .node, .stage-area .stage-caption').all();
  const canvas = page.locator('canvas.particles');
  const covered = [];
  const clips = [];
  for (const card of cards) {
    const b = await card.boundingBox();
    clips.push({ x: b.x + 6, y: b.y + 6, width: b.width - 12, height: b.height - 12 });
  }
  const shots = [];
  for (const clip of clips) shots.push(await page.screenshot({ clip }));
  const drawn = await canvas.evaluate(async (c) => {
    const { data } = await window.__readCanvas(c);
    const painted = data.some((v, i) => i % 4 === 3 && v > 0);
    await window.__clearCanvas(c);
    return painted;
  });
  if (!drawn) return ['(nothing was drawn on the canvas)'];
  for (let i = 0; i < cards.length; i++) {
    const without = await page.screenshot({ clip: clips[i] });
    if (!without.equals(shots[i])) covered.push((await cards[i].innerText()).split('\n')[0]);
  }
  return covered;
}

/** Opaque pixels of `rgb` in the band `pad` px around the box of `selector`, on the canvas. */
function pixelsAround(page, selector, rgb, pad = 45) {
  return page.evaluate(
    async ({ selector, rgb, pad }) => {
      const canvas = document.querySelector('canvas.particles');
      const box = document.querySelector(selector).getBoundingClientRect();
      const at = canvas.getBoundingClientRect();
      const { width, height, data } = await window.__readCanvas(canvas);
      const dpr = width / at.width;
      const x0 = Math.max(0, Math.floor((box.left - at.left - pad) * dpr));
      const y0 = Math.max(0, Math.floor((box.top - at.top - pad) * dpr));
      const x1 = Math.min(width, x0 + Math.ceil((box.width + 2 * pad) * dpr));
      const y1 = Math.min(height, y0 + Math.ceil((box.height + 2 * pad) * dpr));
      let n = 0;
      for (let y = y0; y < y1; y++)
        for (let x = x0; x < x1; x++) {
          const i = (y * width + x) * 4;
          const near =
            Math.abs(data[i] - rgb[0]) + Math.abs(data[i + 1] - rgb[1]) + Math.abs(data[i + 2] - rgb[2]);
          if (data[i + 3] > 240 && near < 30) n++;
        }
      return n;
    },
    { selector, rgb, pad },
  );
}

export default async function legibility() {
  await check(
    'particles pass under the cards and captions, never over their text (4,000 requests/s)',
    async () => {
      const p = await openPage('?preset=hot-key');
      await p.getByRole('button', { name: 'Play' }).click();
      await p.waitForTimeout(1500);
      await p.getByRole('button', { name: 'Pause' }).click();
      await shot(p, '11-dense-particles');
      const covered = await cardsCoveredByParticles(p);
      assert(covered.length === 0, `particles drawn over: ${covered.join(', ')}`);
      await p.context().close();
    },
  );

  await check('a shard that is down stays opaque and readable, with particles all around it', async () => {
    const p = await openPage('?preset=shard-crash');
    await seek(p, 16_000);
    await p.getByRole('button', { name: 'Play' }).click();
    await p.waitForTimeout(600);
    await p.getByRole('button', { name: 'Pause' }).click();
    const down = p.getByRole('button', { name: /^Redis shard 2.*DOWN/ });
    await down.waitFor();
    await shot(p, '12-shard-down');
    const covered = await cardsCoveredByParticles(p);
    assert(covered.length === 0, `particles drawn over: ${covered.join(', ')}`);
    await p.context().close();
  });

  await check('writes lost in a write-behind crash burst out of the instance that lost them', async () => {
    // Dark theme: the error colour is white, which nothing else on the canvas fills with.
    const p = await openPage('?preset=write-behind-crash', { colorScheme: 'dark' });
    await seek(p, 20_450);
    const before = await pixelsAround(p, '[title^="App 2"]', [255, 255, 255]);
    await seek(p, 20_560);
    await p.waitForTimeout(100);
    const after = await pixelsAround(p, '[title^="App 2"]', [255, 255, 255]);
    await shot(p, '13-write-behind-loss');
    assert(
      after > before + 200,
      `white (lost) pixels around App 2: ${before} before the crash, ${after} after`,
    );
    await p.context().close();
  });

  await check(
    'responses leaked to another user are counted on the CDN card and drawn as errors',
    async () => {
      const p = await openPage('?preset=cdn-leak');
      await p.getByRole('button', { name: 'Play' }).click();
      await p.getByRole('button', { name: /^CDN.*leaked/ }).waitFor();
      await p.getByRole('button', { name: 'Pause' }).click();
      await shot(p, '14-cdn-leak');
      await p.context().close();
    },
  );
}
