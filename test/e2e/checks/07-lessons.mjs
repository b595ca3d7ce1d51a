/* global window, document, localStorage, getComputedStyle */
import { assert, check, inScheme, nowMs, openPage, resize, shot } from '../harness.mjs';
import { axeViolations, horizontalOverflow, textOverlaps } from '../pageChecks.mjs';

const STAMPEDE = 'The stampede and its four cures';

/** The open lesson step's counter, "Step 2 of 5". */
const stepCount = (page) => page.locator('.lesson-count').innerText();

async function waitForStep(page, n, total) {
  await page.locator('.lesson-count', { hasText: `Step ${n} of ${total}` }).waitFor();
}

/** The check's result panel once the engine's worker has answered. */
async function checkResult(page) {
  const result = page.locator('.check-result');
  await result.waitFor({ timeout: 30_000 });
  return result.innerText();
}

/** The presenter view's parts are all on screen and none covers another. */
async function assertFitsScreen(page, size) {
  const boxes = await page.evaluate(() =>
    [...document.querySelectorAll('.header, .controls, .stage, .metric, .lesson-panel')].map((el) => {
      const r = el.getBoundingClientRect();
      return { name: el.className, top: r.top, bottom: r.bottom, left: r.left, right: r.right };
    }),
  );
  const [w, h] = size.split('x').map(Number);
  const off = boxes.filter((b) => b.bottom > h + 1 || b.right > w + 1).map((b) => b.name);
  assert(off.length === 0, `at ${size} these run off the screen: ${off.join(', ')}`);
  const overlaps = [];
  boxes.forEach((a, i) =>
    boxes.slice(i + 1).forEach((b) => {
      const x = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const y = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (x > 1 && y > 1) overlaps.push(`${a.name} / ${b.name}`);
    }),
  );
  assert(overlaps.length === 0, `at ${size} these overlap: ${overlaps.join('; ')}`);
}

/** axe-core, overlapping text and sideways scrolling on what the page shows now. */
async function pageProblems(page, where) {
  const found = [
    ...(await axeViolations(page)),
    ...(await textOverlaps(page)),
    ...((await horizontalOverflow(page)) > 0 ? ['the page scrolls sideways'] : []),
  ];
  return found.map((f) => `${where}: ${f}`);
}

