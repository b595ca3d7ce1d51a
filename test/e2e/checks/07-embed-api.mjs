/* global document, window */
import { join } from 'node:path';
import { assert, check, recordCspViolations, env, openPage, root, shot } from '../harness.mjs';
import { serveStatic } from '../server.mjs';

/** The newest lines of a demo log and its state line. */
const logOf = (page, name) => page.locator(`#log-${name} li`).allInnerTexts();
const waitForLog = (page, name, pattern) =>
  page.waitForFunction(
    ([n, source]) =>
      [...document.querySelectorAll(`#log-${n} li`)].some((li) => new RegExp(source).test(li.textContent)),
    [name, pattern.source],
    { timeout: 30_000 },
  );
const waitForState = (page, name, pattern) =>
  page.waitForFunction(
    ([n, source]) => new RegExp(source).test(document.getElementById(`state-${n}`)?.textContent ?? ''),
    [name, pattern.source],
    { timeout: 30_000 },
  );

/**
 * A page on another origin framing the embed at `src`, recording every message it receives and able to
 * post commands from its own origin (page.evaluate runs as the page).
 */
async function foreignHost(base, src) {
  const p = await openPage('__e2e/blank.html', { base, waitForPlay: false });
  await p.evaluate((url) => {
    window.__heard = [];
    window.addEventListener('message', (e) => window.__heard.push({ origin: e.origin, data: e.data }));
    const frame = document.createElement('iframe');
    frame.src = url;
    frame.width = '640';
    frame.height = '360';
    document.body.append(frame);
  }, src);
  const frame = p.frameLocator('iframe');
  await frame.getByRole('button', { name: 'Play' }).waitFor();
  const send = (command) =>
    p.evaluate(
      (c) =>
        document
          .querySelector('iframe')
          .contentWindow.postMessage({ source: 'cachescope', version: 1, ...c }, '*'),
      command,
    );
  const heard = () => p.evaluate(() => window.__heard);
  const embedData = () =>
    frame.locator('.app.embed').evaluate((el) => ({
      ignored: Number(el.dataset.ignoredMessages ?? 0),
      now: Number(document.querySelector('[data-now-ms]')?.dataset.nowMs),
    }));
  return { p, send, heard, embedData };
}

