/* global setInterval */
// `npm start [-- --port N]`: the dev server, opening the app in a browser only where one can be opened.
// On a machine without a desktop (a container, a server over SSH) it prints the address and nothing
// else. `--port N` serves on that port and no other (without it: 5173, or the next one free).
import { readFileSync } from 'node:fs';
import { createServer } from 'vite';
import { canOpenBrowser } from './browserHere.mjs';

/** `--port N` from the command line, null when absent; anything else there is refused. */
function portArg(argv) {
  if (argv.length === 0) return null;
  const port = Number(argv[1]);
  if (argv[0] !== '--port' || argv.length !== 2 || !Number.isInteger(port) || port < 1 || port > 65535) {
    console.error(`start: expected nothing or --port <1-65535>, got: ${argv.join(' ').slice(0, 80)}`);
    process.exit(2);
  }
  return port;
}

const port = portArg(process.argv.slice(2));
const open = canOpenBrowser();
const server = await createServer({ server: { open, ...(port === null ? {} : { port, strictPort: true }) } });
await server.listen();
server.printUrls();
if (!open) console.log('  No desktop browser here: open the address above in one.\n');
server.bindCLIShortcuts({ print: true });

// The server ends with npm. npm passes SIGINT and SIGTERM to the shell it runs this script in (`sh -c`),
// and the shell passes neither on: on SIGTERM it dies, and on SIGINT Debian's sh (dash) waits for this
// process to end while npm waits for it. So the signals are handled here, and the parent is watched:
// when it is gone (handed to another), or, a shell run by npm, when it wakes up (it sleeps in wait()
// until this process ends: only a signal wakes it, and the signals it outlives are the ones npm
// passes on), nobody else would ever stop this server.
let stopping = false;
async function stop(code) {
  if (stopping) return;
  stopping = true;
  await server.close().catch(() => {});
  process.exit(code);
}
const SIGNAL_EXIT = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };
for (const [signal, code] of Object.entries(SIGNAL_EXIT)) process.on(signal, () => void stop(code));

/** How often process `pid` has been woken (Linux), null when it cannot be told. */
function wakeups(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const count = (name) => Number(new RegExp(`^${name}:\\s*(\\d+)`, 'm').exec(status)?.[1] ?? NaN);
    const n = count('voluntary_ctxt_switches') + count('nonvoluntary_ctxt_switches');
    return Number.isFinite(n) ? n : null;
  } catch {
    return null;
  }
}
/** Whether process `pid` is a POSIX shell (Linux: its name in /proc). */
function isShell(pid) {
  try {
    return /^(sh|dash|bash|ash|zsh)$/.test(readFileSync(`/proc/${pid}/comm`, 'utf8').trim());
  } catch {
    return false;
  }
}
const parent = process.ppid;
const shellByNpm =
  process.platform === 'linux' && process.env.npm_lifecycle_event !== undefined && isShell(parent);
const woken = shellByNpm ? wakeups(parent) : null;
setInterval(() => {
  if (process.ppid !== parent) void stop(143);
  else if (woken !== null && wakeups(parent) !== woken) void stop(130);
}, 250).unref();
