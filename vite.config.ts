import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  base: './',
  build: {
    outDir: 'dist',
    sourcemap: false,
    // The demo documentation page is a second page of the build, with its own small script.
    rollupOptions: { input: { main: 'index.html', demo: 'embed-demo.html' } },
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
  },
});
