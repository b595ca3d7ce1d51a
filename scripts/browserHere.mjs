// Whether `npm start` can open a browser on this machine, decided without trying: a failed attempt
// (no xdg-open, no display) ends in a stack trace where people expect an address.
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** True when `command` is an executable on `path` (a PATH-style list). */
export function onPath(command, path = process.env.PATH ?? '') {
  return path.split(delimiter).some((dir) => {
    try {
      accessSync(join(dir, command), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/**
 * Opening works on macOS and Windows desktops; elsewhere it needs a graphical session and xdg-open.
 * `BROWSER=none` (or CI) says never; any other BROWSER value names the program to use.
 */
export function canOpenBrowser({ env = process.env, platform = process.platform, has = onPath } = {}) {
  if (env.CI || env.BROWSER === 'none') return false;
  if (env.BROWSER) return true;
  if (platform === 'darwin' || platform === 'win32') return true;
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY) && has('xdg-open');
}
