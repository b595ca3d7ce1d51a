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
 * Serves `root` on a free localhost port; resolves to { url, close }. Paths under `/__e2e/` come from
 * `fixtures` instead (files only the browser checks use, such as a worker to load under the CSP).
 */
export function serveStatic(root, fixtures) {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const fixture = fixtures && path.startsWith('/__e2e/');
    const rel = normalize(
      path === '/' ? '/index.html' : fixture ? path.slice('/__e2e'.length) : path,
    ).replace(/^(\.\.[/\\])+/, '');
    try {
      const body = await readFile(join(fixture ? fixtures : root, rel));
      res.writeHead(200, { 'content-type': TYPES[extname(rel)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404);
      res.end('not found');
    }
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({
        url: `http://127.0.0.1:${port}/`,
        close: () => new Promise((r) => server.close(() => r())),
      });
    });
  });
}
