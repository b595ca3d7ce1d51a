/* global document, requestAnimationFrame */
import { assert, check, nowMs, openPage, shot } from '../harness.mjs';

export default async function presets() {
  await check('every preset loads and plays (screenshot of each)', async () => {
    const p = await openPage('');
    const ids = await p.locator('#preset-select option').evaluateAll((os) => os.map((o) => o.value));
    assert(ids.length >= 5, `only ${ids.length} presets in the picker`);
    for (const id of ids) {
      await p.getByRole('combobox', { name: 'Preset' }).selectOption(id);
      // The preset is on screen once the bar asks to start it (its clock at 0, nothing jumped to yet);
      // the jump is done once the bar says what it found and no seek is under way.
      await p.locator('.stage-status .start').waitFor();
      await p.getByRole('button', { name: 'Next notable event' }).click();
      await p.locator('.stage-status .found').waitFor();
      await p.waitForFunction(() => !document.querySelector('.clock-seeking'));
      const from = await nowMs(p);
      await p.getByRole('button', { name: 'Play' }).click();
      await p.getByRole('button', { name: 'Pause' }).waitFor();
      // It plays: the clock runs on 300 simulated ms (particles in flight for the screenshot), or to the
      // run's end. The page pauses itself in the frame the clock gets there, instead of the check asking
      // (two more round trips, each a few frames of a playing stage).
      const at = await p.evaluate(
        (t) =>
          new Promise((resolve) => {
            const tick = () => {
              const now = Number(document.querySelector('[data-now-ms]')?.getAttribute('data-now-ms'));
              const pause = document.querySelector('button[aria-label="Pause"]');
              if (now >= t + 300 || !pause) {
                pause?.click();
                resolve(now);
              } else requestAnimationFrame(tick);
            };
            tick();
          }),
        from,
      );
      assert(at > from, `${id}: the clock did not move when played`);
      await shot(p, `preset-${id}`);
    }
    await p.context().close();
  });
}
