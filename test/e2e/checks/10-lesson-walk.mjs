/* global document */
import { assert, check, openPage, shot } from '../harness.mjs';
import { stageOnFirstScreen } from '../pageChecks.mjs';

/**
 * Every step of every lesson, walked as a room would: answer, check, and read the screen. The number
 * an explanation (or the measured sentence) quotes for a figure must be the number the metrics strip
 * shows for it, in the window the strip names; every time chart shades that window. Numbers an
 * explanation writes itself ("in those 20 s") are settings and times, which test/lessons/curriculum
 * checks against the scenario.
 */

/** "Step 2 of 5" -> [2, 5]. */
async function stepOf(page) {
  const text = await page.locator('.lesson-count').innerText();
  const m = /Step (\d+) of (\d+)/.exec(text);
  assert(m, `no step counter in "${text}"`);
  return [Number(m[1]), Number(m[2])];
}

async function waitForStep(page, n) {
  await page.locator('.lesson-count', { hasText: new RegExp(`^Step ${n} of`) }).waitFor({ timeout: 20_000 });
}

/** Units a number question's answer must be written in, as the field beside the guess says. */
const UNITS = new Set(['s', 'ms', '%']);
/** A one followed by a plural ("1 keys", "1 database queries"); "1 ms" is a unit. */
const ONE_PLURAL = /(?<![\w.,])1 (?!ms\b)(database )?[a-z]+s\b/i;

/** Answers the open step's question and checks it; what the step panel and the strip then show. */
async function answerAndRead(page) {
  const radios = page.getByRole('radio');
  const unit = (await radios.count()) > 0 ? null : await page.locator('.prediction-unit').innerText();
  if (unit === null) await radios.first().check();
  else await page.getByRole('spinbutton', { name: /Your guess/ }).fill('1');
  await page.getByRole('button', { name: 'Check prediction' }).click();
  await page.locator('.check-result').waitFor({ timeout: 60_000 });
  await page.locator('.metrics-window').waitFor({ timeout: 5000 });
  return page.evaluate(() => {
    const text = (el) => el?.textContent?.trim() ?? '';
    const quoted = [...document.querySelectorAll('.check-result [data-figure]')].map((el) => ({
      id: el.getAttribute('data-figure'),
      value: text(el),
      measured: el.closest('.check-sentence') !== null,
    }));
    const strip = Object.fromEntries(
      [...document.querySelectorAll('.metrics-window [data-figure]')].map((el) => [
        el.getAttribute('data-figure'),
        text(el.querySelector('dd')),
      ]),
    );
    return {
      quoted,
      strip,
      span: text(document.querySelector('.metrics-window [data-window-span]')),
      result: text(document.querySelector('.check-result')),
      stripText: text(document.querySelector('.metrics-window')),
    };
  });
}

/** What is wrong with one checked step's screen, as sentences. */
function stepProblems(where, unit, seen) {
  const bad = [];
  const { quoted, strip, span, result, stripText } = seen;
  if (!/^\d+(\.\d)?-\d+(\.\d)? s$/.test(span)) bad.push(`${where}: the strip names no window ("${span}")`);
  if (!quoted.some((q) => q.measured)) bad.push(`${where}: the measured figure is not marked`);
  for (const q of quoted) {
    if (!(q.id in strip)) bad.push(`${where}: ${q.id} (${q.value}) is not on the strip`);
    else if (strip[q.id] !== q.value)
      bad.push(`${where}: ${q.id} reads ${q.value}, the strip ${strip[q.id]}`);
  }
  const measured = quoted.find((q) => q.measured);
  if (unit !== null && UNITS.has(unit) && measured && !measured.value.endsWith(` ${unit}`)) {
    bad.push(`${where}: asked in ${unit}, answered "${measured.value}"`);
  }
  for (const [name, text] of [
    ['answer', result],
    ['strip', stripText],
  ]) {
    if (ONE_PLURAL.test(text))
      bad.push(`${where}: a plural after 1 in the ${name}: "${ONE_PLURAL.exec(text)[0]}"`);
    if (/\d%/.test(text)) bad.push(`${where}: a percentage without its space in the ${name}`);
  }
  return bad;
}

/** Each time chart on the Charts tab shades the window and labels it as the strip does. */
async function chartProblems(page, where, span) {
  await page.getByRole('tab', { name: 'Charts' }).click();
  await page.locator('.charts-panel').waitFor({ timeout: 10_000 });
  // The charts draw after the panel mounts (their chunk and the series arrive a moment later).
  await page
    .waitForFunction(
      () =>
        document.querySelectorAll('.charts-panel .window-shade').length >= 6 &&
        document.querySelector('.charts-panel .chart-svg path.series') !== null,
      null,
      { timeout: 30_000 },
    )
    .catch(() => {});
  const shades = await page
    .locator('.charts-panel .window-shade')
    .evaluateAll((els) => els.map((el) => el.getAttribute('data-window')));
  const lines = await page.locator('.charts-panel .chart-svg path.series').count();
  const bad = [];
  if (shades.length < 6 || lines === 0) bad.push(`${where}: ${shades.length} time charts shade the window`);
  if (shades.some((s) => s !== span)) bad.push(`${where}: a chart shades ${shades.join(', ')}, not ${span}`);
  return bad;
}