export default async function lessonChecks() {
  // The first three checks share a page, as one person would: the lessons dialog, closed; a lesson
  // started from it, its first step checked; then on to the next step and back.
  let home = null;
  await check('Lessons opens a dialog listing every lesson, with length and what it teaches', async () => {
    home = await openPage('');
    const p = home;
    await p.getByRole('button', { name: 'Lessons' }).click();
    const dialog = p.getByRole('dialog', { name: 'Lessons' });
    await dialog.waitFor();
    const items = await dialog.locator('.lesson-list li').count();
    assert(items >= 12, `${items} lessons listed`);
    const text = await dialog.innerText();
    assert(text.includes(STAMPEDE) && /\d+ min · \d+ steps/.test(text), 'titles or lengths missing');
    await shot(p, '30-lessons-dialog');
    await p.keyboard.press('Escape');
    assert((await p.getByRole('dialog').count()) === 0, 'Escape did not close the lessons');
  });

  await check('open a lesson, predict a number, check it against the engine', async () => {
    const p = home ?? (home = await openPage(''));
    await p.getByRole('button', { name: 'Lessons' }).click();
    await p.getByRole('button', { name: `Start lesson: ${STAMPEDE}` }).click();
    await waitForStep(p, 1, 5);
    await p.waitForFunction(() => window.location.search.includes('lesson=stampede&step=1'), null, {
      timeout: 5000,
    });
    const t = await nowMs(p);
    assert(t >= 3900 && t <= 4100, `the step opened at ${t} ms, not at 4 s`);
    await p.getByRole('spinbutton', { name: /Your guess/ }).fill('1');
    await shot(p, '31-lesson-step');
    await p.getByRole('button', { name: 'Check prediction' }).click();
    const result = await checkResult(p);
    assert(/You said 1\. Measured: \d+ database queries per expiry\./.test(result), result);
    // The stage moved to the end of the measured stretch.
    await p.waitForFunction(
      () => Number(document.querySelector('[data-now-ms]')?.getAttribute('data-now-ms')) >= 6900,
    );
    await shot(p, '32-lesson-checked');
    // The check ran in an engine worker of its own, beside the app's.
    assert(p.workers().length >= 2, `${p.workers().length} worker(s): the check did not get its own`);
    const address = await p.evaluate(() => window.location.search + window.location.hash);
    assert(address === '?lesson=stampede&step=1', `the address became ${address}`);
  });

  await check('Next and Back move between steps; a multiple-choice prediction', async () => {
    const p = home ?? (home = await openPage('?lesson=stampede&step=1'));
    await waitForStep(p, 1, 5);
    await p.getByRole('button', { name: 'Next', exact: true }).click();
    await waitForStep(p, 2, 5);
    await p.waitForFunction(() => window.location.search.includes('step=2'), null, { timeout: 5000 });
    await p.getByRole('radio', { name: 'Two to four' }).check();
    await p.getByRole('button', { name: 'Check prediction' }).click();
    const result = await checkResult(p);
    assert(result.includes('You said “Two to four”. Measured:'), result);
    assert(result.includes('That is right.'), `the coalescing answer was judged wrong: ${result}`);
    await shot(p, '33-lesson-choice');
    await p.getByRole('button', { name: 'Back', exact: true }).click();
    await waitForStep(p, 1, 5);
    assert((await p.locator('.check-result').count()) === 0, 'the last answer stayed on a new step');
  });
  await home?.context().close();

  await check('a bad lesson link says so, and the app stays usable', async () => {
    const p = await openPage('?lesson=stampeed');
    const notice = await p.getByRole('alert').innerText();
    assert(notice.includes('There is no lesson called "stampeed"'), notice);
    assert((await p.locator('.lesson-panel').count()) === 0, 'a lesson panel opened');
    await p.getByRole('button', { name: 'Lessons' }).click();
    await p.getByRole('dialog', { name: 'Lessons' }).waitFor();
    await p.context().close();

    const q = await openPage('?lesson=stampede&step=9');
    await waitForStep(q, 1, 5);
    const n = await q.getByRole('alert').innerText();
    assert(n.includes('has steps 1 to 5; "9" is not one of them'), n);
    await shot(q, '34-lesson-bad-step');
    await q.context().close();
  });

  await check('finished lessons are remembered; a corrupt store is ignored', async () => {
    const p = await openPage('?lesson=why-cache&step=3');
    await waitForStep(p, 3, 3);
    await p.getByRole('button', { name: 'Finish' }).click();
    assert((await p.locator('.lesson-panel').count()) === 0, 'Finish did not close the lesson');
    await p.getByRole('button', { name: 'Lessons' }).click();
    const item = p.locator('.lesson-list li', { hasText: 'Why cache at all' });
    assert((await item.innerText()).includes('Done'), 'the finished lesson is not marked done');
    await p.evaluate(() => localStorage.setItem('cachescope.lessons.v1', '{"done": [tru'));
    await p.reload();
    await p.getByRole('button', { name: 'Lessons' }).click();
    const again = await p.getByRole('dialog', { name: 'Lessons' }).innerText();
    assert(!again.includes('Done'), 'a corrupt store still shows lessons done');
    await p.context().close();
  });

  await check('presenter view at 1920x1080: big figures, the step as a caption, clicker keys', async () => {
    const p = await openPage('?lesson=stampede&step=1&present=1', {
      viewport: { width: 1920, height: 1080 },
    });
    await waitForStep(p, 1, 5);
    await p.locator('.app.presenting').waitFor();
    assert((await p.getByRole('complementary', { name: 'Details' }).count()) === 0, 'the sidebar is shown');
    const sizes = await p
      .locator('.metric dd')
      .evaluateAll((els) => els.map((el) => parseFloat(getComputedStyle(el).fontSize)));
    assert(sizes.length >= 4 && Math.min(...sizes) >= 32, `figure font sizes ${sizes.join(', ')} px`);
    await shot(p, '35-present-1920');
    await p.keyboard.press('PageDown');
    await waitForStep(p, 2, 5);
    await p.keyboard.press('ArrowRight');
    await waitForStep(p, 3, 5);
    await p.keyboard.press('PageUp');
    await waitForStep(p, 2, 5);
    assert((await stepCount(p)).includes('Step 2 of 5'), 'PageUp did not go back');
    await p.getByRole('radio', { name: 'Two to four' }).check();
    await p.getByRole('button', { name: 'Check prediction' }).click();
    await checkResult(p);
    await assertFitsScreen(p, '1920x1080');
    await shot(p, '36-present-1920-checked');
    await p.keyboard.press('Escape');
    await p.getByRole('complementary', { name: 'Details' }).waitFor();
    await p.waitForFunction(() => !window.location.search.includes('present'), null, { timeout: 5000 });
    await p.context().close();
  });

  // Two pages for both colour schemes, switched in place (the theme is CSS on prefers-color-scheme, so
  // the page draws the other scheme as a fresh load in it would): a checked lesson step with the
  // lessons dialog over it, and a presenter page with its step checked once, read at each projector
  // size in turn (a resize lays the page out again, as a fresh load at that size would).
  let step = null;
  let presenter = null;
  for (const colorScheme of ['light', 'dark']) {
    await check(
      `the lessons dialog, a checked step and the presenter view pass the page checks (${colorScheme})`,
      async () => {
        const found = [];
        if (step === null) {
          step = await openPage('?lesson=cdn-leak&step=2', { colorScheme });
          await waitForStep(step, 2, 4);
          await step.getByRole('radio').first().check();
          await step.getByRole('button', { name: 'Check prediction' }).click();
          await checkResult(step);
        } else {
          // The dialog the last scheme's check left open closes; the checked step shows again.
          await step.keyboard.press('Escape');
          await step.getByRole('dialog', { name: 'Lessons' }).waitFor({ state: 'detached' });
          await step.locator('.check-result').waitFor();
          await inScheme(step, colorScheme);
        }
        found.push(...(await pageProblems(step, 'step')));
        await step.getByRole('button', { name: 'Lessons' }).click();
        await step.getByRole('dialog', { name: 'Lessons' }).waitFor();
        found.push(...(await pageProblems(step, 'dialog')));
        if (presenter === null) {
          presenter = await openPage('?lesson=stampede&step=3&present=1', {
            viewport: { width: 1920, height: 1080 },
            colorScheme,
          });
          await waitForStep(presenter, 3, 5);
          await presenter.getByRole('radio').first().check();
          await presenter.getByRole('button', { name: 'Check prediction' }).click();
          await checkResult(presenter);
        } else await inScheme(presenter, colorScheme);
        for (const [width, height] of [
          [1920, 1080],
          [1280, 720],
        ]) {
          await resize(presenter, width, height);
          found.push(...(await pageProblems(presenter, `presenter ${width}x${height}`)));
        }
        assert(found.length === 0, found.join('; '));
      },
    );
  }
  await step?.context().close();
  await presenter?.context().close();

  await check('presenter view at 1280x720 keeps every figure and the caption on screen', async () => {
    const p = await openPage('?lesson=hot-keys&step=2&present=1');
    await waitForStep(p, 2, 3);
    await p.getByRole('radio').first().check();
    await p.getByRole('button', { name: 'Check prediction' }).click();
    await checkResult(p);
    await assertFitsScreen(p, '1280x720');
    await shot(p, '37-present-1280');
    await p.context().close();
  });
}
