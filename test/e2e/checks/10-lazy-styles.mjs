/* global document */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { assert, check, openPage, root, settled } from '../harness.mjs';

/**
 * Every class name a stylesheet under src/ gives rules to. Comments are dropped first, so a word
 * such as "e.g." in one is not taken for a class.
 */
async function styledClasses() {
  const names = new Set();
  const files = (await readdir(join(root, 'src'), { recursive: true })).filter((f) => f.endsWith('.css'));
  for (const file of files) {
    const css = (await readFile(join(root, 'src', file), 'utf8')).replace(/\/\*[\s\S]*?\*\//g, '');
    for (const m of css.matchAll(/\.(-?[A-Za-z_][\w-]*)/g)) names.add(m[1]);
  }
  return names;
}

/**
 * The classes on the page that some stylesheet of the app styles but that no stylesheet the page has
 * loaded does: a part loaded on first use whose styles stayed behind in another part's chunk.
 */
function unstyled(page, styled) {
  return page.evaluate((styledList) => {
    const styledSet = new Set(styledList);
    const loaded = new Set();
    const walk = (rules) => {
      for (const rule of rules) {
        if (rule.selectorText)
          for (const m of rule.selectorText.matchAll(/\.(-?[A-Za-z_][\w-]*)/g)) loaded.add(m[1]);
        if (rule.cssRules) walk(rule.cssRules);
      }
    };
    for (const sheet of document.styleSheets) walk(sheet.cssRules);
    const missing = new Set();
    for (const el of document.querySelectorAll('[class]'))
      for (const c of el.classList) if (styledSet.has(c) && !loaded.has(c)) missing.add(c);
    return [...missing];
  }, styled);
}

/** What a first use opens, each on a fresh page so that nothing loaded earlier lends it styles. */
const FIRST_USES = [
  ['the Lessons dialog', (p) => p.getByRole('button', { name: 'Lessons', exact: true }).click()],
  [
    'a lesson',
    async (p) => {
      await p.getByRole('button', { name: 'Lessons', exact: true }).click();
      await p.getByRole('dialog').getByRole('button', { name: 'Start' }).first().click();
      await p.getByRole('group', { name: 'Lesson steps' }).waitFor();
    },
  ],
  ['the Compare dialog', (p) => p.getByRole('button', { name: 'Compare', exact: true }).click()],
  [
    'a comparison',
    async (p) => {
      await p.getByRole('button', { name: 'Compare', exact: true }).click();
      await p.getByRole('button', { name: 'Compare with a change' }).click();
      await p.locator('.compare-title').first().waitFor();
    },
  ],
  ['the Open trace dialog', (p) => p.getByRole('button', { name: 'Open trace', exact: true }).click()],
  ['the Share dialog', (p) => p.getByRole('button', { name: 'Share', exact: true }).click()],
  ['the Export dialog', (p) => p.getByRole('button', { name: 'Export', exact: true }).click()],
  ['the keyboard shortcuts', (p) => p.getByRole('button', { name: 'Keyboard shortcuts' }).click()],
  ['the Present view', (p) => p.getByRole('button', { name: 'Present', exact: true }).click()],
  ...['Configure', 'Charts', 'Inspect', 'Sweep'].map((tab) => [
    `the ${tab} tab`,
    (p) => p.getByRole('tab', { name: tab }).click(),
  ]),
];

export default async function lazyStyles() {
  const styled = [...(await styledClasses())];
  await check(
    'every part loaded on first use comes with its styles (dialogs, tabs, lessons, compare)',
    async () => {
      const found = [];
      for (const [name, open] of FIRST_USES) {
        const p = await openPage('?preset=baseline');
        await open(p);
        // The part is there once no Suspense fallback ("Loading…") is left and a frame has painted it.
        await p.waitForFunction(() => !/Loading…/.test(document.body.innerText));
        await settled(p);
        const missing = await unstyled(p, styled);
        if (missing.length > 0) found.push(`${name}: no styles loaded for .${missing.join(', .')}`);
        await p.context().close();
      }
      assert(found.length === 0, found.join('; '));
    },
  );
}
