/* global window, document */
import {
  assert,
  BASELINE_TITLE,
  canvasPixels,
  check,
  events,
  metric,
  nowMs,
  openPage,
  paintSettled,
  problems,
  seek,
  shot,
  STAMPEDE_TITLE,
} from '../harness.mjs';

export default async function basics() {
  const page = await openPage('');
  await check('loads the baseline with no console or page error', async () => {
    await page.getByRole('heading', { name: new RegExp(BASELINE_TITLE) }).waitFor();
    await page.waitForTimeout(300);
    await shot(page, '01-load');
    await page.keyboard.press('?');
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    await shot(page, '01b-help');
    await page.keyboard.press('Escape');
    assert((await page.getByRole('dialog').count()) === 0, 'Escape did not close the help');
    assert(problems.length === 0, problems.join('; '));
  });

  await check('Play animates the canvas', async () => {
    await page.getByRole('button', { name: 'Play' }).click();
    await page.waitForTimeout(1500);
    const a = await canvasPixels(page);
    await page.waitForTimeout(250);
    const b = await canvasPixels(page);
    await shot(page, '02-playing');
    assert(a !== b, 'two captures 250 ms apart are identical');
  });

  await check('Pause freezes the canvas', async () => {
    await page.getByRole('button', { name: 'Pause' }).click();
    await paintSettled(page);
    const a = await canvasPixels(page);
    await page.waitForTimeout(500);
    const b = await canvasPixels(page);
    await shot(page, '03-paused');
    assert(a === b, 'the canvas changed while paused');
  });

  await check('Step advances the clock by one event', async () => {
    const e0 = await events(page);
    const t0 = await nowMs(page);
    await page.getByRole('button', { name: 'Step' }).click();
    await page.waitForFunction(
      (e) => Number(document.querySelector('[data-events]')?.getAttribute('data-events')) !== e,
      e0,
    );
    const e1 = await events(page);
    const t1 = await nowMs(page);
    await shot(page, '04-step');
    assert(e1 === e0 + 1, `events went from ${e0} to ${e1}`);
    assert(t1 >= t0, `clock went back from ${t0} to ${t1}`);
  });

  await check(
    'moving the L2 TTL slider before the run starts changes the scenario and the hit ratio',
    async () => {
      await seek(page, 10_000);
      const before = await metric(page, 'L2 hit ratio');
      await page.getByRole('button', { name: 'Restart' }).click();
      await page.waitForFunction(
        () => document.querySelector('[data-events]')?.getAttribute('data-events') === '0',
      );
      await page.getByRole('tab', { name: 'Configure' }).click();
      const slider = page.getByRole('slider', { name: 'L2 TTL', exact: true });
      await slider.focus();
      await slider.press('Home');
      // Nothing had run: the new TTL is part of the scenario (the link says so), not a change at 0 s.
      await page.waitForFunction(() => window.location.hash.startsWith('#s='), null, { timeout: 5000 });
      await page.getByText(/change the running simulation at once/).waitFor();
      await seek(page, 10_000);
      const after = await metric(page, 'L2 hit ratio');
      await shot(page, '05-l2-ttl');
      assert(before !== after, `L2 hit ratio stayed ${before}`);
    },
  );
  await page.context().close();

  await check('?preset=stampede opens that preset', async () => {
    const p = await openPage('?preset=stampede');
    await p.getByRole('heading', { name: new RegExp(STAMPEDE_TITLE) }).waitFor();
    await p.getByRole('button', { name: 'Play' }).click();
    await p.waitForTimeout(1500);
    await shot(p, '06-stampede');
    await p.getByRole('tab', { name: 'Charts' }).click();
    await p.waitForTimeout(600);
    await shot(p, '06b-stampede-charts');
    await p.getByRole('button', { name: /^Database/ }).click();
    await p.waitForTimeout(400);
    await shot(p, '06c-stampede-inspect-db');
    // Click where requests travel (between the app and Redis columns) until one is picked.
    await p.getByRole('button', { name: 'Pause' }).click();
    const app = await p.getByRole('button', { name: /^App 1\b/ }).boundingBox();
    const redis = await p.getByRole('button', { name: /^Redis shard 1/ }).boundingBox();
    let picked = false;
    for (let dy = 0; dy < 300 && !picked; dy += 6) {
      await p.mouse.click((app.x + app.width + redis.x) / 2, app.y + dy);
      picked =
        (await p.getByText(/^Request #\d+ is still travelling/).count()) > 0 ||
        (await p.getByRole('region', { name: /^Request \d+$/ }).count()) > 0;
    }
    assert(picked, 'clicking the travelling requests picked none');
    await p.getByRole('button', { name: 'Step' }).click();
    await p.getByRole('button', { name: 'Play' }).click();
    await p.waitForTimeout(300);
    await p.getByRole('button', { name: 'Pause' }).click();
    await shot(p, '06d-stampede-request');
    await p.context().close();
  });

  await check('a mangled #s= link shows a message and the baseline', async () => {
    const p = await openPage('#s=this-is-not-a-scenario');
    await p.getByRole('alert').filter({ hasText: 'could not be read' }).waitFor();
    await p.getByRole('heading', { name: new RegExp(BASELINE_TITLE) }).waitFor();
    await shot(p, '07-bad-link');
    await p.getByRole('button', { name: 'Dismiss message' }).click();
    assert((await p.getByRole('alert').count()) === 0, 'the message did not go away');
    await p.context().close();
  });

  await check('1024x768 in dark mode stays readable', async () => {
    const p = await openPage('?preset=hot-key', {
      viewport: { width: 1024, height: 768 },
      colorScheme: 'dark',
    });
    await p.getByRole('button', { name: 'Play' }).click();
    await p.waitForTimeout(1500);
    await shot(p, '08-dark-1024');
    await p.context().close();
  });
}
