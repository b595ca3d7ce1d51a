/* global document, self */
import { assert, check, openPage, shot } from '../harness.mjs';
import { axeViolations, horizontalOverflow, textOverlaps } from '../pageChecks.mjs';

/** The Sweep tab of `path`, with the form set to `points` points of one seed over a short run. */
async function sweepForm(path, points, options = {}) {
  const p = await openPage(path, options);
  await p.getByRole('tab', { name: 'Sweep' }).click();
  const form = p.getByRole('form', { name: 'Sweep settings' });
  await form.getByLabel(/^Points/).fill(String(points));
  await form.getByLabel(/^Seeds/).fill('1');
  await form.getByLabel(/^Run length/).fill('20000');
  return { p, form };
}

export default async function sweep() {
  await check('a 5-point sweep of the L2 TTL reaches 100 % and draws its chart and table', async () => {
    const { p, form } = await sweepForm('?preset=baseline', 5, { viewport: { width: 1280, height: 720 } });
    const param = await form.getByLabel('Parameter').locator('option:checked').innerText();
    assert(param === 'L2 TTL', `the default parameter is ${param}`);
    await form.getByRole('button', { name: 'Run sweep' }).click();
    const bar = p.getByRole('progressbar', { name: 'Sweep progress' });
    // The click brings the progress into view: at 1280x720 it starts under the bottom of the panel.
    await p.waitForFunction(() => {
      const el = document.querySelector('progress[aria-label="Sweep progress"]');
      const panel = el?.closest('[role="tabpanel"]');
      if (!el || !panel) return false;
      const r = el.getBoundingClientRect();
      const box = panel.getBoundingClientRect();
      return r.top >= box.top && r.bottom <= Math.min(box.bottom, document.documentElement.clientHeight);
    });
    await p.waitForFunction(
      () =>
        document.querySelector('progress[aria-label="Sweep progress"]')?.getAttribute('aria-valuetext') ===
        '5 of 5 runs',
      null,
      { timeout: 120_000 },
    );
    assert((await bar.getAttribute('value')) === '5', 'the bar did not reach its maximum');
    const rows = p.getByRole('table').locator('tbody tr');
    assert((await rows.count()) === 5, `the table has ${await rows.count()} rows`);
    // The TTL trade-off, read from the table: a longer TTL, a higher hit ratio and fewer database reads.
    const cellsOf = async (tr) =>
      (await tr.locator('td').allInnerTexts()).map((t) => parseFloat(t.replace(/,/g, '')));
    const [hitLo, , readsLo] = await cellsOf(rows.first());
    const [hitHi, , readsHi] = await cellsOf(rows.last());
    assert(
      hitHi > hitLo && readsHi < readsLo,
      `hit ratio ${hitLo} -> ${hitHi}, DB reads ${readsLo} -> ${readsHi}`,
    );
    const paths = await p.locator('.sweep-results svg path').count();
    assert(paths > 0, 'no chart was drawn');
    const results = p.locator('.sweep-results');
    await results.scrollIntoViewIfNeeded();
    await shot(p, 'sweep-1280x720');
    for (const [w, h] of [
      [1920, 1080],
      [360, 640],
    ]) {
      await p.setViewportSize({ width: w, height: h });
      await results.scrollIntoViewIfNeeded();
      await shot(p, `sweep-${w}x${h}`);
      const overflow = await horizontalOverflow(p);
      assert(overflow === 0, `${w}x${h}: the page scrolls sideways by ${overflow} px`);
    }
    await p.setViewportSize({ width: 1280, height: 720 });
    const overlaps = await textOverlaps(p);
    assert(overlaps.length === 0, overlaps.join('; '));
    const found = await axeViolations(p);
    assert(found.length === 0, found.join('; '));
    // "Open" loads that point's scenario.
    await rows
      .first()
      .getByRole('button', { name: /^Open the run at L2 TTL/ })
      .click();
    // The point ran 20 s (the sweep's run length), where the preset runs 30 s.
    await p.waitForFunction(() => /\/\s*20 s/.test(document.querySelector('.controls')?.textContent ?? ''));
    await p.context().close();
  });

  await check('Cancel stops a long sweep before it finishes', async () => {
    const { p, form } = await sweepForm('?preset=baseline', 40);
    await form.getByLabel(/^Run length/).fill('60000');
    await form.getByRole('button', { name: 'Run sweep' }).click();
    await form.getByRole('button', { name: 'Cancel' }).click();
    await p.getByText(/runs \(cancelled\)/).waitFor();
    const text = await p.locator('.sweep-progress span').innerText();
    const done = Number(text.split(' / ')[0]);
    await p.waitForTimeout(1500);
    const later = await p.locator('.sweep-progress span').innerText();
    assert(done < 40 && later === text, `after Cancel: "${text}", then "${later}"`);
    await form.getByRole('button', { name: 'Run sweep' }).waitFor();
    await p.context().close();
  });

  await check('a sweep whose worker fails stops with the reason, and the next sweep runs', async () => {
    const { p, form } = await sweepForm('?preset=baseline', 40);
    await form.getByLabel(/^Run length/).fill('60000');
    const before = new Set(p.workers());
    const fresh = (w) => /engine\.worker/.test(w.url()) && !before.has(w);
    await form.getByRole('button', { name: 'Run sweep' }).click();
    if (!p.workers().some(fresh)) await p.waitForEvent('worker', { predicate: fresh, timeout: 60_000 });
    // The fault is put in from outside (as in 07-engine-watch): the worker throws on its next message,
    // the rest of its batch, and the browser reports the error to the page.
    const reason = 'a fault the browser check put in a sweep worker';
    await p
      .workers()
      .find(fresh)
      .evaluate((message) => {
        self.onmessage = () => {
          throw new Error(message);
        };
      }, reason);
    const alert = p.getByRole('alert').filter({ hasText: 'The sweep stopped' });
    await alert.waitFor({ timeout: 120_000 });
    const text = await alert.innerText();
    assert(text.includes(reason), `the sweep's alert reads "${text}"`);
    await p.getByText(/runs \(stopped by an error\)/).waitFor();
    // The failed worker is not kept: a new sweep runs to the end.
    await form.getByLabel(/^Points/).fill('3');
    await form.getByLabel(/^Run length/).fill('5000');
    await form.getByRole('button', { name: 'Run sweep' }).click();
    await p.getByText(/^3 \/ 3 runs/).waitFor({ timeout: 120_000 });
    await p.context().close();
  });
}
