import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * "Builds the app if needed": the build is needed when `dist/index.html` is missing or older than
 * anything the app is built from (the page, its sources, public files, the build's configuration and
 * the installed packages). The server's and the CLI's own code are not part of the app.
 */

const INPUTS = ['index.html', 'embed-demo.html', 'vite.config.ts', 'package-lock.json', 'public', 'src'];
const NOT_IN_APP = new Set([join('src', 'server'), join('src', 'cli')]);

function newest(root: string, rel: string): number {
  const path = join(root, rel);
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  if (NOT_IN_APP.has(rel)) return 0;
  let latest = 0;
  for (const name of readdirSync(path)) latest = Math.max(latest, newest(root, join(rel, name)));
  return latest;
}

export function buildNeeded(root: string): boolean {
  const page = join(root, 'dist', 'index.html');
  if (!existsSync(page)) return true;
  const built = statSync(page).mtimeMs;
  return INPUTS.some((rel) => newest(root, rel) > built);
}

/** Builds the app with Vite into `dist/`, as `npm run build` does (without its type check). */
export async function buildApp(root: string): Promise<void> {
  const { build } = await import('vite');
  await build({ root, logLevel: 'warn' });
}
