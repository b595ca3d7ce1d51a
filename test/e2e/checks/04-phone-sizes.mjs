/* global document, getComputedStyle, window */
import { assert, check, inScheme, openPage, resize, settled, shot } from '../harness.mjs';
import {
  axeViolations,
  clippedText,
  horizontalOverflow,
  showHeaderTools,
  stageOnFirstScreen,
  textOverlaps,
} from '../pageChecks.mjs';

/** Phones upright, and the widest screen that still gets the compact header. */
const PHONES = [
  [360, 640],
  [390, 844],
  [414, 896],
  [480, 800],
];

/** Every header tool, by the role and name a person (or a screen reader) finds it by. */
const TOOLS = [
  ['button', 'Lessons'],
  ['button', 'Present'],
  ['combobox', 'Preset'],
  ['textbox', 'Seed'],
  ['button', 'Compare'],
  ['button', 'Open trace'],
  ['button', 'Share'],
  ['button', 'Export'],
  ['button', 'Record'],
  ['button', /^Theme: /],
  ['button', 'Keyboard shortcuts'],
];

/** Highest the stage may start at 360x640, and the least of it the first screen must show. */
const MAX_TOP = 260;
const MIN_VISIBLE = 300;

const menuButton = (page) => page.getByRole('button', { name: 'Menu' });

/** The title's line count (one on a phone, cut with an ellipsis rather than wrapped). */
const titleLines = (page) =>
  page.evaluate(() => {
    const h1 = document.querySelector('.header h1');
    return Math.round(h1.getBoundingClientRect().height / parseFloat(getComputedStyle(h1).lineHeight));
  });

