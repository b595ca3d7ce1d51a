import { spawn, spawnSync } from 'node:child_process';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import lzString from 'lz-string';
import { assert, check, openPage, out, root, seek } from '../harness.mjs';

// One result on every runtime: the Summary the app exports after a whole run (Chromium's V8, in the
// engine's worker) is the same, byte for byte once both are written compactly, as `npm run sim -- --json`
// (Node's V8) for the same scenario and seed. Both V8s round Math.exp, Math.log and Math.pow differently
// in the last bit; the engine uses its own (src/engine/core/detMath.ts), and this check is what shows it.

const saved = join(out, 'exports');

/** Presets and seeds: the issue's two, XFetch's draw (a logarithm per hit), families' Zipf tables. */
const RUNS = [
  ['baseline', 42],
  ['baseline', 7],
  ['stampede', 3],
  ['stampede-xfetch', 11],
  ['families', 5],
];

const node = (args) => spawnSync('node', ['--import', 'tsx', ...args], { cwd: root, encoding: 'utf8' });

/** The same, without blocking: the CLI's run goes on while the page runs the scenario. */
function nodeAsync(args) {
  return new Promise((resolve) => {
    const child = spawn('node', ['--import', 'tsx', ...args], { cwd: root });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
    child.on('error', (e) => (stderr += e.message));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** The presets' scenarios as the CLI reads them, read in one process (each start-up costs seconds). */
function presetsOf(ids) {
  const code = `import { getPreset } from './src/scenario/presets/index.ts';
const ids = ${JSON.stringify(ids)};
process.stdout.write(JSON.stringify(Object.fromEntries(ids.map((id) => [id, getPreset(id)]))));`;
  const run = node(['--input-type=module', '-e', code]);
  assert(run.status === 0, `reading presets ${ids.join(', ')}: ${run.stderr}`);
  return JSON.parse(run.stdout);
}

export default async function exportBytesChecks() {
  await mkdir(saved, { recursive: true });
  const presets = presetsOf([...new Set(RUNS.map(([id]) => id))]);
  for (const [id, seed] of RUNS) {
    await check(`the app's Summary of ${id} seed ${seed} is byte for byte the CLI's`, async () => {
      // The preset's scenario as the CLI reads it, with another seed.
      const scenario = { ...presets[id], seed };
      const running = nodeAsync(['src/cli/sim.ts', id, '--seed', String(seed), '--json']);
      const p = await openPage(`#s=${lzString.compressToEncodedURIComponent(JSON.stringify(scenario))}`);
      await seek(p, scenario.durationMs);
      await p.getByRole('button', { name: 'Export' }).click();
      const dialog = p.getByRole('dialog', { name: 'Export' });
      const [dl] = await Promise.all([
        p.waitForEvent('download', { timeout: 60_000 }),
        dialog.getByRole('button', { name: 'Summary (JSON)' }).click(),
      ]);
      const path = join(saved, `bytes-${id}-${seed}.json`);
      await dl.saveAs(path);
      await p.context().close();
      const cli = await running;
      assert(cli.status === 0, `sim exited ${cli.status}: ${cli.stderr}`);
      const app = JSON.parse(await readFile(path, 'utf8'));
      assert(
        app.seed === seed && app.durationMs === scenario.durationMs,
        `exported ${app.seed}@${app.durationMs}`,
      );
      const appBytes = `${JSON.stringify(app)}\n`;
      if (appBytes !== cli.stdout) {
        const cliSummary = JSON.parse(cli.stdout);
        const moved = [];
        const walk = (a, b, at) => {
          if (a !== null && typeof a === 'object')
            for (const k of Object.keys(a)) walk(a[k], b?.[k], `${at}.${k}`);
          else if (!Object.is(a, b)) moved.push(`${at}: app ${a}, CLI ${b}`);
        };
        walk(app, cliSummary, 'summary');
        throw new Error(`${moved.length} fields differ: ${moved.slice(0, 4).join('; ')}`);
      }
    });
  }
}
