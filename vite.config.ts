import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';
import { presentationVariants } from './src/build/variants.ts';
import { devExtract } from './src/build/dev-extract.ts';
import { singleShell } from './src/build/single-shell.ts';
import { fastValidators } from './src/contract/build/fast-validators.ts';
import { checkedDataPlugin } from './src/contract/build/checked-data.ts';
import { firstChunk } from './src/build/first-chunk.ts';

// Build variants (issue 4; see README "Presenting with SCO Atlas"):
//   vite build                 the app (index.html) plus the example reveal.js deck (src/deck/index.html)
//   vite build --mode single   one self-contained HTML (code, styles, data, basemap, worker inlined)
//   vite build --mode element  the <sco-atlas> custom element as an ES library
// The app's first code in one chunk (src/build/first-chunk.ts), in the page's builds (not the single file or the element).
const first = firstChunk(/\/src\/app\/main\.ts$/);
const pageBuild = (mode: string) => mode !== 'single' && mode !== 'element' && mode !== 'test';

export default defineConfig(({ mode }) => ({
  // svelteTesting only under vitest's own 'test' mode: it rewrites resolve.conditions whenever VITEST is
  // set, so the browser-test build (run inside vitest) would otherwise bundle Svelte's server runtime.
  plugins: [
    svelte(presentationVariants.svelteOptions(mode)),
    ...(mode === 'test' ? [svelteTesting()] : []),
    ...presentationVariants.plugins(mode),
    // npm start: re-extract when a file in data/sources/ changes, then reload the page (dev server only).
    ...(mode === 'test' ? [] : [devExtract()]),
    // The single-file shell beside the app, for the page's "Download as one offline file" (issue 12).
    ...(mode === 'test' || mode === 'single' || mode === 'element' ? [] : [singleShell()]),
    // The data contract's checks compiled ahead of time, so the page checks large files fast without eval.
    fastValidators(),
    // data/membership.json and data/seas.json, checked against the contract when the app is built, not in the page.
    checkedDataPlugin(),
    ...(pageBuild(mode) ? [first.plugin] : []),
  ],
  // The loading worker (src/app/data/load.worker.ts) is bundled apart and needs the same checks.
  worker: { format: 'es', plugins: () => [fastValidators()] },
  // npm start: the dev server finds the dependencies to pre-bundle by scanning these files. From index.html
  // alone it misses what the documents worker and the lazily loaded parts import (pdf.js, mammoth, exceljs,
  // chrono's locales, idb-keyval...), finds them when the first document is added, and reloads the page
  // mid-extraction ("optimized dependencies changed. reloading").
  optimizeDeps: { entries: ['index.html', 'src/deck/index.html', 'src/app/**/*.{ts,svelte}'] },
  base: './',
  build: { outDir: 'dist', sourcemap: false, ...first.build(presentationVariants.build(mode), pageBuild(mode)) },
  publicDir: presentationVariants.publicDir(mode),
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'jsdom',
          setupFiles: ['tests/unit/setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 180_000,
          fileParallelism: false,
          globalSetup: ['tests/e2e/global-setup.ts'],
        },
      },
    ],
  },
}));
