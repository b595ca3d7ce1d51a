/* global document */
// The room in the presenter view, on a projector at 1920x1080 and 1280x720: the join dialog, the room
// bar beside the caption, and a reveal of a multiple-choice step, each on screen, legible and clean.
import { assert, check, openPage, shot } from '../harness.mjs';
import { axeViolations, textOverlaps } from '../pageChecks.mjs';
import { revealLegibility, startRoomServer } from '../roomServer.mjs';

/** The presenter view's parts and the room bar are all on screen, and none covers another. */
async function fitsScreen(page, size) {
  const boxes = await page.evaluate(() =>
    [...document.querySelectorAll('.header, .controls, .stage, .lesson-panel, .room-bar')].map((el) => {
      const r = el.getBoundingClientRect();
      return { name: el.className, top: r.top, bottom: r.bottom, left: r.left, right: r.right };
    }),
  );
  const problems = [];
  const [w, h] = size;
  for (const b of boxes)
    if (b.bottom > h + 1 || b.right > w + 1) problems.push(`${b.name} runs off the screen`);
  boxes.forEach((a, i) =>
    boxes.slice(i + 1).forEach((b) => {
      const x = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const y = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (x > 1 && y > 1) problems.push(`${a.name} / ${b.name} overlap`);
    }),
  );
  return problems;
}

async function viewProblems(page, where) {
  return [...(await axeViolations(page)), ...(await textOverlaps(page))].map((f) => `${where}: ${f}`);
}

export default async function roomPresenterChecks() {
  const server = await startRoomServer();
  const pages = [];
  try {
    await check(
      'in the presenter view, the room opens, fits the projector, and reveals a choice',
      async () => {
        const host = await openPage('?lesson=stampede&step=2&present=1', {
          base: server.url,
          viewport: { width: 1920, height: 1080 },
        });
        pages.push(host);
        await host.locator('.app.presenting .lesson-panel').waitFor();
        await host.getByRole('button', { name: 'Open room' }).click();
        const join = host.getByRole('dialog', { name: 'Join the room' });
        await join.getByRole('img', { name: /QR code/ }).waitFor();
        const qr = await join.getByRole('img', { name: /QR code/ }).boundingBox();
        assert(qr.width >= 800, `QR code ${qr.width} px wide at 1920x1080`);
        await shot(host, 'room-10-presenter-join-1920x1080');
        const problems = await viewProblems(host, 'join dialog');
        const code = (await join.locator('.room-big-code').innerText()).replace('-', '');
        await join.getByRole('button', { name: 'Start' }).click();

        const phone = await openPage(`?join=${code}`, {
          base: server.url,
          viewport: { width: 360, height: 640 },
          waitForPlay: false,
        });
        pages.push(phone);
        await phone.getByRole('button', { name: 'Join' }).click();
        await phone.getByRole('radio', { name: 'Two to four' }).check();
        await phone.getByRole('button', { name: 'Send' }).click();
        await host.locator('.room-answers [data-answers="1"]').waitFor();
        problems.push(...(await fitsScreen(host, [1920, 1080])), ...(await viewProblems(host, 'room bar')));
        await shot(host, 'room-11-presenter-bar-1920x1080');
        await host.setViewportSize({ width: 1280, height: 720 });
        problems.push(...(await fitsScreen(host, [1280, 720])));
        await shot(host, 'room-12-presenter-bar-1280x720');

        await host.getByRole('button', { name: 'Reveal' }).click();
        const reveal = host.getByRole('dialog', { name: 'How many queries per expiry now?' });
        await reveal.waitFor({ timeout: 60_000 });
        const measured = reveal.locator('.room-bars li.measured');
        assert((await measured.count()) === 1, 'one choice is marked measured');
        const summary = await reveal.locator('.room-summary').innerText();
        const right = (await measured.innerText()).includes('Two to four') ? 1 : 0;
        assert(summary.includes(`${right} of 1 guess picked the measured answer`), summary);
        await shot(host, 'room-13-presenter-reveal-1280x720');
        problems.push(...(await revealLegibility(host, 'reveal at 1280x720')));
        await host.setViewportSize({ width: 1920, height: 1080 });
        await shot(host, 'room-14-presenter-reveal-1920x1080');
        problems.push(...(await revealLegibility(host, 'reveal at 1920x1080')));
        problems.push(...(await viewProblems(host, 'reveal')));
        await phone.locator('.participant-reveal').waitFor();
        assert(
          await phone.locator('.room-bars li', { hasText: '● you' }).isVisible(),
          'own choice not marked',
        );
        await shot(phone, 'room-15-participant-choice-reveal-360x640');
        problems.push(...(await viewProblems(phone, 'participant reveal')));
        assert(problems.length === 0, problems.join('; '));
      },
    );
  } finally {
    for (const p of pages) await p.context().close();
    await server.stop();
  }
}
