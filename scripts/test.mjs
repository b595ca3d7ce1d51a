// `npm test`: every part of the test suite, each one an npm script, run as soon as the parts it waits
// for have passed. The calibration drives a real Redis in real time and mostly waits, so it runs beside
// the others instead of after them; the type check and the lint take one core each, side by side.
// Each part's output is printed whole, in the order of PARTS, with its time; the run fails when any part
// fails, and after a failure no further part starts (those running are stopped).
import { spawn } from 'node:child_process';
import { pathToFileURL } from 'node:url';

/**
 * The parts: the npm script each runs, and the parts it starts after. Printed in this order.
 * @type {readonly { name: string, script: string, after: readonly string[] }[]}
 */
export const PARTS = [
  { name: 'typecheck', script: 'typecheck', after: [] },
  { name: 'lint', script: 'lint', after: [] },
  { name: 'deps', script: 'deps', after: ['lint'] },
  // The format check takes the core the type check leaves (it ends a few seconds before the lint), so
  // the unit tests start when the slower of lint + deps and typecheck + format ends, not after all four.
  { name: 'format', script: 'format:check', after: ['typecheck'] },
  { name: 'unit', script: 'test:unit', after: ['deps', 'format'] },
  { name: 'calibrate', script: 'test:calibrate', after: [] },
  { name: 'browser', script: 'test:browser', after: ['unit'] },
];

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

/**
 * Runs `parts` (as PARTS) with `run(part)`, which starts one and returns `{ done, stop }`: `done`
 * resolves to `{ code, output }`, `stop()` ends it early. `print` gets each finished part's report, in
 * the parts' order. Resolves to every part's outcome: 'passed', 'failed', 'stopped' or 'not run'.
 */
export async function runParts(parts, run, print, now = Date.now) {
  const t0 = now();
  const state = new Map(parts.map((p) => [p.name, { status: 'waiting', ms: 0, output: '', ended: false }]));
  const running = new Map();
  let failed = false;
  let printed = 0;

  const flush = () => {
    while (printed < parts.length) {
      const part = parts[printed];
      const s = state.get(part.name);
      // A part is printed once its process has ended (a stopped one too), or when it never ran.
      if (!s.ended && s.status !== 'not run') return;
      print(part, s);
      printed += 1;
    }
  };

  return new Promise((resolve) => {
    const startReady = () => {
      if (!failed) {
        for (const part of parts) {
          const s = state.get(part.name);
          if (s.status !== 'waiting' || !part.after.every((a) => state.get(a).status === 'passed')) continue;
          s.status = 'running';
          const started = now();
          const handle = run(part);
          running.set(part.name, handle);
          handle.done.then(({ code, output }) => {
            running.delete(part.name);
            s.ms = now() - started;
            s.output = output;
            s.ended = true;
            if (s.status === 'running') s.status = code === 0 ? 'passed' : 'failed';
            if (s.status === 'failed' && !failed) {
              failed = true;
              for (const [name, other] of running) {
                state.get(name).status = 'stopped';
                other.stop();
              }
            }
            startReady();
          });
        }
      }
      if (running.size === 0) {
        for (const s of state.values()) if (s.status === 'waiting') s.status = 'not run';
        flush();
        resolve({ state, ms: now() - t0, ok: !failed });
      } else flush();
    };
    startReady();
  });
}

/** Starts `npm run <script>` in a process group of its own, so that stopping it stops all it started. */
export function runScript(part) {
  const child = spawn('npm', ['run', '--silent', part.script], {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  groups.add(child.pid);
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const done = new Promise((resolve) => {
    child.on('error', (e) => (output += `${e.message}\n`));
    child.on('close', (code, signal) => {
      groups.delete(child.pid);
      resolve({ code: code ?? (signal ? 1 : 0), output });
    });
  });
  return { done, stop: () => killGroup(child.pid) };
}

/** Process groups still running, stopped with this process. */
const groups = new Set();

function killGroup(pid) {
  try {
    process.kill(-pid, 'SIGTERM');
  } catch {
    // Already gone.
  }
}

function printPart(part, s) {
  const line = `── ${part.name} (npm run ${part.script}): ${s.status}${s.status === 'not run' ? '' : ` in ${seconds(s.ms)}`}`;
  process.stdout.write(`${line}\n${s.output}${s.output === '' || s.output.endsWith('\n') ? '' : '\n'}`);
}

async function main() {
  const SIGNAL_EXIT = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };
  for (const [signal, code] of Object.entries(SIGNAL_EXIT))
    process.on(signal, () => {
      for (const pid of groups) killGroup(pid);
      process.exit(code);
    });
  const { state, ms, ok } = await runParts(PARTS, runScript, printPart);
  process.stdout.write('── npm test\n');
  for (const part of PARTS) {
    const s = state.get(part.name);
    process.stdout.write(
      `${part.name.padEnd(10)} ${s.status.padEnd(8)} ${s.status === 'not run' ? '' : seconds(s.ms)}\n`,
    );
  }
  process.stdout.write(`${ok ? 'passed' : 'FAILED'} in ${seconds(ms)} (wall clock)\n`);
  process.exit(ok ? 0 : 1);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
