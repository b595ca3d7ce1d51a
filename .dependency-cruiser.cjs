/**
 * The import rules `npm test` checks (npm run deps): no import cycle anywhere under src, type-only
 * imports included; the engine's core and flow import no mechanism; no mechanism imports another (they
 * meet at the flow's points, see src/engine/registry.ts).
 */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'An import cycle: the modules in it cannot be read, tested or loaded one without the other.',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'core-imports-no-mechanism',
      severity: 'error',
      comment: 'The engine core (core, redis, metrics, flow) knows nothing of what plugs into it.',
      from: { path: '^src/engine/(core|redis|metrics|flow)/' },
      to: { path: '^src/engine/(mechanisms/|registry\\.ts)' },
    },
    {
      name: 'mechanism-imports-no-mechanism',
      severity: 'error',
      comment: 'A mechanism acts through the points of the flow, never by calling another mechanism.',
      from: { path: '^src/engine/mechanisms/([^/]+)/' },
      to: { path: '^src/engine/mechanisms/', pathNot: '^src/engine/mechanisms/$1/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.(test|spec)\\.' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs'] },
  },
};
