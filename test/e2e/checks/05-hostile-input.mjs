import lzString from 'lz-string';
import { assert, BASELINE_TITLE, check, metric, openPage, problems, seek, shot } from '../harness.mjs';

/** The notice's text once the app is up (it shows the baseline in place of the link's scenario). */
async function noticeOf(page) {
  const alert = page.getByRole('alert').filter({ hasText: 'could not be read' });
  await alert.waitFor();
  await page.getByRole('heading', { name: new RegExp(BASELINE_TITLE) }).waitFor();
  return alert.innerText();
}

export default async function hostileLinksAndOverload() {
  await check('a 1 MB #s= link is refused in one short line, and the app is usable', async () => {
    const p = await openPage(`#s=${'A'.repeat(1_000_000)}`);
    const text = await noticeOf(p);
    assert(text.includes('links up to 65536 are read'), `unexpected notice: ${text.slice(0, 200)}`);
    assert(text.length < 400, `the notice is ${text.length} characters long`);
    await p.getByRole('button', { name: 'Play' }).click();
    await p.getByRole('button', { name: 'Pause' }).waitFor();
    await p.context().close();
  });

  await check('a link with hostile fields gets a notice quoting at most 80 characters of each', async () => {
    // Written as text: JSON.stringify itself overflows the stack on a value this deep.
    const deep = `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`;
    const json = `{"version":1,"title":${deep},"":1,"${'k'.repeat(100_000)}":2,"seed":"${'x'.repeat(50_000)}"}`;
    const p = await openPage(`#s=${lzString.compressToEncodedURIComponent(json)}`);
    const text = await noticeOf(p);
    assert(!text.includes('[object Object]'), 'the notice says [object Object]');
    assert(text.includes('title: got {"a":{"a":'), `no preview of the deep title: ${text.slice(0, 300)}`);
    assert(/\(and \d+ more\)/.test(text), 'the notice does not count the problems it left out');
    assert(text.length < 800, `the notice is ${text.length} characters long`);
    await shot(p, '12-hostile-link');
    await p.context().close();
  });
  await withoutTheChecks();
  await retryStorm();
}

/** The scenario checks (the schema kit) are fetched on first use; a network that drops them. */
async function withoutTheChecks() {
  await check(
    'without the scenario checks, a link and a seed say why, and a reload keeps the link',
    async () => {
      const blocked = /\/assets\/schemaKit-[^/]*\.js$/;
      const before = problems.length;
      const json = JSON.stringify({ version: 1, title: 'Kept through a failed fetch' });
      const p = await openPage(`#s=${lzString.compressToEncodedURIComponent(json)}`, { blocked });
      const text = await noticeOf(p);
      assert(
        text.includes('scenario checks could not be loaded'),
        `unexpected notice: ${text.slice(0, 300)}`,
      );
      const seed = p.getByRole('textbox', { name: 'Seed' });
      await seed.fill('43');
      await seed.press('Enter');
      const error = await p.locator('#seed-error').innerText();
      assert(error.includes('The seed was not checked'), `the seed says: ${error}`);
      await p.getByRole('button', { name: 'Play' }).click();
      await p.getByRole('button', { name: 'Pause' }).waitFor();
      assert(p.url().includes('#s='), `the address lost the link: ${p.url().slice(0, 120)}`);
      // The page's fetches of the chunk were refused on purpose: not the app's errors.
      forgetRefused(before, /^console: Failed to load resource: net::ERR_FAILED$/);
      await p.context().unroute(blocked);
      await p.reload();
      await p.getByRole('heading', { name: /Kept through a failed fetch/ }).waitFor();
      await p.context().close();
    },
  );
}

/** Takes the refused fetches logged since `from` off the run's list of console errors (nothing else). */
function forgetRefused(from, pattern) {
  const kept = problems.slice(from).filter((line) => !pattern.test(line));
  problems.splice(from, problems.length - from, ...kept);
}

async function retryStorm() {
  await check('the retry storm shows its errors on the stage and in the metrics', async () => {
    const p = await openPage('?preset=retry-storm');
    await seek(p, 45_000);
    await p.getByRole('button', { name: 'Play' }).click();
    await p.waitForTimeout(1500);
    await p.getByRole('button', { name: 'Pause' }).click();
    const errors = Number((await metric(p, 'Errors')).replace(/[^\d]/g, ''));
    assert(errors > 1000, `only ${errors} errors 15 s into the storm`);
    await shot(p, '13-retry-storm');
    await p.getByRole('tab', { name: 'Charts' }).click();
    const chart = p.getByRole('figure', { name: /Errors, timeouts and retries per second/ });
    await chart.scrollIntoViewIfNeeded();
    await shot(p, '14-retry-storm-errors-chart');
    await p.context().close();
  });
}
