import lzString from 'lz-string';
import { assert, check, inScheme, openPage, seek, shot } from '../harness.mjs';

const { compressToEncodedURIComponent } = lzString;

/** The hot-key scenario (half of all reads on one key) with `shards` shards, as a `#s=` link. */
function hotKeyLink(shards) {
  const scenario = {
    version: 1,
    title: `Hot key on ${shards} shards`,
    seed: 42,
    durationMs: 20_000,
    workload: { rps: 4000, readRatio: 1, keys: 1000, zipf: 0, hotKey: { share: 0.5 } },
    topology: { instances: 4, redisShards: shards },
    cache: { strategy: 'cache-aside', l1: { enabled: false }, l2: { ttlMs: 60_000 } },
  };
  return `#s=${compressToEncodedURIComponent(JSON.stringify(scenario))}`;
}

/** True when two boxes overlap by more than a pixel's rounding. */
const overlaps = (a, b) =>
  a.x + a.width > b.x + 0.5 &&
  b.x + b.width > a.x + 0.5 &&
  a.y + a.height > b.y + 0.5 &&
  b.y + b.height > a.y + 0.5;

/**
 * The page of a scenario with `shards` shards at 5 s, as a fresh load shows it: loaded once per count
 * and kept; a later check gets it back in `colorScheme` (switched in place: the theme is CSS on
 * prefers-color-scheme), with no shard selected (a click on a selected one unselects it) and the
 * About tab shown.
 */
const pages = new Map();
async function shardsPage(shards, colorScheme) {
  let p = pages.get(shards);
  if (!p) {
    // An idle page still draws every frame: the last count's goes first.
    for (const other of pages.values()) await other.context().close();
    pages.clear();
    p = await openPage(hotKeyLink(shards), { colorScheme });
    // A fixed moment (seeking, not playing for a while), so the run shows the same state every time.
    await seek(p, 5000);
    pages.set(shards, p);
    return p;
  }
  const selected = p.locator('.shard-tile[aria-pressed="true"]');
  if ((await selected.count()) > 0) await selected.click();
  // Selecting opened the Inspect tab; a fresh load shows About.
  await p.getByRole('tab', { name: 'About' }).click();
  await inScheme(p, colorScheme);
  return p;
}

export default async function manyShards() {
  for (const [shards, colorScheme] of [
    [64, 'light'],
    [128, 'light'],
    [128, 'dark'],
  ]) {
    await check(
      `${shards} shards (${colorScheme}): tiles fit the stage at 1280x720, the hot one is named`,
      async () => {
        const p = await shardsPage(shards, colorScheme);
        await shot(p, `many-shards-${shards}-${colorScheme}`);

        const stage = await p.locator('.stage').boundingBox();
        const tiles = p.locator('.shard-tile');
        assert((await tiles.count()) === shards, `${await tiles.count()} tiles for ${shards} shards`);
        const boxes = await tiles.evaluateAll((els) =>
          els.map((el) => ({ ...el.getBoundingClientRect().toJSON(), name: el.getAttribute('aria-label') })),
        );
        boxes.forEach((b, i) => {
          assert(b.name.startsWith(`Redis shard ${i + 1},`), `tile ${i} is named "${b.name}"`);
          assert(b.width >= 16 && b.height >= 16, `tile ${i + 1} is ${b.width}x${b.height} px`);
          const inside =
            b.x >= stage.x &&
            b.y >= stage.y &&
            b.right <= stage.x + stage.width &&
            b.bottom <= stage.y + stage.height;
          assert(inside, `tile ${i + 1} leaves the stage`);
          const other = boxes.findIndex((o, j) => j > i && overlaps(b, o));
          assert(other < 0, `tiles ${i + 1} and ${other + 1} overlap`);
        });

        // One tile is hot, the caption names it as the busiest, and the hot key lives on it.
        const hot = p.locator('.shard-tile[data-hot="true"]');
        assert((await hot.count()) === 1, `${await hot.count()} hot tiles`);
        const hotName = await hot.getAttribute('aria-label');
        const number = /^Redis shard (\d+),/.exec(hotName)?.[1];
        const caption = await p.locator('.shard-tiles-caption').innerText();
        assert(caption.includes(`Busiest: Redis shard ${number}\n`), `caption "${caption}" for ${hotName}`);
        assert(
          /hot key TTL [\d.]+ s\s+on it/.test(caption),
          `caption "${caption}" does not place the hot key`,
        );
        const captionBox = await p.locator('.shard-tiles-caption').boundingBox();
        assert(captionBox.y + captionBox.height <= stage.y + stage.height, 'the caption leaves the stage');

        await hot.click();
        assert(
          (await hot.getAttribute('aria-pressed')) === 'true',
          'clicking the hot tile does not select it',
        );
      },
    );
  }

  await check('128 shards: the per-shard charts draw every bar, their labels apart', async () => {
    const p = await shardsPage(128, 'light');
    await p.getByRole('tab', { name: 'Charts' }).click();
    const chart = p.locator('figure', { hasText: 'Redis shard' }).first();
    await chart.scrollIntoViewIfNeeded();
    await shot(p, 'many-shards-128-charts');
    const bars = await chart.locator('rect.bar').count();
    assert(bars === 128, `${bars} bars`);
    const labels = await chart
      .locator('.axis-x text.tick')
      .evaluateAll((els) => els.map((el) => el.getBoundingClientRect().toJSON()));
    assert(labels.length > 1 && labels.length < 128, `${labels.length} shard labels`);
    labels.slice(1).forEach((b, i) => {
      assert(b.x >= labels[i].right, `shard labels ${i + 1} and ${i + 2} run into each other`);
    });
  });
  for (const p of pages.values()) await p.context().close();
  pages.clear();
}
