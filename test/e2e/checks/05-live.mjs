/* global window, document */
import { assert, check, env, events, nowMs, openPage, seek, setRange, shot } from '../harness.mjs';

/** The latest L2 hit ratio the hit-ratio chart reports (its accessible description), 0..1. */
async function latestL2(page) {
  const label = await page.getByRole('img', { name: /^Hit ratio per layer/ }).getAttribute('aria-label');
  const m = /L2 (\d+(?:\.\d+)?) %/.exec(label ?? '');
  assert(m, `no L2 figure in "${label}"`);
  return Number(m[1]) / 100;
}

const ttlShown = (page) =>
  page.getByRole('slider', { name: 'L2 TTL', exact: true }).getAttribute('aria-valuetext');

export default async function live() {
  const p = await openPage('?preset=stampede');
  let changedAt = 0;
  await check(
    'dragging the L2 TTL slider while playing changes the run at once, without a restart',
    async () => {
      await p.getByRole('button', { name: 'Play' }).click();
      await p.waitForFunction(
        () => Number(document.querySelector('[data-now-ms]')?.getAttribute('data-now-ms')) > 2500,
      );
      await p.getByRole('tab', { name: 'Charts' }).click();
      await p.getByRole('img', { name: /^Hit ratio per layer/ }).waitFor();
      const before = await latestL2(p);
      await p.getByRole('tab', { name: 'Configure' }).click();
      const slider = p.getByRole('slider', { name: 'L2 TTL', exact: true });
      const start = Number(await slider.inputValue());
      const min = Number(await slider.getAttribute('min'));
      changedAt = await nowMs(p);
      let last = changedAt;
      for (let i = 1; i <= 12; i++) {
        await setRange(slider, start - ((start - min) * i) / 12);
        await p.waitForTimeout(30);
        const t = await nowMs(p);
        assert(t >= last, `the clock went back from ${last} to ${t} during the drag`);
        last = t;
      }
      const list = p.getByRole('region', { name: 'Live changes' });
      await list.getByText(/L2 TTL: 5 s →/).waitFor();
      await shot(p, '12-live-drag');
      // Entries cached before the change keep their 5 s expiry; after that the hot key stops hitting.
      await p.getByRole('tab', { name: 'Charts' }).click();
      await p.waitForFunction(
        (t) => Number(document.querySelector('[data-now-ms]')?.getAttribute('data-now-ms')) > t + 7000,
        changedAt,
        { timeout: 60_000 },
      );
      const after = await latestL2(p);
      assert((await nowMs(p)) > changedAt, 'the clock went back to the start');
      assert(after < before - 0.3, `L2 hit ratio went from ${before} to ${after}`);
      const markers = await p.locator('[data-change-marker]').count();
      assert(markers >= 5, `${markers} change markers on the time charts`);
      await p.getByRole('button', { name: 'Pause' }).click();
      await shot(p, '13-live-charts');
    },
  );

  await check('seeking back before a change and forward across it replays it exactly', async () => {
    const t = changedAt + 5000;
    await seek(p, t);
    const first = await events(p);
    await p.getByRole('tab', { name: 'Configure' }).click();
    const after = await ttlShown(p);
    await seek(p, Math.max(500, changedAt - 1000));
    assert((await ttlShown(p)) === '5 s', `before the change the panel shows ${await ttlShown(p)}`);
    await p.getByText('(ahead)').first().waitFor();
    await seek(p, t);
    assert(
      (await events(p)) === first,
      `${first} events at ${t} ms, then ${await events(p)} after seeking back`,
    );
    assert(
      (await ttlShown(p)) === after,
      `after the change the panel shows ${await ttlShown(p)}, not ${after}`,
    );
    await shot(p, '14-live-seek');
  });

  await check('the link carries the changes, and undo removes the last one without a restart', async () => {
    await p.waitForFunction(() => window.location.hash.startsWith('#s='), null, { timeout: 5000 });
    const link = await p.evaluate(() => window.location.href);
    const q = await openPage(link.slice(env.server.url.length));
    await q.getByRole('tab', { name: 'Configure' }).click();
    await q
      .getByRole('region', { name: 'Live changes' })
      .getByText(/L2 TTL: 5 s →/)
      .waitFor();
    await q.context().close();
    const t = await nowMs(p);
    await p.getByRole('button', { name: 'Undo last change' }).click();
    await p.getByText(/change the running simulation at once/).waitFor();
    assert((await ttlShown(p)) === '5 s', `after undo the panel shows ${await ttlShown(p)}`);
    assert((await nowMs(p)) === t, `undo moved the clock from ${t} to ${await nowMs(p)}`);
    assert((await p.locator('[data-change-marker]').count()) === 0, 'a change marker is left after undo');
    await shot(p, '15-live-undo');
  });
  await p.context().close();
}
