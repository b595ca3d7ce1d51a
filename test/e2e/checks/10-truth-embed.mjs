/* global document, window */
import { assert, check, env, openPage, shot } from '../harness.mjs';

/**
 * A page on the app's own origin framing an embed (its own origin is heard without `origins=`),
 * recording every event the embed posts.
 */
async function framedEmbed(src) {
  const p = await openPage('__e2e/blank.html', { waitForPlay: false });
  await p.evaluate((url) => {
    window.__heard = [];
    window.addEventListener('message', (e) => {
      if (e.data?.source === 'cachescope') window.__heard.push(e.data);
    });
    const frame = document.createElement('iframe');
    frame.src = url;
    frame.width = '640';
    frame.height = '360';
    document.body.append(frame);
  }, src);
  await p.frameLocator('iframe').getByRole('button', { name: 'Play' }).waitFor();
  await p.waitForFunction(() => window.__heard.some((m) => m.type === 'ready'));
  /** Posts `command`, marking in the same task where the events after it start. */
  const send = (command) =>
    p.evaluate((c) => {
      window.__mark = window.__heard.length;
      document
        .querySelector('iframe')
        .contentWindow.postMessage({ source: 'cachescope', version: 1, ...c }, '*');
    }, command);
  const heard = () => p.evaluate(() => window.__heard);
  /** Sends `command`, waits `settleMs` and returns the events heard after it. */
  const answer = async (command, settleMs = 1200) => {
    await send(command);
    await p.waitForTimeout(settleMs);
    return p.evaluate(() => window.__heard.slice(window.__mark));
  };
  return { p, send, heard, answer };
}

const show = (events) => JSON.stringify(events.map((e) => ({ ...e, source: undefined, version: undefined })));

export default async function truthEmbed() {
  await check(
    'embed API: one command, one event (pause 3 of 3, seek, speed, setField, loadScenario)',
    async () => {
      const e = await framedEmbed(`${env.server.url}?preset=stampede&embed=1`);
      for (let i = 0; i < 3; i++) {
        const played = await e.answer({ type: 'play' }, 900);
        assert(played[0]?.type === 'state' && played[0].playing === true, `play ${i + 1}: ${show(played)}`);
        const heard = await e.answer({ type: 'pause' });
        // The page and a same-origin frame share one event loop: a state of the playing stream the
        // embed posted before it took the pause may be delivered after the pause was sent.
        const paused = heard.filter((m, j) => j > 0 || m.playing === false);
        assert(
          paused.length === 1 && paused[0].type === 'state' && paused[0].playing === false,
          `pause ${i + 1} was answered by ${show(heard)}`,
        );
        assert(heard.length === 1 || heard[0].tMs <= paused[0].tMs, `pause ${i + 1}: ${show(heard)}`);
      }
      const seeked = await e.answer({ type: 'seek', tMs: 12_000 });
      assert(seeked.length === 1 && seeked[0].tMs === 12_000, `seek: ${show(seeked)}`);
      const sped = await e.answer({ type: 'setSpeed', speed: 2 });
      assert(sped.length === 1 && sped[0].type === 'state' && sped[0].speed === 2, `setSpeed: ${show(sped)}`);
      const changed = await e.answer({ type: 'setField', path: 'cache.l2.ttlMs', value: 60_000 });
      assert(
        changed.length === 1 && changed[0].type === 'changed' && changed[0].path === 'cache.l2.ttlMs',
        `setField: ${show(changed)}`,
      );
      assert(changed[0].value === 60_000, `setField's value: ${show(changed)}`);
      const scenario = { version: 1, title: 'Loaded by the host', durationMs: 20_000 };
      const loaded = await e.answer({ type: 'loadScenario', scenario }, 2000);
      assert(
        loaded.length === 1 &&
          loaded[0].type === 'loaded' &&
          loaded[0].title === scenario.title &&
          loaded[0].durationMs === 20_000 &&
          loaded[0].tMs === 0,
        `loadScenario: ${show(loaded)}`,
      );
      // Every time an event carries is whole milliseconds, played stretches included.
      const times = (await e.heard()).filter((m) => 'tMs' in m).map((m) => m.tMs);
      assert(times.every(Number.isInteger), `tMs not whole: ${times.filter((t) => !Number.isInteger(t))}`);
      await shot(e.p, 'truth-embed-events');
      await e.p.context().close();
    },
  );
}
