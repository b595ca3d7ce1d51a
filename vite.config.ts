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
    include: ['test/**/*.test.{ts,tsx}'],
    environment: 'node',
    // No test may depend on wall time: a slow, loaded machine must pass the same suite. Heavy tests are
    // sized by what they must show, and none is cut off by a timer.
    testTimeout: 0,
    hookTimeout: 0,
    // One worker per core (Vitest leaves one core free by default, which halves a 2-core machine).
    maxWorkers: availableParallelism(),
    globals: true,
    setupFiles: ['test/setup.ts'],
    // The CLIs the tests run in child processes, bundled once for the whole run (test/cliBundle.ts).
    globalSetup: ['test/cliBundle.ts'],
  },
});
