/**
 * How the bench serves the build: as a static host does in production, with every compressible file
 * gzipped once beforehand and sent as is (nginx `gzip_static`, a CDN, sirv with `gzip: true`).
 *
 * Why not `vite preview`: it gzips each response on the fly, in the bench's own Node process, on the
 * same two cores the browser under test needs. At 100,000 events that is ~78 MB of JSON compressed
 * while the page loads (events.json alone takes ~0.4 s of server CPU, and the page's fetch of it ~1 s
 * instead of ~0.2 s), which charges the server's work to the page. Precompressing puts that cost where
 * it belongs: in the deployment, once.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import sirv from 'sirv';

/** Files a web server would compress (text formats); images and fonts are compressed already. */
const COMPRESSIBLE = /\.(m?js|css|html|json|geojson|svg|txt|map)$/i;

/**
 * Writes `<file>.gz` (level 6, what web servers use) next to every compressible file of at least 1 KB
 * under `dir`. Returns how many it wrote.
 */
export function precompress(dir: string): number {
  let n = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const s = statSync(path);
    if (s.isDirectory()) n += precompress(path);
    else if (s.size >= 1024 && COMPRESSIBLE.test(name)) {
      writeFileSync(`${path}.gz`, gzipSync(readFileSync(path), { level: 6 }));
      n++;
    }
  }
  return n;
}

/** What a browser downloads for `file` (its .gz when there is one, as the server below sends it). */
export function servedBytes(file: string): number {
  try {
    return statSync(`${file}.gz`).size;
  } catch {
    return statSync(file).size;
  }
}

/** Serves `dir` on a free loopback port; answers the .gz of a file to clients that accept gzip. */
export async function serveStatic(dir: string): Promise<{ url: string; close(): Promise<void> }> {
  const handle = sirv(dir, { gzip: true, etag: true, dev: false });
  const server: Server = createServer((req, res) =>
    handle(req, res, () => {
      res.statusCode = 404;
      res.end('not found');
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
