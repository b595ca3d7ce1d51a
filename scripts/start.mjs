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
