/* global DataTransfer, File */
import { Buffer } from 'node:buffer';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { assert, check, openPage, out, problems, shot } from '../harness.mjs';
import { axeViolations, horizontalOverflow, SIZES, textOverlaps } from '../pageChecks.mjs';

// Open trace, as a person would: pick a file, watch it read, read the card and the curves; a bad file
// names its line; a cut-off file says so; Cancel stops a long read; a file dropped on the page opens;
// the dialog reads at every screen size and passes axe-core.

const dir = join(out, 'traces');

/** A plain CSV trace of `n` requests over `keys` keys, popular keys first (1/rank weights), sizes 100-4099. */
function csvTrace(n, keys) {
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const weights = Array.from({ length: keys }, (_, r) => 1 / (r + 1));
  const total = weights.reduce((a, b) => a + b, 0);
  const cdf = [];
  let sum = 0;
  for (const w of weights) cdf.push((sum += w / total));
  const lines = ['time_ms,key,size,op'];
  for (let i = 0; i < n; i++) {
    const u = random();
    let lo = 0;
    let hi = keys - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid] >= u) hi = mid;
      else lo = mid + 1;
    }
    lines.push(`${i * 5},user:${lo},${100 + ((lo * 7919) % 4000)},${i % 10 === 0 ? 'set' : 'get'}`);
  }
  return lines.join('\n') + '\n';
}

/** oracleGeneral records: `n` requests cycling over `keys` ids. */
function oracleTrace(n, keys) {
  const buf = Buffer.alloc(n * 24);
  for (let i = 0; i < n; i++) {
    buf.writeUInt32LE(Math.floor(i / 1000), i * 24);
    buf.writeUInt32LE(((i * 2654435761) % keys) >>> 0, i * 24 + 4);
    buf.writeUInt32LE(4096, i * 24 + 12);
    buf.writeBigInt64LE(-1n, i * 24 + 16);
  }
  return buf;
}

const openDialog = async (page) => {
  await page.getByRole('button', { name: 'Open trace' }).click();
  const dialog = page.getByRole('dialog', { name: 'Open a cache trace' });
  await dialog.waitFor();
  return dialog;
};

export default async function trace() {
  await mkdir(dir, { recursive: true });
  const good = join(dir, 'zipf.csv');
  await writeFile(good, csvTrace(50_000, 5_000));
  const bad = join(dir, 'bad.csv');
  await writeFile(bad, 'time_ms,key,size\n1,a,10\n2,b,ten\n');
  const cut = join(dir, 'cut.oracleGeneral.bin');
  await writeFile(cut, oracleTrace(1000, 100).subarray(0, 24 * 500 + 7));
  const long = join(dir, 'long.oracleGeneral.bin');
  await writeFile(long, oracleTrace(4_000_000, 500_000));

  const page = await openPage('');
  await check('Open trace reads a picked file in the browser and shows the card and the curves', async () => {
    const dialog = await openDialog(page);
    await dialog.getByText('never uploaded').waitFor();
    await dialog.locator('input[type=file]').setInputFiles(good);
    await dialog
      .getByRole('figure', { name: /Miss ratio by requests against cache size/ })
      .waitFor({ timeout: 120_000 });
    const text = await dialog.innerText();
    for (const expected of [
      'zipf.csv',
      'plain CSV',
      'Requests',
      '50,000',
      'One-hit wonders',
      'Zipf exponent',
      'Reuse distance',
      'LRU (exact)',
      'Belady',
    ]) {
      assert(text.includes(expected), `the dialog does not say "${expected}"`);
    }
    assert(
      /10 % \/ 90 %|90 % \/ 10 %|Reads \/ writes \/ deletes\s*90 %/.test(text),
      'the read/write mix is not 90 % / 10 %',
    );
    await dialog.getByRole('radio', { name: 'bytes' }).check();
    await dialog.getByRole('figure', { name: /Miss ratio by bytes/ }).waitFor();
    await shot(page, '09-trace-1280');
  });

  await check(
    'the trace dialog reads at every screen size, in both themes, and passes axe-core',
    async () => {
      for (const [width, height] of SIZES) {
        await page.setViewportSize({ width, height });
        await page.waitForTimeout(150);
        const overflow = await horizontalOverflow(page);
        assert(overflow <= 0, `${width}x${height}: the page scrolls sideways by ${overflow} px`);
        const overlaps = await textOverlaps(page);
        assert(
          overlaps.length === 0,
          `${width}x${height}: overlapping text: ${overlaps.slice(0, 3).join('; ')}`,
        );
        await shot(page, `09-trace-${width}`);
      }
      await page.setViewportSize({ width: 1280, height: 720 });
      const violations = await axeViolations(page);
      assert(violations.length === 0, violations.join('; '));
      await page.emulateMedia({ colorScheme: 'dark' });
      const dark = await axeViolations(page);
      await shot(page, '09-trace-dark');
      await page.emulateMedia({ colorScheme: 'light' });
      assert(dark.length === 0, `dark: ${dark.join('; ')}`);
    },
  );

  await check('a bad line is named; a cut-off file is read up to where it stops and says so', async () => {
    const dialog = page.getByRole('dialog', { name: 'Open a cache trace' });
    await dialog.locator('input[type=file]').setInputFiles(bad);
    const alert = dialog.getByRole('alert');
    await alert.waitFor();
    const message = await alert.innerText();
    assert(message.includes('line 3 (byte 24): size "ten" is not a whole number of bytes'), message);
    await dialog.locator('input[type=file]').setInputFiles(cut);
    await dialog.getByText('The file is cut short').waitFor({ timeout: 60_000 });
    const text = await dialog.innerText();
    assert(
      text.includes('7 bytes into record 501') && text.includes('500 whole records'),
      'no truncation note',
    );
    await shot(page, '09-trace-cut');
  });

  await check('Cancel stops a long read and keeps the page responsive', async () => {
    const dialog = page.getByRole('dialog', { name: 'Open a cache trace' });
    await dialog.locator('input[type=file]').setInputFiles(long);
    await dialog.getByRole('progressbar').waitFor();
    await shot(page, '09-trace-progress');
    // The page answers while the worker reads: the theme toggle under the dialog is not needed, the
    // dialog's own select responds.
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.getByText('Cancelled: nothing was kept.').waitFor();
    assert((await dialog.getByRole('progressbar').count()) === 0, 'the progress bar is still there');
    await dialog.getByRole('button', { name: 'Close' }).click();
  });

  await check('a file dropped on the page opens the trace dialog and reads it', async () => {
    const data = await page.evaluateHandle(() => {
      const dt = new DataTransfer();
      dt.items.add(new File(['time_ms,key\n1,a\n2,b\n3,a\n'], 'dropped.csv', { type: 'text/csv' }));
      return dt;
    });
    await page.dispatchEvent('body', 'dragover', { dataTransfer: data });
    await page.dispatchEvent('body', 'drop', { dataTransfer: data });
    const dialog = page.getByRole('dialog', { name: 'Open a cache trace' });
    await dialog.getByText('dropped.csv').first().waitFor({ timeout: 60_000 });
    await dialog.getByRole('figure', { name: /Miss ratio by/ }).waitFor({ timeout: 60_000 });
    const text = await dialog.innerText();
    assert(text.includes('not in the trace (1 byte each)'), 'a trace without sizes is not said to have none');
    assert(problems.length === 0, problems.join('; '));
  });
}
