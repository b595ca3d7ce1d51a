/* global window, document, HTMLInputElement, Event */
import { assert, check, openPage, shot } from '../harness.mjs';
import { longStampedeLink } from '../fixtures/longStampede.mjs';

// The stage at scale (issue 21): the "Requests drawn" setting in the app's legend and the embed's
// `particles=` option reach the worker, and that many requests are drawn (the canvas's data-drawn,
// what the painter drew in its last frame); a bad `particles=` value is named and automatic holds. The
// app's setting is remembered across a reload, and a bad stored one ignored.

const LONG_STAMPEDE = longStampedeLink('Stampede, drawn at scale');

const drawnOf = (page) =>
  page.evaluate(() => {
    const c = document.querySelector('canvas.particles');
    return { drawn: Number(c?.dataset.drawn ?? 0), limit: Number(c?.dataset.drawLimit ?? 0) };
  });

/** Waits until the stage draws at least `n` requests (80 % of the setting: the sample comes in steps of a quarter). */
async function waitForDrawn(page, n) {
  await page.waitForFunction(
    (want) => Number(document.querySelector('canvas.particles')?.dataset.drawn) >= want,
    n,
    {
      timeout: 90_000,
      polling: 250,
    },
  );
}

/** The long stampede opened (not the baseline with a notice that the link could not be read). */
async function assertOpened(page) {
  await page.getByText('Stampede, drawn at scale').first().waitFor();
  assert((await page.getByText(/could not be read/).count()) === 0, 'the scenario link could not be read');
}

async function setSpeed(page, speed) {
  await page.getByRole('slider', { name: 'Speed' }).evaluate((el, v) => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(el, String(v));
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }, Math.log10(speed));
}

export default async function drawCount() {
  await check('draw count: "At most 10,000" in the app draws 10,000 requests, and no more', async () => {
    const p = await openPage(LONG_STAMPEDE, { viewport: { width: 1280, height: 720 } });
    await assertOpened(p);
    const control = p.getByLabel('Requests drawn');
    assert((await control.inputValue()) === 'auto', 'the setting does not start at Automatic');
    await control.selectOption('10000');
    await setSpeed(p, 5);
    await p.getByRole('button', { name: 'Play' }).click();
    await waitForDrawn(p, 8000);
    const { drawn, limit } = await drawnOf(p);
    assert(limit === 10_000, `the worker was asked for ${limit}, not 10000`);
    assert(drawn <= 11_000, `${drawn} drawn with the setting at 10,000`);
    const stats = await p.evaluate(() => window.__cachescope);
    assert(stats.drawLimit === 10_000, `frame stats say ${stats.drawLimit}`);
    await shot(p, 'draw-count-10000-1280x720');
    // Remembered for the next visit (localStorage); a stored value that is not a choice is ignored.
    await p.reload();
    await assertOpened(p);
    const again = await p.getByLabel('Requests drawn').inputValue();
    assert(again === '10000', `after a reload the setting is ${again}, not the 10,000 chosen`);
    await p.evaluate(() => window.localStorage.setItem('cachescope.drawSetting.v1', '12345'));
    await p.reload();
    await assertOpened(p);
    const bad = await p.getByLabel('Requests drawn').inputValue();
    assert(bad === 'auto', `a bad stored setting gave ${bad}, not Automatic`);
  });

  await check('draw count: an embed with particles=10000 draws 10,000 (1280x720 and 360x640)', async () => {
    for (const viewport of [
      { width: 1280, height: 720 },
      { width: 360, height: 640 },
    ]) {
      const p = await openPage(`?embed=1&speed=5&particles=10000${LONG_STAMPEDE}`, { viewport });
      await assertOpened(p);
      await p.getByRole('button', { name: 'Play' }).click();
      await waitForDrawn(p, 8000);
      const { drawn, limit } = await drawnOf(p);
      assert(limit === 10_000 && drawn <= 11_000, `embed: ${drawn} drawn, asked ${limit}`);
      await shot(p, `draw-count-embed-10000-${viewport.width}x${viewport.height}`);
      await p.close();
    }
  });

  await check('draw count: a bad particles= is named, and the embed draws automatically', async () => {
    const p = await openPage('?embed=1&particles=lots&preset=stampede', {
      viewport: { width: 640, height: 480 },
    });
    const notice = p.getByText(
      /particles: got "lots", expected auto or one of 1000, 2000, 5000, 10000, 20000/,
    );
    await notice.waitFor();
    await p.getByRole('button', { name: 'Play' }).click();
    await p.waitForFunction(
      () => Number(document.querySelector('canvas.particles')?.dataset.drawn) > 0,
      null,
      {
        timeout: 60_000,
      },
    );
    const { limit } = await drawnOf(p);
    // Automatic starts at 5,000 and moves a level at a time (500 to 20,000).
    assert([500, 1000, 2000, 5000, 10_000, 20_000].includes(limit), `automatic asked for ${limit}`);
    await shot(p, 'draw-count-bad-value');
  });
}
