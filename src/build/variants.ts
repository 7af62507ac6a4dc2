/**
 * The build variants of the one vite.config.ts (Node side, build time only: imported by the config,
 * never by the app; src/build/ holds code that runs in Vite, not in the browser):
 *   default   the app (index.html) and the example reveal.js deck (src/deck/index.html) as a second page
 *   single    one HTML file with code, styles, data, basemap and MapLibre's worker inlined (file://)
 *   element   the <sco-atlas> custom element as an ES module library
 * Kept here rather than inline in vite.config.ts so the shared config stays short and readable.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin, PluginOption, UserConfig } from 'vite';
import { viteSingleFile } from 'vite-plugin-singlefile';
import { DATA_OPEN, fillShell } from '../app/corrections/single-file.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const OFFLINE_DATA_ID = 'virtual:sco-atlas/offline-data';
/** Where the single file is written (inside dist/, so the layout gains no new top-level folder). */
export const SINGLE_OUT_DIR = 'dist/single';
export const SINGLE_FILE_NAME = 'sco-atlas.html';
export const ELEMENT_OUT_DIR = 'dist/element';
/** Reads (and, on the Node side, writes) the single file's data block. */
const SINGLE_FILE_MODULE = join(ROOT, 'src/app/corrections/single-file.ts');
/** A plugin of this name in a single build's inline config makes it write the shell: the data block left empty. */
export const SHELL_MARKER = 'sco-atlas:single-shell-marker';

/** Every file of the pipeline's output as text, keyed by its path relative to public/data/. */
function readDataFolder(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  if (!existsSync(dir)) return files;
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(json|geojson|txt)$/.test(name)) files[relative(dir, p).split('\\').join('/')] = readFileSync(p, 'utf8');
    }
  };
  walk(dir);
  return files;
}

/**
 * `virtual:sco-atlas/offline-data`: in the single-file build, the data folder read from the file's own
 * JSON block, so the data travels inside the HTML; in every other build, null (the app fetches ./data/).
 */
function offlineData(mode: string): Plugin {
  const resolved = '\0' + OFFLINE_DATA_ID;
  return {
    name: 'sco-atlas:offline-data',
    resolveId: (id) => (id === OFFLINE_DATA_ID ? resolved : undefined),
    load(id) {
      if (id !== resolved) return undefined;
      if (mode !== 'single') return 'export default null;';
      // The data is not in the code: it sits in the file's JSON block (single-file.ts), filled in after
      // the build (singleFileCsp) or by the page that makes a single file (take-away-single.ts).
      return `import { takeEmbedded } from ${JSON.stringify(SINGLE_FILE_MODULE)};\nexport default takeEmbedded();\n`;
    },
  };
}

/** The single build's data folder: public/data (or SCO_ATLAS_DATA_DIR, e.g. a test fixture) and the story. */
function singleData(): { dir: string; files: Record<string, string> } {
  const dir = process.env.SCO_ATLAS_DATA_DIR ? join(ROOT, process.env.SCO_ATLAS_DATA_DIR) : join(ROOT, 'public', 'data');
  const files = readDataFolder(dir);
  if (!files['story.json'] && !process.env.SCO_ATLAS_DATA_DIR && existsSync(STORY_FILE))
    files['story.json'] = readFileSync(STORY_FILE, 'utf8');
  return { dir, files };
}

const STORY_FILE = join(ROOT, 'data', 'story.json');

/**
 * data/story.json (the chosen story steps, edited by people) is served as `data/story.json` next to
 * the pipeline's output, in dev and in the build, unless the data folder already has its own.
 */
function storyFile(): Plugin {
  const own = () => existsSync(join(ROOT, 'public', 'data', 'story.json'));
  return {
    name: 'sco-atlas:story-file',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        if (!req.url || req.url.split('?')[0] !== '/data/story.json' || own() || !existsSync(STORY_FILE)) return next();
        res.setHeader('content-type', 'application/json');
        res.end(readFileSync(STORY_FILE));
      });
    },
    generateBundle() {
      if (!own() && existsSync(STORY_FILE))
        this.emitFile({ type: 'asset', fileName: 'data/story.json', source: readFileSync(STORY_FILE, 'utf8') });
    },
  };
}

/**
 * In the single file, `?url` imports of big text assets (MapLibre's worker, the world-atlas country
 * shapes) become blob: URLs made at start-up from the inlined text, instead of base64 data: URLs:
 * base64 makes them a third larger and defeats gzip. MapLibre fetches the worker from the blob and,
 * on file:// (an opaque origin), starts it from a data: URL it builds itself.
 */
function inlineTextUrls(): Plugin {
  const PREFIX = '\0sco-atlas:text-url:';
  return {
    name: 'sco-atlas:inline-text-urls',
    enforce: 'pre',
    async resolveId(source, importer) {
      const m = /^(.*\.(?:json|mjs|js))\?url$/.exec(source);
      if (!m) return undefined;
      const resolved = await this.resolve(m[1]!, importer, { skipSelf: true });
      // The id must not end in .json, or Vite's JSON plugin would parse this module as JSON.
      return resolved ? `${PREFIX}${encodeURIComponent(resolved.id).replace(/\./g, '%2E')}.js` : undefined;
    },
    load(id) {
      if (!id.startsWith(PREFIX)) return undefined;
      const file = decodeURIComponent(id.slice(PREFIX.length, -'.js'.length));
      const type = file.endsWith('.json') ? 'application/json' : 'text/javascript';
      const text = readFileSync(file, 'utf8');
      return `export default URL.createObjectURL(new Blob([${JSON.stringify(text)}], { type: ${JSON.stringify(type)} }));\n`;
    },
  };
}

