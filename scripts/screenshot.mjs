// Saves docs/screenshot.png from the built app: the stampede preset just after the hot key expires,
// when the herd reaches the database. Run after `vite build`: node scripts/screenshot.mjs
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '../test/e2e/server.mjs';
import { launchChromium } from '../test/e2e/browser.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'docs', 'screenshot.png');
const server = await serveStatic(join(root, 'dist'));
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 }, colorScheme: 'light' });
  await page.goto(`${server.url}?preset=stampede`);
  await page.getByRole('button', { name: 'Next notable event' }).click();
  await page
    .getByRole('status')
    .filter({ hasText: /expired|Alert|Failure/ })
    .waitFor();
  await page.getByRole('tab', { name: 'Charts' }).click();
  await page.getByRole('button', { name: 'Play' }).click();
  await page.waitForTimeout(1200);
  await page.getByRole('button', { name: 'Pause' }).click();
  await mkdir(dirname(out), { recursive: true });
  await page.screenshot({ path: out });
  console.log(`saved ${out}`);
} finally {
  await browser.close();
  await server.close();
}