export default async function phoneSizes() {
  // One page per view, loaded at the first size and resized to the next (a resize lays the page out
  // again, as a fresh load at that size would), back in the light scheme with its menu folded first.
  for (const [what, path] of [
    ['the plain app', ''],
    ['a lesson, its panel folded', '?lesson=stampede&step=1'],
  ]) {
    let p = null;
    for (const [width, height] of [
      [360, 640],
      [390, 844],
    ]) {
      await check(
        `${width}x${height}, ${what}: the stage starts by ${MAX_TOP} px and shows at least ${MIN_VISIBLE} px (both themes)`,
        async () => {
          // The theme follows prefers-color-scheme in CSS alone, so the dark one is the same page with
          // the reader's setting switched, the menu folded again.
          if (p === null) p = await openPage(path, { viewport: { width, height }, colorScheme: 'light' });
          else {
            if ((await menuButton(p).getAttribute('aria-expanded')) === 'true') await menuButton(p).click();
            await inScheme(p, 'light');
            await resize(p, width, height);
            await p.evaluate(() => window.scrollTo(0, 0));
          }
          for (const colorScheme of ['light', 'dark']) {
            if (colorScheme === 'dark') {
              if (!path) await menuButton(p).click();
              await p.emulateMedia({ colorScheme });
              await settled(p);
            }
            if (path) await p.locator('.lesson-panel').waitFor();
            const s = await stageOnFirstScreen(p);
            assert(s.top <= MAX_TOP, `${colorScheme}: the stage starts at ${s.top} px of ${height}`);
            assert(
              s.visible >= Math.min(MIN_VISIBLE, s.height),
              `${colorScheme}: ${s.visible} px of the stage's ${s.height} show on the first screen`,
            );
            await shot(p, `phone-${width}x${height}-${path ? 'lesson' : 'plain'}-${colorScheme}`);
            if (!path) {
              await menuButton(p).click();
              await shot(p, `phone-${width}x${height}-menu-${colorScheme}`);
            }
          }
        },
      );
    }
    await p?.context().close();
  }

  // One page for the four phones, resized from the narrowest up (a resize lays the page out again, as
  // a fresh load at that size would), its menu folded again before each.
  let phone = null;
  for (const [width, height] of PHONES) {
    await check(
      `${width}x${height}: title on one line, every header tool behind Menu, nothing cut or overlapping`,
      async () => {
        if (phone === null) phone = await openPage('?preset=hot-key', { viewport: { width, height } });
        else {
          await resize(phone, width, height);
          if ((await menuButton(phone).getAttribute('aria-expanded')) === 'true')
            await menuButton(phone).click();
        }
        const p = phone;
        assert((await titleLines(p)) === 1, `the title takes ${await titleLines(p)} lines`);
        assert(
          (await p.locator('.header h1').getAttribute('title')) ===
            (await p.locator('.scenario-title').innerText()),
          'the cut title has no tooltip with the full title',
        );
        const problems = [];
        for (const state of ['folded', 'open']) {
          if (state === 'open') await showHeaderTools(p);
          const overflow = await horizontalOverflow(p);
          if (overflow > 0) problems.push(`${state}: the page scrolls ${overflow} px sideways`);
          problems.push(...(await textOverlaps(p)).map((o) => `${state}: ${o}`));
          problems.push(
            ...(await clippedText(p, '.header .btn, .header label, .controls .btn, .controls output')).map(
              (c) => `${state}: cut ${c}`,
            ),
          );
        }
        for (const [role, name] of TOOLS) {
          if (!(await p.getByRole(role, { name, exact: true }).first().isVisible()))
            problems.push(`${role} "${name}" is not shown with the menu open`);
        }
        await shot(p, `phone-${width}x${height}-tools`);
        // The open menu makes the header taller; it never spreads over the controls under it.
        const header = await p.locator('.header').boundingBox();
        const controls = await p.locator('.controls').boundingBox();
        if (controls.y < header.y + header.height - 1) problems.push('the open menu runs over the controls');
        assert(problems.length === 0, problems.join('; '));
      },
    );
  }
  await phone?.context().close();

  await check('the Menu button works from the keyboard, and says whether it is open', async () => {
    const p = await openPage('', { viewport: { width: 360, height: 640 } });
    const menu = menuButton(p);
    assert((await menu.getAttribute('aria-expanded')) === 'false', 'the menu starts open');
    assert(!(await p.getByRole('button', { name: 'Share' }).isVisible()), 'Share shows with the menu folded');
    await menu.focus();
    await p.keyboard.press('Enter');
    assert((await menu.getAttribute('aria-expanded')) === 'true', 'Enter does not open the menu');
    const focused = await p.evaluate(() => document.activeElement?.textContent);
    assert(focused === 'Lessons', `opening the menu focuses "${focused}", not its first tool`);
    // A tool opens its dialog, and closing the dialog gives focus back to the tool, still shown.
    await p.keyboard.press('Enter');
    await p.getByRole('dialog', { name: 'Lessons' }).waitFor();
    await p.keyboard.press('Escape');
    await p.getByRole('dialog', { name: 'Lessons' }).waitFor({ state: 'detached' });
    assert((await menu.getAttribute('aria-expanded')) === 'true', "closing a tool's dialog folds the menu");
    await p.keyboard.press('Escape');
    assert((await menu.getAttribute('aria-expanded')) === 'false', 'Escape does not fold the menu');
    assert(
      await menu.evaluate((el) => el === document.activeElement),
      'folding with Escape does not give focus back to Menu',
    );
    // (Space plays or pauses wherever focus is, the workshop's shortcut; Enter presses a button.)
    await p.context().close();
  });

  await check('axe-core at 360x640, the menu folded and open, in both themes', async () => {
    // One page, the reader's scheme switched in place (the theme is CSS on prefers-color-scheme, so
    // the page then draws as a fresh load in that scheme would), its menu folded again first.
    const found = [];
    const p = await openPage('?lesson=stampede&step=1', { viewport: { width: 360, height: 640 } });
    await p.locator('.lesson-panel').waitFor();
    for (const colorScheme of ['light', 'dark']) {
      if (colorScheme === 'dark') {
        await menuButton(p).click();
        await inScheme(p, colorScheme);
      }
      found.push(...(await axeViolations(p)).map((v) => `${colorScheme}, folded: ${v}`));
      await showHeaderTools(p);
      found.push(...(await axeViolations(p)).map((v) => `${colorScheme}, open: ${v}`));
    }
    await p.context().close();
    assert(found.length === 0, found.join('; '));
  });

  await check('from 768 px the header has no Menu button and shows its tools', async () => {
    const p = await openPage('', { viewport: { width: 768, height: 1024 } });
    assert(!(await menuButton(p).isVisible()), 'a Menu button shows at 768 px');
    for (const [role, name] of TOOLS)
      assert(
        await p.getByRole(role, { name, exact: true }).first().isVisible(),
        `${name} is hidden at 768 px`,
      );
    await p.context().close();
  });

  await check('at 360x640 what the last jump found shows in full under the stage', async () => {
    const p = await openPage('?preset=stampede', { viewport: { width: 360, height: 640 } });
    await p.getByRole('button', { name: 'Next notable event' }).click();
    const found = p.locator('.stage-status .found');
    await found.waitFor();
    const text = await found.innerText();
    assert(/expired in Redis/.test(text), `the message found is "${text}"`);
    const cut = await clippedText(p, '.stage-status');
    await p.context().close();
    assert(cut.length === 0, `cut: ${cut.join('; ')}`);
  });
}
