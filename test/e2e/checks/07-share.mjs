/* global document, navigator, HTMLTextAreaElement, HTMLInputElement */
import { assert, check, env, nowMs, openPage, seek, shot } from '../harness.mjs';

const dialogOf = (page) => page.getByRole('dialog', { name: 'Share' });

export default async function share() {
  let link = '';

  await check(
    'Share: a real dialog (focus in, Esc closes, focus back) whose Copy puts the link on the clipboard',
    async () => {
      const p = await openPage('?preset=stampede');
      await p
        .context()
        .grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.server.origin });
      await seek(p, 7000);
      // `]` steps to the next round speed: 1x to 2x.
      await p.locator('body').press(']');
      await p.locator('.speed-value', { hasText: /^2\s*x$/ }).waitFor();
      // Selecting a node opens Inspect: the tab is chosen after it.
      await p.getByRole('button', { name: /^Redis shard 2\b/ }).click();
      await p.getByRole('tab', { name: 'Charts' }).click();
      const share = p.getByRole('button', { name: 'Share' });
      await share.click();
      const dialog = dialogOf(p);
      await dialog.waitFor();
      const inside = await p.evaluate(() =>
        document.querySelector('[role="dialog"]')?.contains(document.activeElement),
      );
      assert(inside, 'focus did not move into the dialog');
      const what = await dialog.locator('.share-what').innerText();
      assert(
        /(6\.99|7(\.0)?) s/.test(what) && what.includes('2') && what.includes('Charts'),
        `it says: ${what}`,
      );
      assert(what.includes('Redis shard 2'), `it does not name the selected node: ${what}`);
      await dialog.getByRole('button', { name: 'Copy link' }).click();
      await dialog.getByText('Copied').waitFor();
      link = await p.evaluate(() => navigator.clipboard.readText());
      assert(
        link === (await dialog.getByLabel('Link', { exact: true }).inputValue()),
        'the clipboard holds another text',
      );
      const iframe = await dialog.getByLabel('Embed in a web page (iframe)').inputValue();
      for (const part of [
        '<iframe',
        'embed=1',
        'title="Cache stampede',
        'width="720"',
        'height="450"',
        'loading="lazy"',
      ]) {
        assert(iframe.includes(part), `the iframe snippet lacks ${part}: ${iframe}`);
      }
      const markdown = await dialog.getByLabel('Markdown link').inputValue();
      assert(markdown.startsWith('[Cache stampede') && markdown.endsWith(')'), `Markdown link: ${markdown}`);
      await shot(p, 'share-dialog');
      await p.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      assert(await share.evaluate((el) => el === document.activeElement), 'focus did not return to Share');
      await p.context().close();
    },
  );

  await check('Share: the copied link restores time, speed, tab and selection', async () => {
    assert(link !== '', 'no link was copied');
    const p = await openPage(link.slice(link.indexOf('?')));
    await p.waitForFunction(
      () => Number(document.querySelector('[data-now-ms]')?.dataset.nowMs) >= 6900,
      null,
      {
        timeout: 30_000,
      },
    );
    const t = await nowMs(p);
    assert(t >= 6900 && t <= 7100, `the link opened at ${t} ms, not 7000`);
    const speed = (await p.locator('.speed-value').innerText()).trim();
    assert(/^2\s*[x×]$/.test(speed), `the link opened at speed ${speed}`);
    const tab = await p.getByRole('tab', { name: 'Charts' }).getAttribute('aria-selected');
    assert(tab === 'true', 'the Charts tab is not open');
    const pressed = await p.getByRole('button', { name: /^Redis shard 2\b/ }).getAttribute('aria-pressed');
    assert(pressed === 'true', 'Redis shard 2 is not selected');
    await shot(p, 'share-link-opened');
    await p.context().close();
  });

  await check(
    'Share: when the clipboard is refused, the text is selected and the dialog says how to copy',
    async () => {
      const p = await openPage('?preset=baseline', {
        initScripts: [
          () => {
            navigator.clipboard.writeText = () => Promise.reject(new Error('refused'));
          },
        ],
      });
      await p.getByRole('button', { name: 'Share' }).click();
      const dialog = dialogOf(p);
      await dialog.getByRole('button', { name: 'Copy Markdown' }).click();
      const status = await dialog.locator('.copy-status.refused').innerText();
      assert(status.includes('Ctrl+C'), `the refusal says: ${status}`);
      const selected = await p.evaluate(() => {
        const el = document.activeElement;
        return el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement
          ? el.value.slice(el.selectionStart ?? 0, el.selectionEnd ?? 0)
          : '';
      });
      assert(selected.startsWith('[Baseline'), `the Markdown link is not selected: "${selected}"`);
      await shot(p, 'share-dialog-refused');
      await p.context().close();
    },
  );
}
