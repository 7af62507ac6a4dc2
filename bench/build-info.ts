/**
 * What the bench reads from a build and small helpers of run.ts: the JS a page needs before it can
 * start, the files of the build, and a promise with a time limit.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipBytes } from './stats.ts';

/** JS the page needs before it can start: the entry script and its static imports (modulepreload). */
export function initialJs(outDir: string): { files: string[]; gzipKB: number } {
  const html = readFileSync(join(outDir, 'index.html'), 'utf8');
  const files = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="([^"]+\.m?js)"/g)].map((m) =>
    m[1]!.replace(/^\.?\//, ''),
  );
  const gz = files.reduce((n, f) => n + gzipBytes(join(outDir, f)), 0);
  return { files, gzipKB: gz / 1024 };
}

export function allFiles(dir: string, skip: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (path === skip) return [];
    return statSync(path).isDirectory() ? allFiles(path, skip) : [path];
  });
}

export async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
