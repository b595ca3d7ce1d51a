import { assert, check, openPage, shot } from '../harness.mjs';

export default async function presets() {
  await check('every preset loads and plays (screenshot of each)', async () => {
    const p = await openPage('');
    const ids = await p.locator('#preset-select option').evaluateAll((os) => os.map((o) => o.value));
    assert(ids.length >= 5, `only ${ids.length} presets in the picker`);
    for (const id of ids) {
      await p.getByRole('combobox', { name: 'Preset' }).selectOption(id);
      await p.getByRole('button', { name: 'Next notable event' }).click();
      await p.getByRole('button', { name: 'Play' }).click();
      await p.waitForTimeout(700);
      await p.getByRole('button', { name: 'Pause' }).click();
      await shot(p, `preset-${id}`);
    }
    await p.context().close();
  });
}
