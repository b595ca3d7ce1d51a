// The room when the network goes: phones and the facilitator reach the room server through a relay
// that the check cuts (every connection dropped, new ones refused) and then restores, as a venue's
// Wi-Fi does. Everyone comes back by themselves, as the same people, with nothing lost.
import { assert, check, openPage, problems, shot } from '../harness.mjs';
import { cuttableRelay, startRoomServer } from '../roomServer.mjs';

const PHONE = { width: 360, height: 640 };

/**
 * The browser logs each reconnection refused while a relay is cut: those lines are this check's
 * doing, not the app's, so they are taken off the run's list of console errors (nothing else is).
 */
function forgetRefusedReconnections(relays) {
  const ours = relays.map((r) => `WebSocket connection to '${r.url.replace('http:', 'ws:')}room/ws' failed`);
  const kept = problems.filter((p) => !ours.some((o) => p.startsWith(`console: ${o}`)));
  problems.splice(0, problems.length, ...kept);
}

export default async function roomNetworkChecks() {
  const server = await startRoomServer();
  const phones = await cuttableRelay(server.url);
  const laptop = await cuttableRelay(server.url);
  const pages = [];
  try {
    await check(
      'phones and the facilitator that lose the network come back as themselves, answers kept',
      async () => {
        const host = await openPage('?lesson=stampede&step=1', { base: laptop.url });
        pages.push(host);
        await host.getByRole('button', { name: 'Open room' }).click();
        const join = host.getByRole('dialog', { name: 'Join the room' });
        const code = (await join.locator('.room-big-code').innerText()).replace('-', '');
        await join.getByRole('button', { name: 'Start' }).click();

        const people = [];
        for (const [name, value] of [
          ['Dee', 7],
          ['Eve', 30],
        ]) {
          const p = await openPage(`?join=${code}`, {
            base: phones.url,
            viewport: PHONE,
            waitForPlay: false,
          });
          pages.push(p);
          await p.getByRole('textbox', { name: /Your name/ }).fill(name);
          await p.getByRole('button', { name: 'Join' }).click();
          await p.getByRole('spinbutton', { name: /Your guess/ }).fill(String(value));
          await p.getByRole('button', { name: 'Send' }).click();
          await p.getByText(`Sent: ${value} queries.`).waitFor();
          people.push(p);
        }
        const [dee, eve] = people;
        await host.locator('.room-answers [data-answers="2"]').waitFor();

        // The phones' network goes: each says so, and a guess sent now is not lost in silence.
        phones.cut();
        await dee.getByText('Reconnecting… your answers are kept').waitFor();
        await host.getByText('2 joined, 0 online').waitFor();
        await shot(dee, 'room-20-participant-reconnecting-360x640');
        await dee.getByRole('spinbutton', { name: /Your guess/ }).fill('8');
        await dee.getByRole('button', { name: 'Send' }).click();
        await dee.getByText('Not connected just now: your guess was not sent.').waitFor();

        // Back: the same two people, their answers kept; Dee sends the change again.
        phones.restore();
        await dee.getByText('Connected').waitFor({ timeout: 30_000 });
        await eve.getByText('Connected').waitFor({ timeout: 30_000 });
        await host.getByText('2 joined ·').waitFor({ timeout: 30_000 });
        assert((await dee.locator('h1').innerText()).includes('Dee'), 'Dee came back as someone else');
        await eve.getByText('Sent: 30 queries.').waitFor();
        await dee.getByRole('button', { name: 'Send' }).click();
        await dee.getByText('Sent: 8 queries.').waitFor();

        // The facilitator's network goes: answers keep arriving, and the count catches up on return.
        laptop.cut();
        await host.getByText('reconnecting to the room server').waitFor();
        await eve.getByRole('spinbutton', { name: /Your guess/ }).fill('31');
        await eve.getByRole('button', { name: 'Send' }).click();
        await eve.getByText('Sent: 31 queries.').waitFor();
        const late = await openPage(`?join=${code}`, {
          base: phones.url,
          viewport: PHONE,
          waitForPlay: false,
        });
        pages.push(late);
        await late.getByRole('button', { name: 'Join' }).click();
        await late.getByRole('spinbutton', { name: /Your guess/ }).fill('23');
        await late.getByRole('button', { name: 'Send' }).click();
        await late.getByText('Sent: 23 queries.').waitFor();
        laptop.restore();
        await host.locator('.room-answers [data-answers="3"]').waitFor({ timeout: 30_000 });
        const figures = await host.locator('.room-figures').innerText();
        assert(figures.includes('3 joined') && !figures.includes('reconnecting'), figures);

        // The reveal counts every answer, the one changed while the network was down included.
        await host.getByRole('button', { name: 'Reveal' }).click();
        const reveal = host.getByRole('dialog', { name: /how many queries/ });
        await reveal.waitFor({ timeout: 60_000 });
        const summary = await reveal.locator('.room-summary').innerText();
        assert(/ of 3 guesses/.test(summary), summary);
        await dee.locator('.participant-reveal').waitFor();
        const verdict = await dee.locator('.participant-verdict').innerText();
        assert(verdict.startsWith('You said 8 queries'), verdict);
      },
    );
  } finally {
    forgetRefusedReconnections([phones, laptop]);
    for (const p of pages) await p.context().close();
    await Promise.all([phones.close(), laptop.close()]);
    await server.stop();
  }
}
