import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { InputError, runCli } from '../cli/input.ts';
import { buildApp, buildNeeded } from './build.ts';
import { lanAddress, startRoomServer } from './http.ts';

/**
 * `npm run room [-- --port N] [--host H] [--public-url URL] [--idle-minutes N] [--no-build]`: builds the
 * app if its build is missing or older than its sources, then serves it and the workshop room on one
 * port, on every network interface (the venue's Wi-Fi), and prints the addresses to open. Ctrl+C stops it.
 */

const USAGE =
  'usage: npm run room [-- --port N] [--host ADDRESS] [--public-url URL] [--idle-minutes N] [--no-build]';
const root = fileURLToPath(new URL('../..', import.meta.url));

function readOptions(argv: string[]) {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        port: { type: 'string', default: process.env.PORT ?? '5180' },
        host: { type: 'string', default: '0.0.0.0' },
        'public-url': { type: 'string' },
        'idle-minutes': { type: 'string', default: '120' },
        'no-build': { type: 'boolean', default: false },
      },
    }));
  } catch (e) {
    throw new InputError(`${e instanceof Error ? e.message : String(e)}\n${USAGE}`);
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new InputError(`--port must be 0 to 65535`);
  const idle = Number(values['idle-minutes']);
  if (!(idle > 0 && idle <= 7 * 24 * 60))
    throw new InputError('--idle-minutes must be above 0, a week at most');
  const publicUrl = values['public-url'];
  if (publicUrl !== undefined) {
    let url: URL;
    try {
      url = new URL(publicUrl);
    } catch {
      throw new InputError(`--public-url is not an address: ${publicUrl.slice(0, 80)}`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:')
      throw new InputError('--public-url must be http(s)');
  }
  return { port, host: values.host, publicUrl, idleMs: idle * 60_000, build: !values['no-build'] };
}

async function main(): Promise<number> {
  const options = readOptions(process.argv.slice(2));
  if (options.build && buildNeeded(root)) {
    console.log('Building the app (its build is missing or older than its sources)…');
    await buildApp(root);
  }
  const server = await startRoomServer({
    dist: `${root}/dist`,
    host: options.host,
    port: options.port,
    publicUrl: options.publicUrl,
    hub: { idleMs: options.idleMs },
  }).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'EADDRINUSE')
      throw new InputError(`port ${options.port} is in use: try --port ${options.port + 1}`);
    if (e.code === 'ENOENT') throw new InputError('there is no build in dist/ (run without --no-build)');
    throw e;
  });
  const lan = options.host === '0.0.0.0' || options.host === '::' ? lanAddress() : null;
  console.log(`Cachescope room server: ${server.url}`);
  if (options.publicUrl) console.log(`Participants join at ${options.publicUrl}`);
  else if (lan) console.log(`On the room's network: http://${lan}:${server.port}/ (share this one)`);
  console.log('Open it, start a lesson and press "Open room": the room gets a code, a link and a QR code.');
  console.log('Ctrl+C stops the server and ends its rooms.');
  await new Promise<void>((resolve) => {
    const stop = () => void server.close().then(resolve);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
}

void runCli('room', main);
