/* global setInterval */
// `npm start [-- --port N]`: the dev server, opening the app in a browser only where one can be opened.
// On a machine without a desktop (a container, a server over SSH) it prints the address and nothing
// else. `--port N` serves on that port and no other (without it: 5173, or the next one free).
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

// The server ends with npm. The script line is `exec node …`, so no shell stands between npm and this
// process: the SIGINT and SIGTERM npm passes on arrive here. And when npm is gone without passing one on
// (killed outright), this process is handed to another parent and stops too.
let stopping = false;
async function stop(code) {
  if (stopping) return;
  stopping = true;
  await server.close().catch(() => {});
  process.exit(code);
}
const SIGNAL_EXIT = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };
for (const [signal, code] of Object.entries(SIGNAL_EXIT)) process.on(signal, () => void stop(code));
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) void stop(143);
}, 250).unref();
