import { readFile, stat } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { bundledThread } from '../../src/cli/threadBundle.ts';

const entry = new URL('../../src/cli/sweepThread.ts', import.meta.url);

describe("the sweep threads' bundle", () => {
  it('is one module without the schema, kept while its sources are unchanged', async () => {
    const file = await bundledThread(entry);
    const code = await readFile(file, 'utf8');
    expect(code).toContain('runScenario');
    // The engine's live-change check is the worker's trusted one: no zod in a thread.
    expect(code).not.toMatch(/node_modules\/zod\//);
    const made = (await stat(file)).mtimeMs;
    expect(await bundledThread(entry)).toBe(file);
    expect((await stat(file)).mtimeMs).toBe(made);
  });
});
