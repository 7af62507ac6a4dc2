#!/usr/bin/env node
/**
 * `npm run extract`: runs src/pipeline/cli.ts from a plain JavaScript bundle.
 *
 * Why: through tsx, a fresh process spent ~0.7 s of CPU before reading the first document (tsx starts a
 * second Node process and compiles every module on the way in), more than the seeds' extraction itself.
 * This launcher keeps one bundle of the CLI (esbuild, the compiler tsx itself uses) in
 * node_modules/.cache/sco-atlas/ and rebuilds it only when one of the files that went into it is
 * newer than it (its list comes from esbuild's metafile), so editing the pipeline needs no build step.
 * Without esbuild it falls back to tsx. Plain .mjs on purpose: it must run before anything is compiled.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { NODE_FLAGS } from './node-flags.mjs';

// TurboFan without inlining, set before any of the pipeline's code is compiled. A run is short and
// cold: its optimising compiler ran on V8's background threads for ~3 s of CPU over the 1,000-document
// corpus (2 threads extracting, each compiling the same hot functions; inlining makes the large ones,
// mentionOf, extractDocument, titleFromPrefix, take 0.1-0.5 s each, several times over after a deopt),
// and without inlining ~2.4 s, with no slower extraction seen on the threads themselves (3 interleaved
// runs each: CPU 12.2 -> 11.5 s at load 8-10; the seeds 1.15 -> 0.98 s over 6 runs). Only a compile-time
// choice of the optimiser: unlike --no-regexp-tier-up (taken out in a03f05f after a crash), it changes no
// code or object already made. Skipped when the command line sets inlining itself.
if (!process.execArgv.some((a) => a.includes('inlin'))) setFlagsFromString('--no-turbo-inlining');
// The flags a run wants for its heaps (node-flags.mjs): given on the command line they reach this thread;
// set here, the workers' heaps get them too when the command line did not give them.
for (const flag of NODE_FLAGS) if (!process.execArgv.some((a) => a.startsWith(flag.split('=')[0]))) setFlagsFromString(flag);

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '../..');
const cacheDir = join(root, 'node_modules/.cache/sco-atlas');
// One bundle per project folder: a second checkout whose node_modules is a link to this one's (a git
// worktree, a copy made to compare two versions) shares this cache folder, and each judged the other's
// bundle fresh whenever it was newer than its own sources, so a run could execute the other tree's code.
const bundleDir = join(cacheDir, `extract-${createHash('sha256').update(root).digest('hex').slice(0, 12)}`);
const bundle = join(bundleDir, 'cli.mjs');
const inputsFile = join(bundleDir, 'inputs.json');

/** True when the bundle exists and no file it was built from has changed since. */
function fresh() {
  try {
    const built = statSync(bundle).mtimeMs;
    if (statSync(fileURLToPath(import.meta.url)).mtimeMs >= built) return false; // this launcher's build options changed
    const inputs = JSON.parse(readFileSync(inputsFile, 'utf8'));
    return Array.isArray(inputs) && inputs.length > 0 && inputs.every((f) => statSync(join(root, f)).mtimeMs < built);
  } catch {
    return false;
  }
}

async function rebuild() {
  const { build } = await import('esbuild');
  mkdirSync(cacheDir, { recursive: true });
  // Built into a folder of its own and swapped in whole, so an extraction starting meanwhile never reads
  // half a bundle. Code split, so what is imported on demand (pdf.js, only for a folder with PDFs) stays
  // on demand instead of loading with the CLI.
  const tmp = join(cacheDir, `extract.${process.pid}.tmp`);
  rmSync(tmp, { recursive: true, force: true });
  const result = await build({
    // The pool's worker (pool-worker.ts) is an entry of its own: pool.ts starts it from beside itself.
    entryPoints: { cli: join(here, 'cli.ts'), 'pool-worker': join(here, 'pool-worker.ts') },
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'es2022',
    // The packages are bundled too (each thread loaded ~40 of their files through Node's ESM loader and lexed
    // the CommonJS ones for their exports: a worker's start-up 0.8 -> 0.45 s of CPU, the seeds' run 1.55 -> 1.03 s),
    // except pdf.js (loaded on demand, with files of its own) and a UMD package esbuild cannot follow.
    external: ['pdfjs-dist', 'pdfjs-dist/*', 'jsonc-parser', 'esbuild', 'tsx', 'vite'],
    // Bundled CommonJS code calls require() (chardet's file reader): ESM has none, so one is made.
    banner: {
      js: "import { createRequire as __sco_createRequire } from 'node:module'; const require = __sco_createRequire(import.meta.url);",
    },
    outdir: tmp,
    outExtension: { '.js': '.mjs' },
    metafile: true,
    logLevel: 'warning',
    absWorkingDir: root,
    // The project this bundle is for (paths.ts DATA_DIR): not the folder above the bundle, which in a
    // checkout linking another's node_modules is the other checkout.
    define: { __SCO_ATLAS_PROJECT__: JSON.stringify(root) },
  });
  writeFileSync(join(tmp, 'inputs.json'), JSON.stringify(Object.keys(result.metafile.inputs).sort()));
  const old = join(cacheDir, `extract.${process.pid}.old`);
  if (existsSync(bundleDir)) renameSync(bundleDir, old);
  renameSync(tmp, bundleDir);
  rmSync(old, { recursive: true, force: true });
}

let entry = bundle;
if (!fresh()) {
  try {
    await rebuild();
  } catch (e) {
    if (process.env.SCO_DEBUG) console.error(`extract: no bundle (${e?.message ?? e}); running through tsx`);
    const { register } = await import('tsx/esm/api');
    register();
    entry = join(here, 'cli.ts');
  }
}
if (!existsSync(entry)) entry = join(here, 'cli.ts');
await import(pathToFileURL(entry).href);
