import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs script, no type declarations
import { canOpenBrowser, onPath } from '../../scripts/browserHere.mjs';

describe('npm start opens a browser only where one can be opened', () => {
  const has = (found: boolean) => () => found;
  it('needs a display and xdg-open on Linux', () => {
    expect(canOpenBrowser({ env: {}, platform: 'linux', has: has(true) })).toBe(false);
    expect(canOpenBrowser({ env: { DISPLAY: ':0' }, platform: 'linux', has: has(false) })).toBe(false);
    expect(canOpenBrowser({ env: { DISPLAY: ':0' }, platform: 'linux', has: has(true) })).toBe(true);
    expect(canOpenBrowser({ env: { WAYLAND_DISPLAY: 'w-0' }, platform: 'linux', has: has(true) })).toBe(true);
  });

  it('trusts macOS and Windows desktops, and obeys BROWSER and CI', () => {
    expect(canOpenBrowser({ env: {}, platform: 'darwin', has: has(false) })).toBe(true);
    expect(canOpenBrowser({ env: {}, platform: 'win32', has: has(false) })).toBe(true);
    expect(canOpenBrowser({ env: { BROWSER: 'none' }, platform: 'darwin', has: has(true) })).toBe(false);
    expect(canOpenBrowser({ env: { CI: 'true', DISPLAY: ':0' }, platform: 'linux', has: has(true) })).toBe(
      false,
    );
    expect(canOpenBrowser({ env: { BROWSER: 'firefox' }, platform: 'linux', has: has(false) })).toBe(true);
  });

  it('finds executables on a PATH list', () => {
    expect(onPath('node', process.env.PATH)).toBe(true);
    expect(onPath('surely-no-such-program-here', process.env.PATH)).toBe(false);
  });
});
