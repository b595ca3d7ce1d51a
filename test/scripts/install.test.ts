/**
 * A fresh `npm ci` is quiet and complete with the npm in use (11): every dependency with an install
 * script is reviewed in package.json's `allowScripts` (npm 11 otherwise skips the script with a
 * notice, and esbuild, whose script fetches its binary, would be left without it).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const npmMajor = Number(execFileSync('npm', ['--version'], { encoding: 'utf8' }).split('.')[0]);
const json = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;

describe('install scripts', () => {
  it('every package the lockfile says has an install script is reviewed in allowScripts', () => {
    const lock = json('package-lock.json') as { packages: Record<string, { hasInstallScript?: boolean }> };
    const allow = (json('package.json').allowScripts ?? {}) as Record<string, boolean>;
    const scripted = Object.entries(lock.packages)
      .filter(([, p]) => p.hasInstallScript)
      .map(([path]) => path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length));
    expect(scripted).toContain('esbuild');
    expect(scripted.filter((name) => typeof allow[name] !== 'boolean')).toEqual([]);
  });

  // Older npm runs install scripts without asking, and has no approve-scripts.
  it.runIf(npmMajor >= 11)(
    "npm itself finds nothing left to review (npm 11's approve-scripts)",
    () => {
      const out = execFileSync('npm', ['approve-scripts', '--allow-scripts-pending'], { encoding: 'utf8' });
      expect(out).toContain('No packages with unreviewed install scripts');
    },
    120_000,
  );
});
