// Vitest's global setup: the CLIs the tests run in child processes (`npm run sim`, `npm run sweep`),
// each bundled once into one plain JavaScript file. A child started as `node --import tsx src/cli/sim.ts`
// loads tsx and compiles every module of the engine on the way, some 2.3 s of CPU per run; the bundle
// of the same sources starts in a fifth of that, and the tests start some forty children. One test per
// CLI still goes through tsx as `npm run` does (test/cli/sim.test.ts, test/cli/sweep.test.ts).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The bundled CLIs by name ('sim', 'sweep'): paths of .mjs files to run with `node`. */
    cliBundles: Record<string, string>;
  }
}

export const CLIS = ['sim', 'sweep'] as const;

export default function setup(project: TestProject): () => void {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const dir = mkdtempSync(join(tmpdir(), 'cachescope-cli-bundle-'));
  const bundles: Record<string, string> = {};
  for (const name of CLIS) {
    const outfile = join(dir, `${name}.mjs`);
    // The same build as tsx's (esbuild), with the modules in one file; nothing is swapped out.
    buildSync({
      entryPoints: [join(root, 'src', 'cli', `${name}.ts`)],
      absWorkingDir: root,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      outfile,
      logLevel: 'error',
    });
    bundles[name] = outfile;
  }
  project.provide('cliBundles', bundles);
  return () => rmSync(dir, { recursive: true, force: true });
}
