/* global document */
import lzString from 'lz-string';
import { assert, BASELINE_TITLE, check, openPage, shot } from '../harness.mjs';
import { axeViolations } from '../pageChecks.mjs';

const HEAVY_TITLE = 'A day at 50 000 requests a second';
const heavy = lzString.compressToEncodedURIComponent(
  JSON.stringify({ version: 1, title: HEAVY_TITLE, durationMs: 86_400_000, workload: { rps: 50_000 } }),
);

export default async function costGuard() {
  await check(
    'a scenario over the cost budget asks before it runs; Cancel keeps the app usable',
    async () => {
      const p = await openPage(`#s=${heavy}`);
      const dialog = p.getByRole('alertdialog', { name: 'This scenario is heavy to simulate' });
      await dialog.waitFor();
      const text = await dialog.innerText();
      assert(
        /About [\d.,]+ (billion|million) engine events/.test(text),
        `no estimate in: ${text.slice(0, 200)}`,
      );
      const violations = await axeViolations(p);
      assert(violations.length === 0, `axe: ${violations.map((v) => v.id).join(', ')}`);
      await shot(p, '16-cost-dialog');
      await p.keyboard.press('Escape');
      await p.getByRole('heading', { name: new RegExp(BASELINE_TITLE) }).waitFor();
      await p.getByRole('alert').filter({ hasText: 'was not run' }).waitFor();
      await p.getByRole('button', { name: 'Play' }).click();
      await p.getByRole('button', { name: 'Pause' }).waitFor();
      await p.context().close();
    },
  );

  await check('"Run it anyway" runs the heavy scenario', async () => {
    const p = await openPage(`#s=${heavy}`);
    await p.getByRole('button', { name: 'Run it anyway' }).click();
    await p.getByRole('heading', { name: new RegExp(HEAVY_TITLE) }).waitFor();
    await p.getByRole('button', { name: 'Play' }).click();
    await p.waitForFunction(
      () => Number(document.querySelector('[data-events]')?.getAttribute('data-events')) > 1000,
    );
    await p.context().close();
  });
}
