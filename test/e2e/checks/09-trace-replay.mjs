/* global document, location */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  assert,
  canvasPixels,
  check,
  metric,
  nowMs,
  openPage,
  out,
  problems,
  seek,
  shot,
} from '../harness.mjs';

// Replay in the app: open a small trace, "Replay this trace" on the stage, see the header name it, the
// run play and seek on the trace's clock, the request count be the trace's; Share says the links carry
// no trace; a reloaded page asks for the trace again rather than swapping workloads silently.

const dir = join(out, 'traces');

/** 3 000 requests over 15 s, 300 keys, a write in ten. */
function csvTrace() {
  const lines = ['time_ms,key,size,op'];
  for (let i = 0; i < 3000; i++) {
    const key = (i * 7919) % 300;
    lines.push(`${i * 5},user:${key},${200 + (key % 50)},${i % 10 === 0 ? 'set' : 'get'}`);
  }
  return lines.join('\n') + '\n';
}

export default async function traceReplay() {
  await mkdir(dir, { recursive: true });
  const file = join(dir, 'replay-day.csv');
  await writeFile(file, csvTrace());
  const page = await openPage('');

  await check('Replay this trace: the stage plays the trace, and the header names it', async () => {
    await page.getByRole('button', { name: 'Open trace' }).click();
    const dialog = page.getByRole('dialog', { name: 'Open a cache trace' });
    await dialog.locator('input[type=file]').setInputFiles(file);
    await dialog.getByRole('button', { name: 'Replay this trace' }).waitFor({ timeout: 120_000 });
    const scale = dialog.getByRole('spinbutton', { name: 'Time scale' });
    assert(
      (await scale.inputValue()) === '1',
      `a 15 s trace should play at scale 1, not ${await scale.inputValue()}`,
    );
    await scale.fill('2');
    await dialog.getByText('play in 8 s').waitFor();
    await shot(page, '09r-dialog');
    await dialog.getByRole('button', { name: 'Replay this trace' }).click();
    await dialog.waitFor({ state: 'detached' });
    const header = await page.locator('header h1').innerText();
    assert(header.includes('replaying replay-day.csv (time ×2)'), `the header says "${header}"`);
    // The About tab says what runs: the trace, its requests and time scale, not the base's description.
    const about = await page.locator('section.about p').first().innerText();
    assert(
      about.startsWith('Replaying the trace replay-day.csv: 3,000 requests') && about.includes('(time ×2)'),
      `the About tab says "${about}"`,
    );
    await page.getByRole('button', { name: 'Play' }).click();
    await page.waitForFunction(() => Number(document.querySelector('[data-now-ms]')?.dataset.nowMs) > 1500);
    const a = await canvasPixels(page);
    await page.waitForTimeout(250);
    const b = await canvasPixels(page);
    assert(a !== b, 'the canvas did not move while the trace played');
    await shot(page, '09r-playing');
    await page.getByRole('button', { name: 'Pause' }).click();
    // The run is the trace's: 8 s long at scale 2, and every one of its 3 000 requests made by the end.
    await seek(page, 8000);
    const requests = (await metric(page, 'Requests')).replace(/[^0-9]/g, '');
    assert(requests === '3000', `the run made ${requests} requests, not the trace's 3000`);
    await seek(page, 2000);
    assert((await nowMs(page)) <= 2100, 'seeking back did not go back');
    await shot(page, '09r-seeked');
  });

  await check('Share says the links carry no trace; the header names it at a phone width', async () => {
    await page.getByRole('button', { name: 'Share' }).click();
    const share = page.getByRole('dialog', { name: 'Share' });
    const note = share.getByRole('note');
    await note.waitFor();
    const text = await note.innerText();
    assert(text.includes('“replay-day.csv” is not in these links'), `the Share note says "${text}"`);
    await shot(page, '09r-share');
    await share.getByRole('button', { name: 'Close Share' }).click();
    await page.setViewportSize({ width: 360, height: 640 });
    await page.waitForTimeout(200);
    await shot(page, '09r-360');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.waitForTimeout(200);
    await shot(page, '09r-1920');
    await page.setViewportSize({ width: 1280, height: 720 });
  });

  await check(
    'a reloaded page asks for the trace again and says it runs its generated workload',
    async () => {
      await page.waitForFunction(() => location.hash.startsWith('#s='));
      await page.reload();
      await page.getByRole('button', { name: /^(Play|Pause)$/ }).waitFor();
      const notice = page.getByText('replays the trace "replay-day.csv", which this page does not have');
      await notice.waitFor();
      const text = await notice.innerText();
      assert(text.includes('open it again'), `the notice says "${text}"`);
      const header = await page.locator('header h1').innerText();
      assert(!header.includes('replaying'), `the header still names a trace: "${header}"`);
      assert(problems.length === 0, problems.join('; '));
    },
  );
}
