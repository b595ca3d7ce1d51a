/* global localStorage, WebSocket, location, URLSearchParams */
// The workshop room end to end: `npm run room` serving the app, a facilitator's page, phones joining
// by the QR code, answering, changing, reloading; a participant trying the facilitator's commands and
// sending garbage; Reveal, Next, the CSV, and End room.
import { readFile } from 'node:fs/promises';
import { assert, check, openPage, shot } from '../harness.mjs';
import { axeViolations, horizontalOverflow, textOverlaps } from '../pageChecks.mjs';
import { readQrCode, revealLegibility, startRoomServer } from '../roomServer.mjs';

const PHONE = { width: 360, height: 640 };
const LESSON = '?lesson=stampede&step=1';

/** The facilitator's live count of answers. */
const answers = (page) =>
  page.locator('.room-answers [data-answers]').getAttribute('data-answers').then(Number);
const waitForAnswers = (page, n) =>
  page.locator(`.room-answers [data-answers="${n}"]`).waitFor({ timeout: 20_000 });

async function phoneProblems(page, where) {
  const found = [
    ...(await axeViolations(page)),
    ...(await textOverlaps(page)),
    ...((await horizontalOverflow(page)) > 0 ? ['the page scrolls sideways'] : []),
  ];
  return found.map((f) => `${where}: ${f}`);
}

/**
 * A phone that joins with a name and answers a number; resolves once the room has the answer. With
 * `code`, it opens the short address (`?join`) and types the code, as someone who did not scan.
 */
async function joinAndAnswer(base, link, name, value, code = null) {
  const path = code ? '?join' : link.slice(base.length);
  const page = await openPage(path, { base, viewport: PHONE, waitForPlay: false });
  if (code) await page.getByRole('textbox', { name: 'Room code' }).fill(code);
  if (name) await page.getByRole('textbox', { name: /Your name/ }).fill(name);
  await page.getByRole('button', { name: 'Join' }).click();
  await page.getByRole('spinbutton', { name: /Your guess/ }).fill(String(value));
  await page.getByRole('button', { name: 'Send' }).click();
  await page.getByText(`Sent: ${value} queries.`).waitFor();
  return page;
}

/**
 * From a participant's page, a socket of its own speaking for the same participant (its token from
 * localStorage): what a tampered page could send. Returns the server's replies to each message.
 */
function tamper(page, messages) {
  return page.evaluate(async (msgs) => {
    const code = new URLSearchParams(location.search).get('join');
    const token = JSON.parse(localStorage.getItem(`cachescope.room.join.v1.${code}`));
    const ws = new WebSocket(new URL('room/ws', location.href).href.replace(/^http/, 'ws'));
    const replies = [];
    await new Promise((resolve) => (ws.onopen = resolve));
    const next = () => new Promise((resolve) => (ws.onmessage = (e) => resolve(JSON.parse(e.data))));
    ws.send(JSON.stringify({ type: 'join', v: 1, code, token }));
    await next(); // welcome
    await next(); // state
    for (const m of msgs) {
      const reply = next();
      ws.send(typeof m === 'string' ? m : JSON.stringify(m));
      replies.push(await reply);
    }
    ws.close();
    return replies;
  }, messages);
}

