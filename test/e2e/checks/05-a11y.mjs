/* global document */
import { assert, check, openPage, shot } from '../harness.mjs';
import { axeViolations } from '../pageChecks.mjs';

const TABS = ['About', 'Configure', 'Charts', 'Inspect'];

export default async function accessibility() {
  for (const colorScheme of ['light', 'dark']) {
    await check(`axe-core finds nothing moderate or worse on every tab (${colorScheme})`, async () => {
      const p = await openPage('?preset=write-behind-crash', { colorScheme });
      await p.getByRole('button', { name: 'Play' }).click();
      await p.waitForTimeout(700);
      await p.getByRole('button', { name: 'Pause' }).click();
      const found = [];
      for (const tab of TABS) {
        await p.getByRole('tab', { name: tab }).click();
        await p.getByRole('tabpanel').locator('h2').first().waitFor({ state: 'attached' });
        if (tab === 'Inspect') await p.getByRole('button', { name: /^Database/ }).click();
        found.push(...(await axeViolations(p)).map((v) => `${tab}: ${v}`));
      }
      await shot(p, `a11y-${colorScheme}`);
      await p.context().close();
      assert(found.length === 0, found.join('; '));
    });

    await check(`axe-core finds nothing moderate or worse on the embed view (${colorScheme})`, async () => {
      const p = await openPage('?preset=cdc-outage&embed=1', { colorScheme });
      const found = await axeViolations(p);
      await p.context().close();
      assert(found.length === 0, found.join('; '));
    });
  }

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
      await p.getByRole('tab', { name: 'Inspect', selected: true }).waitFor();
      await p.context().close();
    },
  );
}
