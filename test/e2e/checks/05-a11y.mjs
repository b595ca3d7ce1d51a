/* global document */
import { assert, check, inScheme, openPage, shot } from '../harness.mjs';
import { axeViolations } from '../pageChecks.mjs';

const TABS = ['About', 'Configure', 'Charts', 'Inspect', 'Sweep'];

export default async function accessibility() {
  // The app, then an embed, each one page read in both schemes, switched in place (the theme is CSS on
  // prefers-color-scheme, so the page then draws as a fresh load in that scheme would).
  let p = null;
  for (const colorScheme of ['light', 'dark']) {
    await check(`axe-core finds nothing moderate or worse on every tab (${colorScheme})`, async () => {
      if (p === null) {
        p = await openPage('?preset=write-behind-crash', { colorScheme });
        await p.getByRole('button', { name: 'Play' }).click();
        await p.waitForTimeout(700);
        await p.getByRole('button', { name: 'Pause' }).click();
      } else await inScheme(p, colorScheme);
      const found = [];
      for (const tab of TABS) {
        await p.getByRole('tab', { name: tab }).click();
        await p.getByRole('tabpanel').locator('h2').first().waitFor({ state: 'attached' });
        const db = p.getByRole('button', { name: /^Database/ });
        if (tab === 'Inspect' && (await db.getAttribute('aria-pressed')) !== 'true') await db.click();
        found.push(...(await axeViolations(p)).map((v) => `${tab}: ${v}`));
      }
      await shot(p, `a11y-${colorScheme}`);
      assert(found.length === 0, found.join('; '));
    });
  }
  await p?.context().close();

  let embed = null;
  for (const colorScheme of ['light', 'dark']) {
    await check(`axe-core finds nothing moderate or worse on the embed view (${colorScheme})`, async () => {
      if (embed === null) embed = await openPage('?preset=cdc-outage&embed=1', { colorScheme });
      else await inScheme(embed, colorScheme);
      const found = await axeViolations(embed);
      assert(found.length === 0, found.join('; '));
    });
  }
  await embed?.context().close();

  await check(
    'the tabs answer the arrow keys, and the Step shortcut leaves a focused tab alone',
    async () => {
      const p = await openPage('');
      await p.getByRole('tab', { name: 'About' }).focus();
      const events = await p.locator('[data-events]').getAttribute('data-events');
      await p.keyboard.press('ArrowRight');
      await p.getByRole('tab', { name: 'Configure', selected: true }).waitFor();
      assert(
        (await p.evaluate(() => document.activeElement?.textContent)) === 'Configure',
        'focus did not follow the selected tab',
      );
      assert(
        (await p.locator('[data-events]').getAttribute('data-events')) === events,
        'the arrow key also stepped the simulation',
      );
      await p.keyboard.press('End');
      await p.getByRole('tab', { name: 'Sweep', selected: true }).waitFor();
      await p.context().close();
    },
  );
}
