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

/**
 * Chromium features the checks turn off. Each window (Playwright opens one per context, so one per page
 * here) preloads two renderers for the address bar's suggestion popups (chrome://omnibox-popup), about a
 * second of CPU per page for a bar no check uses: off, with the features Playwright itself turns off
 * (playwright-core's chromiumSwitches.ts, version 1.65), as Chromium reads only the last
 * --disable-features it is given and ours comes after Playwright's.
 */
const DISABLED_FEATURES = [
  // Playwright's own (but for two of Edge's).
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
  // The address bar's popups.
  'WebUIOmniboxPopup',
  'WebUIOmniboxAimPopup',
];

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
      `--disable-features=${DISABLED_FEATURES.join(',')}`,
    ],
  });
}
