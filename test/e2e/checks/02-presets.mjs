/* global document */
import { assert, check, nowMs, openPage, shot } from '../harness.mjs';

export default async function presets() {
  await check('every preset loads and plays (screenshot of each)', async () => {
    const p = await openPage('');
    const ids = await p.locator('#preset-select option').evaluateAll((os) => os.map((o) => o.value));
    assert(ids.length >= 5, `only ${ids.length} presets in the picker`);
    for (const id of ids) {
      await p.getByRole('combobox', { name: 'Preset' }).selectOption(id);
      await p.getByRole('button', { name: 'Next notable event' }).click();
      await p.waitForFunction(() => !document.querySelector('.clock-seeking'));
      const from = await nowMs(p);
      await p.getByRole('button', { name: 'Play' }).click();
      const pause = p.getByRole('button', { name: 'Pause' });
      await pause.waitFor();
      // It plays: the clock runs on 300 simulated ms (particles in flight for the screenshot), or to the
      // run's end, instead of a fixed 700 ms of wall time that asserted nothing.
      await p.waitForFunction(
        (t) =>
          Number(document.querySelector('[data-now-ms]')?.getAttribute('data-now-ms')) >= t + 300 ||
          !document.querySelector('button[aria-label="Pause"]'),
        from,
      );
      assert((await nowMs(p)) > from, `${id}: the clock did not move when played`);
      if (await pause.isVisible()) await pause.click();
      await shot(p, `preset-${id}`);
    }
    await p.context().close();
  });
}
