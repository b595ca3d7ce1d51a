// A tiny static server for dist/: no extra process to manage, closes with the test.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
};

/**
 * Serves `root` on a free localhost port; resolves to { url, origin, close }. Paths under `/__e2e/`
 * come from `fixtures` instead (files only the browser checks use, such as a worker to load under the
 * CSP). With `prefix` (e.g. `/docs/tools/cachescope/`), `root` is served under that path only, as a
 * documentation site would host it, and anything outside it is a 404.
 */
export function serveStatic(root, fixtures, { prefix = '/' } = {}) {
  /** Every path asked for that was not found, so a check can say what a page missed. */
  const missing = [];
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const fixture = fixtures && path.startsWith('/__e2e/');
    const inside = fixture || path.startsWith(prefix);
    const local = fixture ? path.slice('/__e2e'.length) : `/${path.slice(prefix.length)}`;
    const rel = normalize(local === '/' ? '/index.html' : local).replace(/^(\.\.[/\\])+/, '');
    try {
      if (!inside) throw new Error('outside the prefix');
      const body = await readFile(join(fixture ? fixtures : root, rel));
      res.writeHead(200, { 'content-type': TYPES[extname(rel)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      missing.push(path);
      res.writeHead(404);
      res.end('not found');
    }
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      const origin = `http://127.0.0.1:${port}`;
      resolve({
        url: `${origin}${prefix}`,
        origin,
        missing,
        close: () => new Promise((r) => server.close(() => r())),
      });
    });
  });
}
