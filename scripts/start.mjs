/* global setInterval */
// `npm start`: the dev server, opening the app in a browser only where one can be opened. On a
// machine without a desktop (a container, a server over SSH) it prints the address and nothing else.
import { createServer } from 'vite';
import { canOpenBrowser } from './browserHere.mjs';

const open = canOpenBrowser();
const server = await createServer({ server: { open } });
await server.listen();
server.printUrls();
if (!open) console.log('  No desktop browser here: open the address above in one.\n');
server.bindCLIShortcuts({ print: true });

// The server ends with npm. npm passes SIGINT and SIGTERM to the shell it ran this script in, and the
// shell dies without passing them on: so the signals are handled here, and the parent is watched too
// (when it is gone, this process has been handed to another and nobody would stop it).
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
