/* global document, window, DOMParser, Blob, atob, createImageBitmap */
import { spawnSync } from 'node:child_process';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { assert, check, env, inScheme, metric, nowMs, openPage, out, root, seek, shot } from '../harness.mjs';
import {
  axeViolations,
  clippedText,
  horizontalOverflow,
  showHeaderTools,
  textOverlaps,
} from '../pageChecks.mjs';

// Each export of the Export dialog and the Record toggle, downloaded as a person would and then read
// back: the JSON parses and holds the figures on screen, the CSV has the header and a row per sample
// (and equals the CLI's for the same run), the SVG parses as XML with the chart's marks and renders on
// a page without the app's CSS, the PNGs decode at the right size and are not blank, the WebM starts
// with the EBML magic and plays for a duration over 0.

const saved = join(out, 'exports');

/** Clicks and waits for the download it starts; the file is kept in test-results/exports/. */
async function download(page, click) {
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), click()]);
  const name = dl.suggestedFilename();
  const path = join(saved, name);
  await dl.saveAs(path);
  return { name, path, bytes: await readFile(path) };
}

/** A blank page (no app, no CSP) where downloaded files are decoded by the browser's own decoders. */
async function lab() {
  const context = await env.browser.newContext({ viewport: { width: 1300, height: 900 } });
  context.setDefaultTimeout(120_000);
  return context.newPage();
}

/** Decodes a PNG: its size, and how many distinct colours a grid of samples across it holds. */
const decodePng = (page, bytes) =>
  page.evaluate(async (b64) => {
    const data = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([data], { type: 'image/png' }));
    const canvas = document.createElement('canvas');
    canvas.width = bitmap.width;
    canvas.height = bitmap.height;
    const ctx = canvas.getContext('2d');
    ctx.drawImage(bitmap, 0, 0);
    const px = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
    const colours = new Set();
    let opaque = 0;
    let samples = 0;
    for (let i = 0; i < px.length; i += 4 * 7, samples++) {
      colours.add((px[i] << 16) | (px[i + 1] << 8) | px[i + 2]);
      if (px[i + 3] === 255) opaque++;
    }
    return { width: bitmap.width, height: bitmap.height, colours: colours.size, opaque, samples };
  }, bytes.toString('base64'));

const openExport = async (p) => {
  await showHeaderTools(p);
  await p.getByRole('button', { name: 'Export' }).click();
  const dialog = p.getByRole('dialog', { name: 'Export' });
  await dialog.waitFor();
  return dialog;
};

/** The CSV's rows, split on the CRLF the builder writes (no field here holds a line break). */
const csvRows = (text) =>
  text
    .trimEnd()
    .split('\r\n')
    .map((line) => line.slice(1, -1).split('","'));

