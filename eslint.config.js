import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

/** Imports of Node-only code, which the app and its worker (running in a browser) may not make. */
const nodeOnly = {
  group: ['**/server/**', '**/cli/**', 'node:*', 'ws', 'sirv'],
  message: 'Node-only: the app and its worker run in a browser.',
};

const engineBans = {
  'no-restricted-imports': [
    'error',
    {
      patterns: [
        nodeOnly,
        {
          group: [
            'react',
            'react-*',
            'react/*',
            'zustand',
            'zustand/*',
            'framer-motion',
            'd3-selection',
            '**/components/**',
            '**/store/**',
            '**/runtime/**',
            '**/render/**',
          ],
          message: 'src/engine is pure: no UI libraries, no DOM, no app layers.',
        },
      ],
    },
  ],
  'no-restricted-properties': [
    'error',
    { object: 'Math', property: 'random', message: 'Use the seeded RNG (engine/core/rng).' },
    { object: 'Date', property: 'now', message: 'The engine has no wall clock; use simulated time.' },
    { object: 'performance', property: 'now', message: 'The engine has no wall clock; use simulated time.' },
  ],
  'no-restricted-globals': [
    'error',
    ...[
      'setTimeout',
      'setInterval',
      'clearTimeout',
      'clearInterval',
      'requestAnimationFrame',
      'setImmediate',
      'queueMicrotask',
      'window',
      'document',
      'navigator',
      'localStorage',
    ].map((name) => ({
      name,
      message: 'src/engine has no timers or DOM: schedule simulated events instead.',
    })),
  ],
};

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'coverage'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  { files: ['src/engine/**/*.ts'], rules: engineBans },
  { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs', globals: { module: 'writable' } } },
  {
    // Node-only code (the room server, the CLI) stays out of what the browser loads.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/server/**', 'src/cli/**', 'src/engine/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [nodeOnly] }] },
  },
  {
    files: ['test/e2e/**/*.mjs', 'scripts/**/*.mjs'],
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly' },
    },
  },
);
