import { readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const trustedChanges = fileURLToPath(new URL('./src/worker/trustedChanges.ts', import.meta.url));

/**
 * In the engine's worker only, the engine's live-change check comes from worker/trustedChanges.ts
 * instead of scenario/changes.ts: the page validates scenarios and changes, so the worker need not
 * carry the schema (zod), some 30 KB gzipped of a first visit (docs/worker-protocol.md).
 */
const workerWithoutSchema = (): Plugin => ({
  name: 'cachescope-worker-without-schema',
  enforce: 'pre',
  resolveId(source, importer) {
    if (
      importer &&
      /[\\/]src[\\/]engine[\\/]/.test(importer) &&
      /[\\/]scenario[\\/]changes\.ts$/.test(source)
    ) {
      return trustedChanges;
    }
    return null;
  },
});

/** The unit tests' folders whose files run without isolation (see `projects` below)... */
const SHARED_DIRS = [
  'cli',
  'compare',
  'engine',
  'export',
  'fidelity',
  'fuzz',
  'golden',
  'labels',
  'lessons',
  'report',
  'scenario',
  'series',
  'sweep',
  'trace',
];
/** ...but these: they test the engine's module state itself (the Zipf tables shared between runs). */
const KEEP_ISOLATED = ['test/engine/modelCache.test.ts'];
const SHARED = SHARED_DIRS.flatMap((dir) =>
  readdirSync(fileURLToPath(new URL(`./test/${dir}`, import.meta.url)), { recursive: true })
    .map((file) => `test/${dir}/${String(file).replaceAll('\\', '/')}`)
    .filter((file) => /\.test\.tsx?$/.test(file) && !KEEP_ISOLATED.includes(file)),
);

export default defineConfig({
  plugins: [react()],
  base: './',
  worker: { plugins: () => [workerWithoutSchema()] },
  build: {
    outDir: 'dist',
    sourcemap: false,
    // Every browser the app supports preloads modules itself: no polyfill in the first visit.
    modulePreload: { polyfill: false },
    // The demo documentation page is a second page of the build, with its own small script.
    rollupOptions: {
      input: { main: 'index.html', demo: 'embed-demo.html' },
      output: {
        // The schema's library (zod, some 30 KB gzipped) in a chunk of its own: left to itself the
        // bundler shares it out with the few small scenario helpers a first visit needs (quote.ts,
        // closestName.ts), and the first visit would fetch it (issue 21; src/scenario/loadSchemaKit.ts).
        codeSplitting: { groups: [{ name: 'zod', test: /[\\/]node_modules[\\/]zod[\\/]/ }] },
      },
    },
  },
  test: {
    environment: 'node',
    // No test may depend on wall time: a slow, loaded machine must pass the same suite. Heavy tests are
    // sized by what they must show, and none is cut off by a timer.
    testTimeout: 0,
    hookTimeout: 0,
    // One worker per core (Vitest leaves one core free by default, which halves a 2-core machine).
    maxWorkers: availableParallelism(),
    globals: true,
    projects: [
      // Files that share their worker's modules (`isolate: false`): an isolated file imports and compiles
      // the engine, the schema and the presets again, about a second of CPU per file and half the unit
      // run's time. These folders' files run in the Node environment and mock, stub and patch nothing
      // (a file that does belongs in another folder); the only module state they share is the engine's
      // caches and scratch buffers, which runs share in the app's worker too (their figures must not
      // depend on them), and the presets and schema kit test/setup.ts loads before every file anyway.
      // A file that tests such state itself stays isolated (KEEP_ISOLATED).
      {
        extends: true,
        test: {
          name: 'shared',
          include: SHARED,
          isolate: false,
          setupFiles: ['test/setup.ts'],
          // The CLIs the tests run in child processes, bundled once for the whole run (test/cliBundle.ts).
          globalSetup: ['test/cliBundle.ts'],
        },
      },
      // The rest, each file in a fresh module graph: components (jsdom), the runtime's sessions and
      // workers, the room and server, the files that mock or stub, and KEEP_ISOLATED.
      {
        extends: true,
        test: {
          name: 'isolated',
          include: ['test/**/*.test.{ts,tsx}'],
          exclude: SHARED,
          setupFiles: ['test/setup.ts'],
        },
      },
    ],
  },
});