export default async function exportChecks() {
  await mkdir(saved, { recursive: true });
  const p = await openPage('?preset=stampede');
  await seek(p, 12_000);
  let summary = null;
  let svgWidth = 0;

  await check(
    'Export is a keyboard-usable dialog: focus moves in, Tab stays in, Space does not play, Esc closes',
    async () => {
      const button = p.getByRole('button', { name: 'Export' });
      await button.focus();
      await p.keyboard.press('Enter');
      const dialog = p.getByRole('dialog', { name: 'Export' });
      await dialog.waitFor();
      const inside = () => p.evaluate(() => document.activeElement?.closest('[role="dialog"]') !== null);
      assert(await inside(), 'focus did not move into the dialog');
      for (let i = 0; i < 12; i++) {
        await p.keyboard.press('Tab');
        assert(await inside(), `Tab ${i + 1} left the dialog`);
      }
      const t = await nowMs(p);
      await p.getByRole('button', { name: 'Close' }).focus();
      await p.keyboard.press('Shift+Tab');
      await p.keyboard.press('Space');
      await p.waitForTimeout(300);
      assert((await nowMs(p)) === t, 'Space inside the dialog played the simulation');
      assert(await p.getByRole('button', { name: 'Play' }).isVisible(), 'the simulation is playing');
      await p.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      assert(await button.evaluate((b) => b === document.activeElement), 'focus did not return to Export');
    },
  );

  await check(
    'Summary (JSON): parses, is named after the preset and seed, and holds the figures shown',
    async () => {
      const dialog = await openExport(p);
      await shot(p, '20-export-dialog');
      const file = await download(p, () => dialog.getByRole('button', { name: 'Summary (JSON)' }).click());
      summary = JSON.parse(file.bytes.toString('utf8'));
      assert(file.name === `stampede-seed${summary.seed}-summary.json`, `file named ${file.name}`);
      await dialog.getByText(`Saved ${file.name}`).waitFor();
      const shownRequests = Number((await metric(p, 'Requests')).replace(/,/g, ''));
      assert(shownRequests === summary.requests, `screen ${shownRequests}, file ${summary.requests}`);
      const shownL2 = await metric(p, 'L2 hit ratio');
      const fileL2 = `${Math.round(summary.l2.hitRatio * 100)} %`;
      assert(shownL2 === fileL2, `L2 hit ratio on screen ${shownL2}, in the file ${fileL2}`);
      const last = summary.series.points.at(-1);
      assert(last && last.tMs <= (await nowMs(p)) && last.tMs > 10_000, `last sample at ${last?.tMs}`);
    },
  );

  await check('Time series (CSV): a header with the series fields and one row per sample', async () => {
    const dialog = p.getByRole('dialog', { name: 'Export' });
    const file = await download(p, () => dialog.getByRole('button', { name: 'Time series (CSV)' }).click());
    assert(file.name === `stampede-seed${summary.seed}-series.csv`, `file named ${file.name}`);
    const rows = csvRows(file.bytes.toString('utf8'));
    const fields = Object.entries(summary.series.points[0]).flatMap(([k, v]) =>
      Array.isArray(v) && k !== 'alerts' ? v.map((_, i) => `${k}.${i + 1}`) : [k],
    );
    assert(
      [...rows[0]].sort().join() === [...fields].sort().join(),
      `header ${rows[0].join()} is not ${fields.join()}`,
    );
    assert(
      rows.length === 1 + summary.series.points.length,
      `${rows.length - 1} rows for ${summary.series.points.length} samples`,
    );
    const req = rows[0].indexOf('requests');
    assert(
      rows.slice(1).every((r, i) => Number(r[req]) === summary.series.points[i].requests),
      'the requests column is not the series',
    );
  });

  await check(
    "Chart as SVG: parses as XML with the chart's marks and renders alone, without the app's CSS",
    async () => {
      const dialog = p.getByRole('dialog', { name: 'Export' });
      await dialog.getByRole('combobox', { name: 'Chart' }).selectOption({ label: 'Hit ratio per layer' });
      const preview = dialog.locator('.export-preview figure.chart');
      // The app's lines, and those it draws (a layer that is off has an empty path, there and in the file).
      const lines = await preview.locator('path.series').count();
      const drawn = await preview
        .locator('path.series')
        .evaluateAll((ps) => ps.filter((d) => (d.getAttribute('d') ?? '').length > 20).length);
      const thresholds = await preview.locator('[data-threshold]').count();
      const file = await download(p, () => dialog.getByRole('button', { name: 'Chart as SVG' }).click());
      assert(
        file.name === `stampede-seed${summary.seed}-chart-hit-ratio-per-layer.svg`,
        `file named ${file.name}`,
      );
      const page = await lab();
      const parsed = await page.evaluate((text) => {
        const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
        const svg = doc.documentElement;
        const paths = [...svg.querySelectorAll('path.series')];
        return {
          error: doc.querySelector('parsererror')?.textContent ?? null,
          root: svg.localName,
          ns: svg.namespaceURI,
          title: svg.querySelector('title')?.textContent,
          paths: paths.length,
          drawn: paths.filter((d) => (d.getAttribute('d') ?? '').length > 20 && d.getAttribute('stroke'))
            .length,
          unresolved: /var\(--/.test(text),
          thresholds: svg.querySelectorAll('[data-threshold] line').length,
          legend: [...svg.querySelectorAll('.legend text')].map((t) => t.textContent),
          width: Number(svg.getAttribute('width')),
        };
      }, file.bytes.toString('utf8'));
      assert(parsed.error === null, `XML error: ${parsed.error}`);
      assert(
        parsed.root === 'svg' && parsed.ns === 'http://www.w3.org/2000/svg',
        `root ${parsed.root} in ${parsed.ns}`,
      );
      assert(parsed.title === 'Hit ratio per layer', `title ${parsed.title}`);
      assert(
        drawn >= 1 && parsed.paths === lines && parsed.drawn === drawn,
        `${parsed.drawn} of ${parsed.paths} lines drawn, ${drawn} of ${lines} in the app`,
      );
      assert(parsed.thresholds === thresholds, `${parsed.thresholds} alert lines, ${thresholds} in the app`);
      assert(
        parsed.legend.includes('L2') && parsed.legend.length >= lines,
        `legend ${parsed.legend.join(', ')}`,
      );
      assert(!parsed.unresolved, "the SVG still refers to the theme's CSS variables");
      // Rendered as an image on a bare page: the file alone, as a documentation page would show it.
      await page.setContent(
        `<body style="margin:0;background:#888"><img id="c" src="data:image/svg+xml;base64,${file.bytes.toString('base64')}"></body>`,
      );
      const size = await page.evaluate(async () => {
        const img = document.getElementById('c');
        await img.decode();
        return { w: img.naturalWidth, h: img.naturalHeight };
      });
      svgWidth = parsed.width;
      assert(size.w === svgWidth && svgWidth >= 600 && size.h > 250, `drawn at ${size.w}x${size.h}`);
      await page.locator('#c').screenshot({ path: join(out, '21-export-chart-svg.png') });
      await page.context().close();
    },
  );

  await check("Chart as PNG: decodes at twice the SVG's size and is not blank", async () => {
    const dialog = p.getByRole('dialog', { name: 'Export' });
    await dialog
      .getByRole('combobox', { name: 'Chart' })
      .selectOption({ label: 'Database connections in use' });
    const file = await download(p, () => dialog.getByRole('button', { name: 'Chart as PNG' }).click());
    assert(
      file.name === `stampede-seed${summary.seed}-chart-database-connections-in-use.png`,
      `file named ${file.name}`,
    );
    const page = await lab();
    const img = await decodePng(page, file.bytes);
    await page.context().close();
    assert(img.width === 2 * svgWidth && img.height > 500, `PNG is ${img.width}x${img.height}`);
    assert(img.opaque === img.samples, 'the PNG has transparent pixels: no ground under the chart');
    assert(img.colours >= 8, `only ${img.colours} colours: blank?`);
  });

  await check("Stage as PNG: the cards and the requests on one picture, twice the stage's size", async () => {
    await p.getByRole('dialog', { name: 'Export' }).getByRole('button', { name: 'Close' }).click();
    await p.getByRole('button', { name: 'Play' }).click();
    await p.waitForTimeout(1500);
    await p.getByRole('button', { name: 'Pause' }).click();
    const area = await p.locator('.stage-area').boundingBox();
    const dialog = await openExport(p);
    const file = await download(p, () => dialog.getByRole('button', { name: 'Stage as PNG' }).click());
    await dialog.getByRole('button', { name: 'Close' }).click();
    assert(file.name === `stampede-seed${summary.seed}-stage.png`, `file named ${file.name}`);
    const page = await lab();
    const img = await decodePng(page, file.bytes);
    await page.context().close();
    assert(
      img.width === Math.round(area.width * 2) && img.height === Math.round(area.height * 2),
      `PNG ${img.width}x${img.height}, stage ${area.width}x${area.height}`,
    );
    assert(img.opaque === img.samples, 'the stage PNG has transparent pixels');
    assert(img.colours >= 12, `only ${img.colours} colours: blank?`);
  });

  await check(
    'Record: a pressed toggle with a REC counter, and a WebM that plays for a duration > 0',
    async () => {
      const record = p.getByRole('button', { name: 'Record' });
      await p.getByRole('button', { name: 'Play' }).click();
      await record.click();
      await p.getByText(/REC 0:0\d \/ 1:00/).waitFor();
      assert((await record.getAttribute('aria-pressed')) === 'true', 'Record is not pressed while recording');
      await p.waitForTimeout(2500);
      await shot(p, '22-recording');
      const file = await download(p, () => record.click());
      await p.getByRole('button', { name: 'Pause' }).click();
      assert(file.name === `stampede-seed${summary.seed}-recording.webm`, `file named ${file.name}`);
      assert(
        file.bytes.subarray(0, 4).toString('hex') === '1a45dfa3',
        `starts with ${file.bytes.subarray(0, 4).toString('hex')}`,
      );
      assert((await record.getAttribute('aria-pressed')) === 'false', 'Record still pressed');
      assert((await p.getByText(/REC \d/).count()) === 0, 'the REC counter is still shown');
      const page = await lab();
      const video = await page.evaluate(async (b64) => {
        const data = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
        const v = document.createElement('video');
        v.muted = true;
        v.src = URL.createObjectURL(new Blob([data], { type: 'video/webm' }));
        await new Promise((resolve, reject) => {
          v.onloadeddata = resolve;
          v.onerror = () => reject(new Error(`video error ${v.error?.code}`));
        });
        return { duration: v.duration, width: v.videoWidth, height: v.videoHeight };
      }, file.bytes.toString('base64'));
      await page.context().close();
      const area = await p.locator('.stage-area').boundingBox();
      assert(Number.isFinite(video.duration) && video.duration > 1, `duration ${video.duration} s`);
      assert(
        Math.abs(video.width - area.width) <= 2 && Math.abs(video.height - area.height) <= 2,
        `video ${video.width}x${video.height}, stage ${area.width}x${area.height}`,
      );
    },
  );

  await check("the app's CSV of a whole run equals `npm run sim -- <preset> --csv`", async () => {
    await seek(p, 30_000);
    const dialog = await openExport(p);
    const file = await download(p, () => dialog.getByRole('button', { name: 'Time series (CSV)' }).click());
    await dialog.getByRole('button', { name: 'Close' }).click();
    const cli = spawnSync('node', ['--import', 'tsx', 'src/cli/sim.ts', 'stampede', '--csv'], {
      cwd: root,
      encoding: 'utf8',
    });
    assert(cli.status === 0, `sim exited ${cli.status}: ${cli.stderr}`);
    assert(file.bytes.toString('utf8') === cli.stdout, "the downloaded CSV differs from the CLI's");
  });
  await p.context().close();

  await check(
    'the Export dialog fits a phone: no sideways scroll, nothing cut off or overlapping',
    async () => {
      const phone = await openPage('?preset=stampede', { viewport: { width: 360, height: 640 } });
      await openExport(phone);
      await shot(phone, '23-export-phone');
      assert(!(await horizontalOverflow(phone)), 'the page scrolls sideways');
      const overlaps = await textOverlaps(phone);
      assert(overlaps.length === 0, `overlapping text: ${overlaps.join('; ')}`);
      const clipped = await clippedText(
        phone,
        '.export-dialog button, .export-dialog label, .export-dialog h3',
      );
      assert(clipped.length === 0, `cut-off text: ${clipped.join('; ')}`);
      await phone.context().close();
    },
  );

  await check(
    'axe-core finds nothing moderate or worse in the open Export dialog, in both themes',
    async () => {
      // One page, the dialog open, read in each scheme switched in place (the theme is CSS on
      // prefers-color-scheme, so the page then draws as a fresh load in that scheme would).
      const found = [];
      const page = await openPage('?preset=stampede', { colorScheme: 'light' });
      await seek(page, 5000);
      await openExport(page);
      for (const colorScheme of ['light', 'dark']) {
        await inScheme(page, colorScheme);
        found.push(...(await axeViolations(page)).map((v) => `${colorScheme}: ${v}`));
      }
      await page.context().close();
      assert(found.length === 0, found.join('; '));
    },
  );

  await check('where MediaRecorder is missing, Record says so and the rest still exports', async () => {
    const q = await openPage('?preset=stampede', { initScripts: [() => delete window.MediaRecorder] });
    await q.getByRole('button', { name: 'Record' }).click();
    await q
      .getByRole('alert')
      .getByText(/This browser has no MediaRecorder, so it cannot record video/)
      .waitFor();
    assert(
      (await q.getByRole('button', { name: 'Record' }).getAttribute('aria-pressed')) === 'false',
      'pressed',
    );
    const dialog = await openExport(q);
    const file = await download(q, () => dialog.getByRole('button', { name: 'Summary (JSON)' }).click());
    assert(JSON.parse(file.bytes.toString('utf8')).title, 'no summary');
    await q.context().close();
  });
}
