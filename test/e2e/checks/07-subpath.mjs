/* global document */
import { join } from 'node:path';
import { assert, check, events, openPage, root, shot } from '../harness.mjs';
import { serveStatic } from '../server.mjs';

/** Where a documentation site might put the build; anything outside it is a 404 on this server. */
const PREFIX = '/docs/tools/cachescope/';

export default async function subPath() {
  const site = await serveStatic(join(root, 'dist'), null, { prefix: PREFIX });
  try {
    await check(
      `served from ${PREFIX}: the app, its worker, presets, Share links, an embed, the demo and a lesson`,
      async () => {
        const p = await openPage('?preset=stampede', { base: site.url });
        await p.getByRole('button', { name: 'Play' }).click();
        await p.waitForFunction(
          () => Number(document.querySelector('[data-events]')?.dataset.events) > 1000,
          null,
          {
            timeout: 30_000,
          },
        );
        await p.getByRole('button', { name: 'Pause' }).click();
        assert((await events(p)) > 1000, 'the engine did not run');
        await p.getByRole('combobox', { name: 'Preset' }).selectOption('ttl-too-short');
        await p
          .getByRole('heading', { name: /TTL too short/ })
          .first()
          .waitFor();
        await p.getByRole('button', { name: 'Share' }).click();
        const link = await p.getByLabel('Link', { exact: true }).inputValue();
        assert(link.startsWith(site.url), `the Share link leaves the sub-path: ${link}`);
        await p.keyboard.press('Escape');
        await shot(p, 'subpath-app');
        await p.context().close();

        const embed = await openPage(`${link.slice(link.indexOf('?'))}&embed=1`, {
          base: site.url,
          viewport: { width: 640, height: 360 },
        });
        await embed.getByRole('button', { name: 'Play' }).click();
        await embed.waitForFunction(
          () => Number(document.querySelector('[data-now-ms]')?.dataset.nowMs) > 0,
          null,
          {
            timeout: 30_000,
          },
        );
        const open = await embed.getByRole('link', { name: /Open in Cachescope/ }).getAttribute('href');
        assert(open?.startsWith(site.url), `Open in Cachescope leaves the sub-path: ${open}`);
        await embed.context().close();

        const demo = await openPage('embed-demo.html', { base: site.url, waitForPlay: false });
        await demo.locator('#log-stampede li', { hasText: /^ready/ }).waitFor({ timeout: 30_000 });
        await demo.locator('#log-ttl li', { hasText: /^ready/ }).waitFor({ timeout: 30_000 });
        await demo.context().close();

        // A lesson link: the lesson kit is a chunk of its own, and a check runs in a second worker.
        const lesson = await openPage('?lesson=stampede&step=2', { base: site.url });
        await lesson.locator('.lesson-count', { hasText: 'Step 2 of 5' }).waitFor({ timeout: 30_000 });
        await lesson.getByRole('radio', { name: 'Two to four' }).check();
        await lesson.getByRole('button', { name: 'Check prediction' }).click();
        const result = await lesson.locator('.check-result').innerText({ timeout: 60_000 });
        assert(result.includes('Measured:'), `the lesson check under the sub-path gave: ${result}`);
        await lesson.context().close();
        // The browser asks for /favicon.ico on its own; anything else missing is the build's fault.
        const missing = site.missing.filter((path) => path !== '/favicon.ico');
        assert(missing.length === 0, `asked for files outside the build: ${missing.join(', ')}`);
      },
    );
  } finally {
    await site.close();
  }
}
