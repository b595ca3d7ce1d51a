// Debian's Chromium through playwright-core: never downloads a browser.
import { execSync } from 'node:child_process';
import { chromium } from 'playwright-core';

export function chromiumPath() {
  try {
    return execSync('command -v chromium', { shell: '/bin/sh' }).toString().trim() || '/usr/bin/chromium';
  } catch {
    return '/usr/bin/chromium';
  }
}

export function launchChromium() {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
}