export default async function embedApi() {
  await check('demo page: the buttons drive both embeds, events come back, no CSP violation', async () => {
    const p = await openPage('embed-demo.html', { waitForPlay: false, initScripts: [recordCspViolations] });
    await waitForLog(p, 'stampede', /^ready: “Cache stampede/);
    await waitForLog(p, 'ttl', /^ready: “TTL too short/);
    const stampede = p.getByRole('group', { name: 'Drive the stampede simulation' });
    await stampede.getByRole('button', { name: /Jump to 4.8 s/ }).click();
    await waitForState(p, 'stampede', /^state: 4\.8 s, paused/);
    await stampede.getByRole('button', { name: 'Quarter speed' }).click();
    await waitForState(p, 'stampede', /0\.25x/);
    await stampede.getByRole('button', { name: 'Switch on the lock' }).click();
    await stampede.getByRole('button', { name: 'Play' }).click();
    await waitForState(p, 'stampede', /playing/);
    await stampede.getByRole('button', { name: 'Pause' }).click();
    await waitForState(p, 'stampede', /paused/);
    await stampede.getByRole('button', { name: 'Get the summary' }).click();
    await waitForLog(p, 'stampede', /^summary: \d+ requests/);
    const frame = p.frameLocator('#embed-stampede');
    const now = Number(await frame.locator('[data-now-ms]').getAttribute('data-now-ms'));
    assert(now >= 4800, `the embed's clock is at ${now} ms after a jump to 4800`);

    const ttl = p.getByRole('group', { name: 'Drive the TTL simulation' });
    await ttl.getByRole('button', { name: 'Send a bad value' }).click();
    await waitForLog(p, 'ttl', /^error: .*cache\.l2\.ttlMs/);
    await ttl.getByRole('button', { name: 'Load a scenario with no cache' }).click();
    await p
      .frameLocator('#embed-ttl')
      .getByRole('heading', { name: 'No cache: every read goes to the database' })
      .waitFor({ timeout: 30_000 });
    const errors = (await logOf(p, 'stampede')).filter((l) => l.startsWith('error'));
    assert(errors.length === 0, `the stampede embed answered errors: ${errors.join('; ')}`);
    await p.locator('#embed-stampede').scrollIntoViewIfNeeded();
    await shot(p, 'embed-demo-stampede');
    await p.locator('#log-ttl').scrollIntoViewIfNeeded();
    await shot(p, 'embed-demo-ttl');
    await p.screenshot({ path: join(root, 'test-results', 'embed-demo-full.png'), fullPage: true });
    const violations = [];
    for (const f of p.frames())
      violations.push(...((await f.evaluate(() => window.__csp).catch(() => [])) ?? []));
    assert(violations.length === 0, `CSP violations: ${violations.join('; ')}`);
    await p.context().close();
  });

  await check('demo page: an embed scrolled out of view pauses, and plays again when back', async () => {
    const p = await openPage('embed-demo.html', { waitForPlay: false });
    await waitForLog(p, 'stampede', /^ready/);
    await p.locator('#embed-stampede').scrollIntoViewIfNeeded();
    await p
      .getByRole('group', { name: 'Drive the stampede simulation' })
      .getByRole('button', { name: 'Play' })
      .click();
    await waitForState(p, 'stampede', /playing/);
    await p.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await waitForState(p, 'stampede', /paused/);
    // A frame already on its way may still land after the pause: allow it, but not a second of play.
    const clock = () =>
      p.frameLocator('#embed-stampede').locator('[data-now-ms]').getAttribute('data-now-ms');
    const pausedAt = Number(await clock());
    await p.waitForTimeout(1000);
    const later = Number(await clock());
    assert(later - pausedAt < 250, `out of view, the clock moved from ${pausedAt} to ${later} ms`);
    await p.locator('#embed-stampede').scrollIntoViewIfNeeded();
    await waitForState(p, 'stampede', /playing/);
    await p.context().close();
  });

  // A second server: the same build on another origin, as a page nobody listed would be.
  const other = await serveStatic(join(root, 'dist'), join(root, 'test', 'e2e', 'fixtures'));
  try {
    const app = env.server.url;

    await check(
      'an unlisted origin: its commands are ignored and counted, and it hears nothing',
      async () => {
        const host = await foreignHost(other.url, `${app}?preset=stampede&embed=1`);
        await host.send({ type: 'seek', tMs: 9000 });
        await host.send({ type: 'play' });
        await host.send({ type: 'getSummary' });
        await host.p.waitForTimeout(800);
        const seen = await host.embedData();
        assert(seen.ignored >= 3, `the embed counted ${seen.ignored} ignored messages, not 3`);
        assert(seen.now === 0, `the embed's clock moved to ${seen.now} ms`);
        const heard = (await host.heard()).filter((m) => m.data?.source === 'cachescope');
        assert(heard.length === 0, `the unlisted page heard ${heard.map((m) => m.data.type).join(', ')}`);
        await host.p.context().close();
      },
    );

    await check('a listed origin (origins=): its commands run and the events reach it alone', async () => {
      const src = `${app}?preset=stampede&embed=1&origins=${encodeURIComponent(other.origin)}`;
      const host = await foreignHost(other.url, src);
      await host.send({ type: 'hello' });
      await host.send({ type: 'seek', tMs: 9000 });
      await host.send({ type: 'setField', path: 'cache.l2.ttlMs', value: 'soon' });
      await host.send({ type: 'teleport' });
      await host.send({ type: 'getSummary' });
      await host.p.waitForFunction(() => window.__heard.some((m) => m.data?.type === 'summary'), null, {
        timeout: 30_000,
      });
      const heard = (await host.heard()).filter((m) => m.data?.source === 'cachescope');
      const types = heard.map((m) => m.data.type);
      assert(types.includes('ready'), `no ready event: ${types.join(', ')}`);
      assert(
        heard.some((m) => m.data.type === 'state' && m.data.tMs >= 9000),
        `no state event at 9000 ms: ${JSON.stringify(heard.filter((m) => m.data.type === 'state'))}`,
      );
      const errors = heard.filter((m) => m.data.type === 'error').map((m) => m.data.message);
      assert(
        errors.some((e) => e.includes('cache.l2.ttlMs')),
        `no error naming the field: ${errors.join('; ')}`,
      );
      assert(
        errors.some((e) => e.includes('teleport')),
        `no error naming the unknown type: ${errors.join('; ')}`,
      );
      assert(
        heard.every((m) => m.origin === env.server.origin),
        `an event came from ${heard.map((m) => m.origin).join(', ')}`,
      );
      const seen = await host.embedData();
      assert(seen.now >= 9000, `the embed's clock is at ${seen.now} ms after a seek to 9000`);
      await shot(host.p, 'embed-api-listed-origin');
      await host.p.context().close();
    });
  } finally {
    await other.close();
  }
}