/** Loads the offline-data shim before the app in the single file, so the app's fetches find the data. */
function singleEntry(): Plugin {
  return {
    name: 'sco-atlas:single-entry',
    transformIndexHtml: {
      order: 'pre',
      handler: (html) =>
        html
          .replace(
            /<script type="module" src="\/src\/app\/main.ts"><\/script>/,
            '<script type="module" src="/src/app/present/offline-entry.ts"></script>\n    $&',
          )
          // A placeholder hash, replaced by the real one once the script is inlined (singleFileCsp).
          .replace(/script-src 'self'/, "script-src 'sha256-pending'")
          // public/ is not copied beside the single file: its icon goes inline, and the web manifest (an
          // installed app needs a server) goes.
          .replace(
            /(<link rel="icon" href=")\/favicon\.svg"/,
            (_, a: string) => `${a}data:image/svg+xml,${encodeURIComponent(readFileSync(join(ROOT, 'public/favicon.svg'), 'utf8'))}"`,
          )
          .replace(/\s*<link rel="manifest"[^>]*>/, '')
          // The data block (single-file.ts): after the app's element, filled in once the file is written.
          .replace(/<\/body>/, `  ${DATA_OPEN}</script>\n  $&`),
    },
  };
}

/**
 * index.html's Content-Security-Policy forbids inline scripts, and the single file is nothing but an
 * inline script. Rather than drop the policy, allow exactly that script by its sha256 hash, and let
 * MapLibre start its worker and the app read its basemap from the data: URLs inlining produces.
 */
function singleFileCsp(): Plugin {
  let outDir = '';
  let shellOnly = false;
  return {
    name: 'sco-atlas:single-csp',
    enforce: 'post',
    configResolved(config) {
      outDir = config.build.outDir;
      shellOnly = config.plugins.some((p) => p.name === SHELL_MARKER);
    },
    writeBundle() {
      const from = join(outDir, 'index.html');
      const to = join(outDir, SINGLE_FILE_NAME);
      if (!existsSync(from)) return;
      let html = readFileSync(from, 'utf8');
      // Scripts that run, by hash; the JSON data block never runs, so the policy stays the same whatever the data.
      const hashes = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)]
        .filter((m) => m[2]!.length > 0 && !/type="application\/json"/.test(m[1]!))
        .map((m) => `'sha256-${createHash('sha256').update(m[2]!, 'utf8').digest('base64')}'`);
      html = html.replace(
        /(<meta\s+http-equiv="Content-Security-Policy"\s+content=")([^"]*)(")/,
        (_, a: string, policy: string, z: string) => {
          const directives = policy
            .split(';')
            .map((d) => d.trim())
            .filter(Boolean)
            .map((d) => {
              const [name] = d.split(/\s+/);
              if (name === 'script-src') return `script-src ${hashes.join(' ')}`;
              if (name === 'worker-src') return `${d} data:`;
              if (name === 'connect-src') return `${d} data: blob:`;
              return d;
            });
          return a + directives.join('; ') + z;
        },
      );
      if (!shellOnly) {
        const { dir, files } = singleData();
        if (!files['events.json'])
          this.error(`The single-file build needs the pipeline's output in ${dir}: run \`npm run extract\` first.`);
        html = fillShell(html, files);
      }
      writeFileSync(from, html);
      renameSync(from, to);
    },
  };
}

export const presentationVariants = {
  plugins(mode: string): PluginOption[] {
    const always: PluginOption[] = [offlineData(mode)];
    if (mode === 'single')
      return [...always, inlineTextUrls(), singleEntry(), viteSingleFile({ removeViteModuleLoader: true }), singleFileCsp()];
    if (mode === 'element') return always;
    return [...always, storyFile()];
  },

  /**
   * Components inject their own CSS (Svelte puts it in the nearest shadow root, else <head>) in every
   * build: the <sco-atlas> element lives in a shadow root, also inside the example deck's page, where
   * an extracted stylesheet in <head> would never reach it. The CSP allows inline styles already.
   */
  svelteOptions(_mode: string) {
    return { compilerOptions: { css: 'injected' as const } };
  },

  build(mode: string): NonNullable<UserConfig['build']> {
    if (mode === 'single') return { outDir: SINGLE_OUT_DIR, emptyOutDir: true, rolldownOptions: { input: join(ROOT, 'index.html') } };
    if (mode === 'element')
      return {
        outDir: ELEMENT_OUT_DIR,
        emptyOutDir: true,
        lib: { entry: join(ROOT, 'src/element/sco-atlas.ts'), formats: ['es'], fileName: () => 'sco-atlas.js' },
      };
    return { rolldownOptions: { input: { index: join(ROOT, 'index.html'), deck: join(ROOT, 'src/deck/index.html') } } };
  },

  /** The single file and the element carry their data differently; neither wants public/ copied. */
  publicDir(mode: string): string | false {
    return mode === 'single' || mode === 'element' ? false : 'public';
  },
};
