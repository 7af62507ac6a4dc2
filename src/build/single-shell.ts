/**
 * The single-file shell (issue 12, "Take it away"): the HTML `npm run build:single` writes, with its data
 * block left empty (src/app/corrections/single-file.ts), put beside the app as `single-shell.html` so the
 * page can make a single offline file of the atlas it shows, added documents and fixes included.
 *
 *   vite build    builds the single variant once more, after the app, and writes the shell to the
 *                 app's output folder (a static host serves it like any other file; the page fetches
 *                 it only when "Download as one offline file" is clicked);
 *   vite (dev)    serves /single-shell.html, built on the first request and kept until a source
 *                 file changes.
 *
 * The shell is built by the single variant itself (variants.ts), so a file made by the page and one made
 * by `npm run build:single` from the same data are the same bytes.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'vite';
import { SHELL_FILE } from '../app/corrections/single-file.ts';
import { SHELL_MARKER, SINGLE_FILE_NAME } from './variants.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Builds the single variant with an empty data block and returns its HTML. */
export async function buildShell(): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'sco-atlas-shell-'));
  try {
    await build({
      configFile: join(ROOT, 'vite.config.ts'),
      root: ROOT,
      mode: 'single',
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true },
      plugins: [{ name: SHELL_MARKER }],
    });
    return readFileSync(join(outDir, SINGLE_FILE_NAME), 'utf8');
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

export function singleShell(): Plugin {
  let outDir = '';
  let building = false;
  let shell: Promise<string> | null = null;
  return {
    name: 'sco-atlas:single-shell',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
      building = config.command === 'build';
    },
    async closeBundle() {
      // The dev server calls closeBundle too, when it stops: only a build writes the shell.
      if (!building || this.meta.watchMode) return;
      writeFileSync(join(outDir, SHELL_FILE), await buildShell());
    },
    configureServer(server) {
      const src = resolve(ROOT, 'src') + sep;
      // Any change to the app's code makes the next request build the shell again.
      server.watcher.on('change', (file) => {
        if (resolve(file).startsWith(src) || resolve(file) === join(ROOT, 'index.html')) shell = null;
      });
      server.middlewares.use((req, res, next) => {
        if (!req.url || req.url.split('?')[0] !== `/${SHELL_FILE}`) return next();
        const made = (shell ??= buildShell());
        made.catch(() => (shell = null));
        made.then(
          (html) => {
            res.setHeader('content-type', 'text/html; charset=utf-8');
            res.end(html);
          },
          (e: Error) => {
            server.config.logger.error(`sco-atlas: the single-file shell could not be built: ${e.message}`);
            res.statusCode = 500;
            res.end(`The single-file shell could not be built: ${e.message}`);
          },
        );
      });
    },
  };
}
