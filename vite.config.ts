import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  base: './',
  build: { outDir: 'dist', sourcemap: false },
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    environment: 'node',
    globals: true,
    setupFiles: ['test/setup.ts'],
  },
});
