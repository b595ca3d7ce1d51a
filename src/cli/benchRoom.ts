import { spawn } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import WebSocket from 'ws';
import type { ServerMessage } from '../room/protocol.ts';
import { InputError, runCli } from './input.ts';

/**
 * `npm run bench:room [-- --participants N] [--json]`: starts the room server as `npm run room` does
 * (its own process, on a free loopback port), opens a room on the first lesson step that asks for a
 * number, connects N participants (500 unless told), and has each send one guess at a random moment
 * within two seconds. Prints `{ participants, answers, lost, p99Ms }`: the answers the facilitator's
 * count reached, the guesses it never counted, and the 99th percentile of the time from a guess
 * sent to the facilitator receiving a count that includes it (each guess's "saved" reply says which
 * count that is). The machine's load is printed beside it: the server shares the cores with this
 * process and with anything else running.
 */

const SEND_WINDOW_MS = 2000;
/** How long after the last guess the facilitator's count may still rise. */
const SETTLE_MS = 10_000;
const root = fileURLToPath(new URL('../..', import.meta.url));

function readOptions(argv: string[]) {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        participants: { type: 'string', default: '500' },
        json: { type: 'boolean', default: false },
      },
    }));
  } catch (e) {
    throw new InputError(
      `${e instanceof Error ? e.message : String(e)}; usage: npm run bench:room [-- --participants N] [--json]`,
    );
  }
  const n = Number(values.participants);
  if (!Number.isInteger(n) || n < 1 || n > 1000)
    throw new InputError('--participants must be 1 to 1000 (a room holds 1,000)');
  return { n, json: values.json };
}

/** The room server in its own process; resolves with its socket address and a way to stop it. */
function startServer(): Promise<{ ws: string; stop: () => void }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/server/main.ts', '--host', '127.0.0.1', '--port', '0'],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += String(d);
      const m = /room server: http:\/\/(\S+)\//.exec(out);
      if (m) resolve({ ws: `ws://${m[1]}/room/ws`, stop: () => child.kill('SIGTERM') });
    });
    child.once('exit', (code) => reject(new Error(`the room server exited (${code}): ${out.slice(-200)}`)));
  });
}

/** An open socket whose every message goes to `onMessage`. */
function connect(url: string, onMessage: (m: ServerMessage) => void): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.on('message', (d) => onMessage(JSON.parse(String(d)) as ServerMessage));
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

const quantile = (sorted: number[], q: number): number =>
  sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;

async function main(): Promise<number> {
  const { n, json } = readOptions(process.argv.slice(2));
  const server = await startServer();
  try {
    // The facilitator: every count, with when it arrived.
    const tallies: { at: number; answers: number }[] = [];
    let joined = 0;
    let code = '';
    let wake = () => {};
    const host = await connect(server.ws, (m) => {
      if (m.type === 'welcome') code = m.code;
      if (m.type === 'tally') {
        tallies.push({ at: performance.now(), answers: m.answers });
        joined = m.participants;
      }
      wake();
    });
    const waitFor = async (ok: () => boolean, deadline = Infinity) => {
      while (!ok() && performance.now() < deadline) {
        await new Promise<void>((r) => {
          wake = r;
          setTimeout(r, 100);
        });
      }
    };
    host.send(JSON.stringify({ type: 'create', v: 1 }));
    await waitFor(() => code !== '');
    host.send(JSON.stringify({ type: 'step', at: { lessonId: 'stampede', step: 0 } }));

    // Participants join 50 at a time, as a room fills in from the QR code.
    const sentAt = new Array<number>(n).fill(NaN);
    const ordinal = new Array<number>(n).fill(NaN);
    const sockets: WebSocket[] = [];
    for (let start = 0; start < n; start += 50) {
      const batch = Array.from({ length: Math.min(50, n - start) }, (_, j) => {
        const i = start + j;
        return connect(server.ws, (m) => {
          if (m.type === 'saved') ordinal[i] = m.answers;
        }).then((ws) => {
          ws.send(JSON.stringify({ type: 'join', v: 1, code, name: `Bench ${i + 1}` }));
          sockets.push(ws);
          return ws;
        });
      });
      await Promise.all(batch);
    }
    await waitFor(() => joined === n);

    // Each sends one guess at a random moment within the window.
    const t0 = performance.now();
    sockets.forEach((ws, i) =>
      setTimeout(() => {
        sentAt[i] = performance.now();
        ws.send(JSON.stringify({ type: 'guess', guess: { value: 1 + (i % 50) } }));
      }, Math.random() * SEND_WINDOW_MS),
    );
    await waitFor(() => (tallies.at(-1)?.answers ?? 0) >= n, t0 + SEND_WINDOW_MS + SETTLE_MS);

    const answers = Math.max(0, ...tallies.map((t) => t.answers));
    const latencies: number[] = [];
    for (let i = 0; i < n; i++) {
      const shown = tallies.find((t) => t.answers >= ordinal[i]!);
      if (shown && Number.isFinite(sentAt[i])) latencies.push(shown.at - sentAt[i]!);
    }
    latencies.sort((a, b) => a - b);
    const round = (x: number) => Math.round(x * 10) / 10;
    const result = {
      participants: n,
      answers,
      lost: n - answers,
      p99Ms: round(quantile(latencies, 0.99)),
      p50Ms: round(quantile(latencies, 0.5)),
      maxMs: round(latencies.at(-1) ?? NaN),
      cores: cpus().length,
      loadAverage1m: round(loadavg()[0]!),
    };
    for (const ws of [...sockets, host]) ws.terminate();
    if (json) console.log(JSON.stringify(result));
    else {
      console.log(`${n} participants, ${answers} answers counted by the facilitator, ${result.lost} lost`);
      console.log(
        `guess sent → count shown: p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms, max ${result.maxMs} ms`,
      );
      console.log(
        `machine: ${result.cores} cores, load average ${result.loadAverage1m} over the last minute`,
      );
    }
    return result.lost === 0 ? 0 : 1;
  } finally {
    server.stop();
  }
}

void runCli('bench:room', main);
