import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
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
 */

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const cacheDir = join(root, 'node_modules', '.cache', 'cachescope');
const trustedChanges = join(root, 'src', 'worker', 'trustedChanges.ts');

interface Manifest {
  esbuild: string;
  inputs: Record<string, string>;
}

/** A file's size and modification time: what says it changed. */
const fingerprint = async (file: string): Promise<string> => {
  const s = await stat(file);
  return `${s.size}:${s.mtimeMs}`;
};

async function upToDate(manifestFile: string, version: string): Promise<boolean> {
  try {
    const manifest = JSON.parse(await readFile(manifestFile, 'utf8')) as Manifest;
    if (manifest.esbuild !== version) return false;
    const inputs = Object.entries(manifest.inputs);
    const now = await Promise.all(inputs.map(([file]) => fingerprint(join(root, file))));
    return inputs.every(([, print], i) => now[i] === print);
  } catch {
    return false;
  }
}

/**
 * The path of `entry` (a .ts file under src/) bundled into one ES module, made or refreshed as needed.
 * Rejects when esbuild cannot be loaded or the bundle fails (the caller then starts from TypeScript).
 */
export async function bundledThread(entry: URL): Promise<string> {
  const esbuild = await import('esbuild');
  const name = fileURLToPath(entry)
    .slice(root.length + 1)
    .replace(/[\\/]/g, '_')
    .replace(/\.ts$/, '');
  const out = join(cacheDir, `${name}.mjs`);
  const manifestFile = join(cacheDir, `${name}.json`);
  if (await upToDate(manifestFile, esbuild.version)) return out;
  const result = await esbuild.build({
    entryPoints: [fileURLToPath(entry)],
    absWorkingDir: root,
    bundle: true,
    platform: 'node',
    format: 'esm',
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
  // Written under a name of its own, then renamed: two sweeps starting at once never read half a file.
  const tmp = `${out}.${process.pid}.tmp`;
  await writeFile(tmp, result.outputFiles[0]!.contents);
  await rename(tmp, out);
  const manifest: Manifest = { esbuild: esbuild.version, inputs };
  await writeFile(`${manifestFile}.${process.pid}.tmp`, JSON.stringify(manifest));
  await rename(`${manifestFile}.${process.pid}.tmp`, manifestFile);
  return out;
}
