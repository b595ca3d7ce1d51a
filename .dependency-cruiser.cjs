/**
 * The import rules `npm test` checks (npm run deps): no import cycle anywhere under src, type-only
 * imports included; the engine's core and flow import no mechanism; no mechanism imports another (they
 * meet at the flow's points, see src/engine/registry.ts).
 */
const KNOWN_CYCLES = ['^src/store/', '^src/runtime/(bridge|compareRun|session)[.]ts$'];

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'An import cycle: the modules in it cannot be read, tested or loaded one without the other.',
      // One cycle outside the engine is still to break, and only it is let through: the store's slices
      // and the runtime's session and bridge import each other.
      from: { path: '^src/', pathNot: KNOWN_CYCLES },
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
