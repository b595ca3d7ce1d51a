import { existsSync } from 'node:fs';
import { readFile, rm, stat } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/engine/index.ts';
import { getPreset } from '../../src/scenario/presets/index.ts';
import { bundledThread } from '../../src/cli/threadBundle.ts';
import { THREAD_LOADER } from '../../src/cli/threadLoader.ts';

const entry = new URL('../../src/cli/sweepThread.ts', import.meta.url);

/** Starts the loader on `files`, runs `scenarios` as one batch, and stops the thread. */
async function runInThread(
  files: { file: string; codeCache: string },
  scenarios: unknown[],
): Promise<unknown[]> {
  const worker = new Worker(THREAD_LOADER, { eval: true, workerData: files });
  try {
    return await new Promise((resolve, reject) => {
      worker.on('error', reject);
      worker.on('message', (m: { ready?: true; ok?: boolean; summaries?: unknown[]; message?: string }) => {
        // The loader's first message only says when the thread started.
        if (m.ready) worker.postMessage(scenarios);
        else if (m.ok === true) resolve(m.summaries!);
        else if (m.ok === false) reject(new Error(m.message));
      });
    });
  } finally {
    await worker.terminate();
  }
}

describe("the sweep threads' bundle", () => {
  it('is one script without the schema, kept while its sources are unchanged', async () => {
    const files = await bundledThread(entry);
    const code = await readFile(files.file, 'utf8');
    expect(code).toContain('runScenario');
    // The engine's live-change check is the worker's trusted one: no zod in a thread.
    expect(code).not.toMatch(/node_modules\/zod\//);
    const made = (await stat(files.file)).mtimeMs;
    expect(await bundledThread(entry)).toEqual(files);
    expect((await stat(files.file)).mtimeMs).toBe(made);
    expect(files.codeCache).not.toBe(files.file);
  });

  it('runs in a thread with and without its code cache, giving what the engine gives here', async () => {
    const files = await bundledThread(entry);
    const scenario = { ...getPreset('stampede')!, durationMs: 3_000 };
    const expected = JSON.parse(JSON.stringify(runScenario(scenario)));
    await rm(files.codeCache, { force: true });
    // Without a cache: the run is right, and the thread has left a cache behind when it answers.
    expect(await runInThread(files, [scenario])).toEqual([expected]);
    expect(existsSync(files.codeCache)).toBe(true);
    // With it: the same figures.
    expect(await runInThread(files, [scenario])).toEqual([expected]);
  });
});
