/**
 * Builds the app on the bundled corpus once, serves the build with `vite preview` on a free loopback
 * port, and hands the URL to the browser tests. The tests then drive Debian's Chromium against it.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, preview, type PreviewServer } from 'vite';
import type { TestProject } from 'vitest/node';

let server: PreviewServer | undefined;
// A private build folder, so two test runs on one machine never overwrite each other's build.
const outDir = mkdtempSync(join(tmpdir(), 'sco-atlas-e2e-'));

export async function setup(project: TestProject): Promise<void> {
  execFileSync('npx', ['tsx', 'src/pipeline/cli.ts'], { stdio: 'inherit' });
  await build({ logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  server = await preview({ build: { outDir }, preview: { port: 0, host: '127.0.0.1', strictPort: false }, logLevel: 'warn' });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report a URL');
  project.provide('baseUrl', url);
  // The served folder itself: tests may add corpora under it (corpora/<name>/) and open them with ?data=.
  project.provide('outDir', outDir);
}

export async function teardown(): Promise<void> {
  await server?.close();
  rmSync(outDir, { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    outDir: string;
  }
}
