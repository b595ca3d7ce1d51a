import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * A worker thread's entry as one plain JavaScript file, for the CLI run under tsx: a thread started
 * from TypeScript loads tsx and then each of the engine's modules through its loader, some 1.1 s of
 * CPU per thread, where one bundled file loads in a tenth of that. The bundle (esbuild, already there
 * for tsx and Vite) is kept in node_modules/.cache/cachescope/ and made again when one of its source
 * files changed (size or time), so a sweep after an edit runs the edited engine. Like the app's engine
 * worker (vite.config.ts), the bundle takes the engine's live-change check from worker/trustedChanges.ts:
 * the main thread has checked every scenario already, so the thread carries no schema.
 *
 * The bundle is a CommonJS script that a thread compiles with V8's code cache (threadLoader.ts). Both
 * files are named by the hash of the bundle's text, so a rebuilt bundle never meets the cache of an
 * older one (V8 itself checks only the text's length), and a sweep starting while another process
 * rebuilds reads one consistent pair; a rebuild removes the pair it replaces.
 */

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const cacheDir = join(root, 'node_modules', '.cache', 'cachescope');
const trustedChanges = join(root, 'src', 'worker', 'trustedChanges.ts');

interface Manifest {
  esbuild: string;
  /** The bundle's SHA-256, in hex: names its code cache. */
  hash: string;
  inputs: Record<string, string>;
}

/** A thread's bundle and the file for its V8 code cache (which may not exist yet). */
export interface ThreadBundle {
  file: string;
  codeCache: string;
}

/** esbuild's version without loading esbuild (a quarter of a second on a busy machine). */
async function esbuildVersion(): Promise<string> {
  const pkg = createRequire(import.meta.url).resolve('esbuild/package.json');
  return (JSON.parse(await readFile(pkg, 'utf8')) as { version: string }).version;
}

/** A file's size and modification time: what says it changed. */
const fingerprint = async (file: string): Promise<string> => {
  const s = await stat(file);
  return `${s.size}:${s.mtimeMs}`;
};

/** The manifest of the bundle when the bundle is up to date with its sources, else null. */
async function upToDate(manifestFile: string, version: string): Promise<Manifest | null> {
  try {
    const manifest = JSON.parse(await readFile(manifestFile, 'utf8')) as Manifest;
    if (manifest.esbuild !== version || typeof manifest.hash !== 'string') return null;
    const inputs = Object.entries(manifest.inputs);
    const now = await Promise.all(inputs.map(([file]) => fingerprint(join(root, file))));
    return inputs.every(([, print], i) => now[i] === print) ? manifest : null;
  } catch {
    return null;
  }
}

/**
 * `entry` (a .ts file under src/) bundled into one CommonJS script, made or refreshed as needed, and
 * where its code cache goes. Rejects when esbuild cannot be loaded or the bundle fails (the caller then
 * starts from TypeScript).
 */
export async function bundledThread(entry: URL): Promise<ThreadBundle> {
  const name = fileURLToPath(entry)
    .slice(root.length + 1)
    .replace(/[\\/]/g, '_')
    .replace(/\.ts$/, '');
  const manifestFile = join(cacheDir, `${name}.json`);
  const filesOf = (hash: string): ThreadBundle => ({
    file: join(cacheDir, `${name}.${hash.slice(0, 16)}.cjs`),
    codeCache: join(cacheDir, `${name}.${hash.slice(0, 16)}.v8cache`),
  });
  const known = await upToDate(manifestFile, await esbuildVersion());
  if (known) return filesOf(known.hash);
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    entryPoints: [fileURLToPath(entry)],
    absWorkingDir: root,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    write: false,
    metafile: true,
    logLevel: 'silent',
    plugins: [
      {
        name: 'thread-without-schema',
        setup(build) {
          build.onResolve({ filter: /[\\/]scenario[\\/]changes\.ts$/ }, (args) =>
            /[\\/]src[\\/]engine[\\/]/.test(args.importer) ? { path: trustedChanges } : undefined,
          );
        },
      },
    ],
  });
  const inputs: Record<string, string> = {};
  for (const file of Object.keys(result.metafile.inputs)) {
    inputs[file] = await fingerprint(join(root, file));
  }
  await mkdir(cacheDir, { recursive: true });
  const contents = result.outputFiles[0]!.contents;
  const hash = createHash('sha256').update(contents).digest('hex');
  const made = filesOf(hash);
  const previous = await readFile(manifestFile, 'utf8').then(
    (text) => (JSON.parse(text) as Partial<Manifest>).hash,
    () => undefined,
  );
  // Written under a name of its own, then renamed: two sweeps starting at once never read half a file.
  await writeAtomically(made.file, contents);
  const manifest: Manifest = { esbuild: esbuild.version, hash, inputs };
  await writeAtomically(manifestFile, JSON.stringify(manifest));
  if (typeof previous === 'string' && previous !== hash) {
    const old = filesOf(previous);
    await Promise.all([rm(old.file, { force: true }), rm(old.codeCache, { force: true })]);
  }
  return made;
}

async function writeAtomically(file: string, contents: string | Uint8Array): Promise<void> {
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, contents);
  await rename(tmp, file);
}
