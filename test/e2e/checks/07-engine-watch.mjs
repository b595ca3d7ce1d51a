/* global self, document */
import { assert, check, events, nowMs, openPage, setRange, shot } from '../harness.mjs';

// An engine worker that dies, hangs or fails on every message: the page says so in words and offers
// "Restart the engine", which brings back the same run (scenario, live changes, time: the same count of
// engine events at the same instant). The faults are made from outside, by evaluating code inside the
// worker through the browser's debugging protocol (Playwright's Worker.evaluate), so the app carries no
// hook for them. Nothing here waits a fixed time: each step waits for what the page shows, with
// deadlines well beyond the engine watch's own (10 s of silence).

/** What each fault does inside the engine's worker. */
const FAULTS = [
  ['closes itself', () => self.close()],
  // Spins from the next task, so that the evaluation itself returns.
  [
    'spins forever',
    () =>
      setTimeout(() => {
        for (;;);
      }, 0),
  ],
  [
    'throws on every message',
    () => {
      self.onmessage = () => {
        throw new Error('a fault the browser check put in the worker');
      };
    },
  ],
];

const WAIT = { timeout: 90_000 };

/**
 * The engine's worker now running: the newest the page started that no check has broken. The page's
 * list can still hold workers that are gone (Chromium reports the end of one terminated while spinning
 * late, and a page may list a worker it replaced at start), so the first one listed is not always live.
 */
async function engineWorker(page, broken) {
  const live = (w) => /engine\.worker/.test(w.url()) && !broken.has(w);
  const find = () => page.workers().filter(live).at(-1);
  if (!find()) await page.waitForEvent('worker', { predicate: live, ...WAIT });
  return find();
}

/** The run's position: simulated time, engine events, live changes listed. */
async function position(page) {
  const changes = await page.getByRole('region', { name: 'Live changes' }).getByRole('listitem').count();
  return { t: await nowMs(page), e: await events(page), changes };
}

export default async function engineWatch() {
  const p = await openPage('?preset=stampede');
  await check('a live change is made while the run plays, then it is paused', async () => {
    await p.getByRole('button', { name: 'Play' }).click();
    await p.waitForFunction(
      () => Number(document.querySelector('[data-now-ms]')?.getAttribute('data-now-ms')) > 2000,
      null,
      WAIT,
    );
    await p.getByRole('tab', { name: 'Configure' }).click();
    const slider = p.getByRole('slider', { name: 'L2 TTL', exact: true });
    await setRange(slider, Number(await slider.getAttribute('min')));
    await p
      .getByRole('region', { name: 'Live changes' })
      .getByText(/L2 TTL: 5 s →/)
      .waitFor(WAIT);
    await p.getByRole('button', { name: 'Pause' }).click();
  });

  const broken = new Set();
  for (const [name, fault] of FAULTS) {
    await check(
      `an engine worker that ${name} is said in words, and Restart the engine brings the run back`,
      async () => {
        // Play a little further each time, so each fault finds the run at a new time.
        await p.getByRole('button', { name: 'Play' }).click();
        const from = await nowMs(p);
        await p.waitForFunction(
          (t) => Number(document.querySelector('[data-now-ms]')?.getAttribute('data-now-ms')) > t + 1000,
          from,
          WAIT,
        );
        await p.getByRole('button', { name: 'Pause' }).click();
        await p.locator('button[aria-label="Play"]').waitFor(WAIT);
        const before = await position(p);
        assert(before.changes >= 1, 'the live change is not listed');
        const worker = await engineWorker(p, broken);
        broken.add(worker);
        await worker.evaluate(fault);
        const banner = p.getByRole('region', { name: 'Engine problem' });
        await banner.waitFor(WAIT);
        const said = await banner.getByRole('alert').innerText();
        assert(
          /has not answered|fails on everything/.test(said) && /Restart it/.test(said),
          `the banner says "${said}"`,
        );
        await shot(p, `24-engine-${name.split(' ')[0]}`);
        await banner.getByRole('button', { name: 'Restart the engine' }).click();
        // The banner stays, saying a new engine is on its way, until the run is back where it was.
        await banner.waitFor({ state: 'detached', ...WAIT });
        await p.waitForFunction(
          (b) =>
            Number(document.querySelector('[data-now-ms]')?.getAttribute('data-now-ms')) === b.t &&
            Number(document.querySelector('[data-events]')?.getAttribute('data-events')) === b.e,
          before,
          WAIT,
        );
        const after = await position(p);
        assert(
          JSON.stringify(after) === JSON.stringify(before),
          `before ${JSON.stringify(before)}, after ${JSON.stringify(after)}`,
        );
        assert(await p.locator('button[aria-label="Play"]').isVisible(), 'the run is not paused');
      },
    );
  }

  await check('after three restarts the run plays on', async () => {
    const from = await nowMs(p);
    await p.getByRole('button', { name: 'Play' }).click();
    await p.waitForFunction(
      (t) => Number(document.querySelector('[data-now-ms]')?.getAttribute('data-now-ms')) > t + 1000,
      from,
      WAIT,
    );
    await p.getByRole('button', { name: 'Pause' }).click();
  });
  await p.context().close();
}