export default async function lessonWalk() {
  await check('a mistyped lesson link offers the lesson it was probably meant to be', async () => {
    const p = await openPage('?lesson=stampeed');
    const notice = await p.getByRole('alert').innerText();
    assert(notice.includes('There is no lesson called "stampeed". Did you mean stampede?'), notice);
    await p.context().close();
  });

  await check(
    'starting a lesson takes focus into its panel; the preset picker names its scenario',
    async () => {
      const p = await openPage('');
      await p.getByRole('button', { name: 'Lessons' }).click();
      await p.getByRole('button', { name: 'Start lesson: Why cache at all' }).click();
      await waitForStep(p, 1);
      await p.waitForFunction(() => document.activeElement?.closest('.lesson-panel') !== null, null, {
        timeout: 5000,
      });
      const picked = await p
        .getByRole('combobox', { name: 'Preset' })
        .evaluate((el) => el.options[el.selectedIndex]?.textContent ?? '');
      const title = await p.locator('.header .scenario-title').innerText();
      assert(picked.startsWith('Lesson: '), `the preset picker says "${picked}"`);
      assert(title.includes(picked.slice('Lesson: '.length)), `picker "${picked}", title "${title}"`);
      await p.context().close();
    },
  );

  await check(
    'at 360x640 the lesson panel folds to its title and the stage starts by 260 px, 300 px of it shown',
    async () => {
      const p = await openPage('?lesson=stampede&step=1', { viewport: { width: 360, height: 640 } });
      await waitForStep(p, 1);
      // The stage, the point of the product, fills most of the first screen: it starts by 260 px and
      // at least 300 px of it show (the header and the transport are compact on a phone).
      const s = await stageOnFirstScreen(p);
      assert(s.top <= 260, `the stage starts at ${s.top} px of 640`);
      assert(s.visible >= Math.min(300, s.height), `${s.visible} px of the stage show on the first screen`);
      assert(!(await p.locator('.prediction').isVisible()), 'the question shows on a folded panel');
      await shot(p, '82-lesson-folded-360');
      await p.getByRole('button', { name: 'Show step' }).click();
      await p.locator('.prediction').waitFor();
      assert(
        (await p.getByRole('button', { name: 'Fold' }).getAttribute('aria-expanded')) === 'true',
        'the unfolded panel does not say so',
      );
      await p.context().close();
    },
  );

  await check(
    'every lesson step: the explanation quotes the strip, in the window the charts shade',
    async () => {
      const problems = [];
      let steps = 0;
      // One page for the whole walk, each lesson started from the Lessons list as a facilitator would.
      const page = await openPage('');
      await page.getByRole('button', { name: 'Lessons' }).click();
      await page.getByRole('dialog', { name: 'Lessons' }).waitFor();
      const lessons = await page.getByRole('button', { name: /^Start lesson: / }).count();
      await page.keyboard.press('Escape');
      for (let i = 0; i < lessons; i++) {
        await page.getByRole('button', { name: 'Lessons' }).click();
        await page.getByRole('dialog', { name: 'Lessons' }).waitFor();
        const start = page.getByRole('button', { name: /^Start lesson: / }).nth(i);
        const title = (await start.getAttribute('aria-label')).slice('Start lesson: '.length);
        await start.click();
        await waitForStep(page, 1);
        const [, total] = await stepOf(page);
        for (let n = 1; n <= total; n++) {
          if (n > 1) {
            await page.getByRole('button', { name: 'Next', exact: true }).click();
            await waitForStep(page, n);
            // A new step shows the run again, not the last step's window.
            await page.locator('.metrics-window').waitFor({ state: 'detached', timeout: 5000 });
          }
          const where = `"${title}" step ${n}`;
          const unit = (await page.locator('.prediction-unit').count())
            ? await page.locator('.prediction-unit').innerText()
            : null;
          const seen = await answerAndRead(page);
          problems.push(...stepProblems(where, unit, seen));
          // The charts once per lesson (they draw the same way on every step).
          if (n === total) problems.push(...(await chartProblems(page, where, seen.span)));
          if (i === 6 && n === 1) await shot(page, '80-lesson-window-strip');
          steps++;
        }
      }
      await shot(page, '81-lesson-window-charts');
      await page.context().close();
      assert(lessons >= 13 && steps >= 37, `walked ${steps} steps of ${lessons} lessons`);
      assert(problems.length === 0, problems.join('; '));
    },
  );
}
