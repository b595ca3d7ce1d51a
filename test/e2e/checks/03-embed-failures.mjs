import { assert, check, nowMs, openPage, seek, shot } from '../harness.mjs';

export default async function embedAndFailures() {
  await check('embed=1 shows the stage and controls only', async () => {
    const p = await openPage('?preset=cdc-outage&embed=1');
    assert((await p.getByRole('complementary', { name: 'Details' }).count()) === 0, 'the sidebar is shown');
    assert((await p.getByRole('slider', { name: 'Timeline' }).count()) === 1, 'no timeline');
    await p.getByRole('button', { name: 'Play' }).click();
    await p.waitForTimeout(800);
    await shot(p, '09-embed');
    await p.context().close();
  });

  await check('injecting a Redis shard crash now takes a shard down at the current time', async () => {
    const p = await openPage('');
    await seek(p, 3000);
    await p.getByRole('tab', { name: 'Configure' }).click();
    await p.getByRole('button', { name: 'Inject now: Redis shard crash' }).click();
    await p
      .getByRole('button', { name: /^Redis shard \d.*DOWN/ })
      .first()
      .waitFor({ timeout: 5000 });
    const t = await nowMs(p);
    assert(t >= 3000 && t < 3100, `the clock moved to ${t} instead of staying near 3000`);
    await shot(p, '10-injected-crash');
    await p.context().close();
  });
}
