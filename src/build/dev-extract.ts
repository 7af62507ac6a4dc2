/**
 * `npm start` keeps up with data/sources/ (issue 12): a Vite plugin for the dev server that watches the
 * documents folder with Vite's own watcher, runs the extraction CLI (src/pipeline/extract.mjs, in a child
 * process so a slow or failing run never blocks the server) when a file is added, changed or removed,
 * and tells the page to reload once the run has swapped its outputs in (write.ts: one atomic rename).
 * Changes that arrive during a run are gathered into one more run after it; a burst of saves within
 * DEBOUNCE_MS is one run. The extraction cache (cache.ts) makes a run on one changed file take about
 * as long as writing the outputs.
 */
import { spawn } from 'node:child_process';
import { join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin, ViteDevServer } from 'vite';
import { NODE_FLAGS } from '../pipeline/node-flags.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DEBOUNCE_MS = 300;

export interface DevExtractOptions {
  /** The documents folder to watch (default: data/sources). */
  sourcesDir?: string;
  /** Where the data files go (default: public/data, which the page reads). */
  outDir?: string;
  /** Extra arguments for the CLI (the tests pass --cache to keep their own). */
  args?: string[];
}

export function devExtract(options: DevExtractOptions = {}): Plugin {
  const sources = resolve(options.sourcesDir ?? join(ROOT, 'data/sources'));
  const out = resolve(options.outDir ?? join(ROOT, 'public/data'));
  return {
    name: 'sco-atlas:dev-extract',
    apply: 'serve',
    configureServer(server: ViteDevServer) {
      const log = server.config.logger;
      let timer: ReturnType<typeof setTimeout> | undefined;
      let running = false;
      let again = false;
      const run = () => {
        if (running) {
          again = true;
          return;
        }
        running = true;
        const started = Date.now();
        const child = spawn(
          process.execPath,
          [...NODE_FLAGS, join(ROOT, 'src/pipeline/extract.mjs'), '--in', sources, '--out', out, '--quiet', ...(options.args ?? [])],
          {
            cwd: ROOT,
            stdio: ['ignore', 'pipe', 'pipe'],
          },
        );
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (d: Buffer) => (stdout += d));
        child.stderr.on('data', (d: Buffer) => (stderr += d));
        child.on('close', (code) => {
          running = false;
          const took = `${((Date.now() - started) / 1000).toFixed(1)} s`;
          // Exit 1: some document failed, named in report.json; the others were written, so the page reloads.
          if (code === 0 || code === 1) {
            log.info(
              `sco-atlas: ${stdout.trim().split('\n').pop() ?? 'extracted'} (${took})${code === 1 ? '; some documents failed, see report.json' : ''}`,
              {
                timestamp: true,
              },
            );
            server.ws.send({ type: 'full-reload', path: '*' });
          } else
            log.error(`sco-atlas: extraction failed (exit ${code}); the page keeps the previous data\n${stderr.trim()}`, {
              timestamp: true,
            });
          if (again) {
            again = false;
            run();
          }
        });
      };
      const inSources = (file: string) => resolve(file).startsWith(sources + sep);
      const changed = (file: string) => {
        if (!inSources(file)) return;
        clearTimeout(timer);
        timer = setTimeout(run, DEBOUNCE_MS);
      };
      server.watcher.add(sources);
      for (const event of ['add', 'change', 'unlink'] as const) server.watcher.on(event, changed);
    },
  };
}