export default async function roomChecks() {
  await check('a page from a static host shows no room button', async () => {
    const p = await openPage(LESSON);
    await p.locator('.lesson-panel').waitFor();
    assert(
      (await p.getByRole('button', { name: 'Open room' }).count()) === 0,
      'Open room shown without a room server',
    );
    await p.context().close();
    const phone = await openPage('?join=K7QM3XRD', { viewport: PHONE, waitForPlay: false });
    await phone.getByText('This page was not served by a Cachescope room server').waitFor();
    await phone.context().close();
  });

  let server;
  try {
    server = await startRoomServer();
  } catch (e) {
    await check('npm run room starts and prints its address', () => Promise.reject(e));
    return;
  }
  const base = server.url;
  const pages = [];
  try {
    let host;
    let link;
    await check(
      'the facilitator opens a room: a code, and a QR code large enough that scans to the join link',
      async () => {
        host = await openPage(LESSON, { base });
        pages.push(host);
        await host.locator('.lesson-panel').waitFor();
        await host.getByRole('button', { name: 'Open room' }).click();
        const dialog = host.getByRole('dialog', { name: 'Join the room' });
        await dialog.waitFor();
        const code = (await dialog.locator('.room-big-code').innerText()).replace('-', '');
        assert(/^[2-9A-HJKMNP-Z]{8}$/.test(code), `code "${code}"`);
        const qr = dialog.getByRole('img', { name: /QR code/ });
        await qr.waitFor();
        const box = await qr.boundingBox();
        assert(box.width >= 500 && box.height >= 500, `QR code ${box.width}x${box.height} px at 1280x720`);
        link = await readQrCode(qr);
        assert(link === `${base}?join=${code}`, `the QR code reads "${link}"`);
        await shot(host, 'room-01-join-1280x720');
        await dialog.getByRole('button', { name: 'Start' }).click();
        assert((await answers(host)) === 0, 'answers before anyone joined');
        await shot(host, 'room-01b-bar-1280x720');
      },
    );

    let ann;
    let bob;
    let cy;
    await check('phones join by the link, answer, and the facilitator sees the answers rise', async () => {
      ann = await joinAndAnswer(base, link, 'Ann', 1);
      pages.push(ann);
      await waitForAnswers(host, 1);
      bob = await joinAndAnswer(base, link, '', 20);
      pages.push(bob);
      await waitForAnswers(host, 2);
      const typed = (await host.locator('.room-code').innerText()).replace('Room ', '').toLowerCase();
      cy = await joinAndAnswer(base, link, 'Cy <b>bold</b>', 400, typed);
      pages.push(cy);
      await waitForAnswers(host, 3);
      assert(
        (await cy.locator('h1').innerText()).includes('Cy <b>bold</b>'),
        'a name with markup is not shown as text',
      );
      await shot(ann, 'room-02-participant-sent-360x640');
      const found = await phoneProblems(ann, 'participant at 360x640');
      assert(found.length === 0, found.join('; '));
    });

    await check('a participant changes an answer: the count stays, the room keeps the new one', async () => {
      await bob.getByRole('spinbutton', { name: /Your guess/ }).fill('21');
      await bob.getByRole('button', { name: 'Send' }).click();
      await bob.getByText('Sent: 21 queries.').waitFor();
      assert((await answers(host)) === 3, 'a changed answer was counted twice');
    });

    await check(
      'a participant cannot give facilitator commands, and garbage gets a clear error',
      async () => {
        const replies = await tamper(ann, [
          { type: 'reveal', values: { dbQueriesPerExpiry: 1, p99Peak: 1 } },
          { type: 'step', at: { lessonId: 'stampede', step: 4 } },
          { type: 'end' },
          '{"type": "guess", "guess": ',
          { type: 'guess', guess: { value: 'lots' } },
        ]);
        const codes = replies.map((r) => `${r.type}:${r.code}`);
        assert(
          codes.join() ===
            'error:forbidden,error:forbidden,error:forbidden,error:bad-message,error:bad-message',
          `replies: ${codes.join(', ')}`,
        );
        assert(replies[0].message === 'Only the facilitator can reveal the answers.', replies[0].message);
        assert(replies[3].message === 'The message is not JSON.', replies[3].message);
        assert(
          (await host.locator('.room-figures').innerText()).includes('Answers open'),
          'the room changed',
        );
        assert(
          await ann.getByRole('spinbutton', { name: /Your guess/ }).isEnabled(),
          'the participant’s form closed',
        );
      },
    );

    await check(
      'both sides reload: the participant keeps identity and guess, the facilitator keeps the room',
      async () => {
        await ann.reload();
        await ann.getByText('Sent: 1 queries.').waitFor();
        assert((await ann.locator('h1').innerText()).includes('Ann'), 'the name was lost');
        assert(
          (await ann.getByRole('spinbutton', { name: /Your guess/ }).inputValue()) === '1',
          'the guess was lost',
        );
        const code = await host.locator('.room-code').innerText();
        await host.reload();
        await host.locator('.room-code', { hasText: code }).waitFor({ timeout: 20_000 });
        await waitForAnswers(host, 3);
        assert((await host.locator('.room-figures').innerText()).includes('3 joined'), 'participants lost');
      },
    );

    await check('closing the answers shows on the phones and stops changes', async () => {
      await host.getByRole('button', { name: 'Close answers' }).click();
      await cy.getByText('The answers are closed').waitFor();
      assert(!(await cy.getByRole('spinbutton', { name: /Your guess/ }).isEnabled()), 'still editable');
      await shot(cy, 'room-03-participant-closed-360x640');
      await host.getByRole('button', { name: 'Reopen answers' }).click();
      await cy.getByText('Sent: 400 queries.').waitFor();
    });

    await check(
      'Reveal runs the step in the engine and shows the spread beside the measured answer',
      async () => {
        await host.getByRole('button', { name: 'Reveal' }).click();
        const dialog = host.getByRole('dialog', { name: /how many queries/ });
        await dialog.waitFor({ timeout: 60_000 });
        const summary = await dialog.locator('.room-summary').innerText();
        const measured = /^Measured: (\d+) database queries per expiry\./.exec(summary);
        assert(measured, `summary "${summary}"`);
        const right = /(\d+) of 3 guesses were within tolerance/.exec(summary);
        assert(right, `summary "${summary}"`);
        assert((await dialog.getByRole('listitem').count()) >= 5, 'too few histogram bins');
        assert(await dialog.locator('.room-column.measured').isVisible(), 'no bin marks the measured answer');
        await shot(host, 'room-04-reveal-1280x720');
        const small = await revealLegibility(host, 'reveal at 1280x720');
        assert(small.length === 0, small.join('; '));
        // The phones see the same reveal, each with its own guess; their verdicts add up to the room's.
        let close = 0;
        for (const p of [ann, bob, cy]) {
          await p.locator('.participant-reveal').waitFor();
          assert((await p.locator('.room-summary').innerText()) === summary, 'a phone shows another reveal');
          assert(await p.locator('.room-marker.mine').isVisible(), 'own guess not marked');
          if ((await p.locator('.participant-verdict').innerText()).includes('close enough')) close++;
        }
        assert(close === Number(right[1]), `${close} phones say close enough, the room says ${right[1]}`);
        await shot(bob, 'room-05-participant-reveal-360x640');
        const found = await phoneProblems(bob, 'participant reveal at 360x640');
        assert(found.length === 0, found.join('; '));
        // The lesson's own check measures the same figure.
        await dialog.getByRole('button', { name: 'Back to the stage' }).click();
        await host.getByRole('spinbutton', { name: /Your guess/ }).fill('5');
        await host.getByRole('button', { name: 'Check prediction' }).click();
        const check = await host.locator('.check-result').innerText({ timeout: 60_000 });
        assert(check.includes(`Measured: ${measured[1]} database queries per expiry.`), check);
      },
    );

    await check('Next moves everyone to the next step; a choice is answered there', async () => {
      await host.getByRole('button', { name: 'Show answers' }).click();
      await host.getByRole('dialog').getByRole('button', { name: 'Next step' }).click();
      await host.locator('.lesson-count', { hasText: 'Step 2 of 5' }).waitFor();
      await ann.getByRole('radio', { name: 'Exactly one' }).waitFor();
      await ann.getByRole('radio', { name: 'Exactly one' }).check();
      await ann.getByRole('button', { name: 'Send' }).click();
      await ann.getByText('Sent: Exactly one.').waitFor();
      await waitForAnswers(host, 1);
      await shot(ann, 'room-06-participant-choice-360x640');
    });

    await check('the answers download as CSV: step, participant, guess, measured, right', async () => {
      const [dl] = await Promise.all([
        host.waitForEvent('download', { timeout: 30_000 }),
        host.getByRole('button', { name: 'Answers CSV' }).click(),
      ]);
      const text = await readFile(await dl.path(), 'utf8');
      const rows = text.trim().split(/\r?\n/);
      assert(rows[0] === '"step","participant","guess","measured","right"', rows[0]);
      assert(rows.length === 5, `${rows.length} rows`);
      assert(
        rows.some((r) => /^"stampede step 1","Ann","1","\d+","no"$/.test(r)),
        text,
      );
      assert(
        rows.some((r) => /^"stampede step 1","Participant 2","21","\d+","yes"$/.test(r)),
        text,
      );
      assert(
        rows.some((r) => r === '"stampede step 2","Ann","Exactly one","",""'),
        text,
      );
    });

    await check('the facilitator’s room bar fits a tablet and a phone', async () => {
      const found = [];
      for (const [width, height] of [
        [768, 1024],
        [360, 640],
      ]) {
        await host.setViewportSize({ width, height });
        if ((await horizontalOverflow(host)) > 0) found.push(`${width}x${height}: the page scrolls sideways`);
        found.push(...(await textOverlaps(host)).map((f) => `${width}x${height}: ${f}`));
        await shot(host, `room-07-bar-${width}x${height}`);
      }
      await host.setViewportSize({ width: 1280, height: 720 });
      assert(found.length === 0, found.join('; '));
    });

    await check('End room tells every phone, and the facilitator can open a new one', async () => {
      await host.getByRole('button', { name: 'End room' }).click();
      await host.getByRole('button', { name: 'End the room for everyone' }).click();
      await cy.getByText('The facilitator has ended the room').waitFor();
      await host.getByRole('button', { name: 'Open room' }).waitFor();
    });
  } finally {
    // Pages first: a page whose server vanished would log its reconnection attempts.
    for (const p of pages) await p.context().close();
    await server.stop();
  }
}
