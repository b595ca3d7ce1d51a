// Component tests opt into jsdom per file (`// @vitest-environment jsdom`); this adds the
// DOM cleanup only where a DOM exists.
import { afterEach, beforeAll } from 'vitest';
import { loadPresets } from '../src/scenario/presets/load.ts';
import { loadSchemaKit } from '../src/scenario/loadSchemaKit.ts';

// The app fetches the presets before it reads a `?preset=` link (src/main.tsx); tests read links and
// pick presets with them already here, as the page does. The fallback without them has its own test.
// The same for the schema's kit (links with a scenario, live changes), which the page fetches on first
// use or before reading such a link (src/scenario/loadSchemaKit.ts).
beforeAll(async () => {
  await Promise.all([loadPresets(), loadSchemaKit()]);
});

afterEach(async () => {
  if (typeof document !== 'undefined') {
    const { cleanup } = await import('@testing-library/react');
    cleanup();
  }
});
