/**
 * What the figures were measured on (cores, memory, Chromium, GL renderer, load), and the pipeline's
 * own throughput bench, run beside the browser bench by run.ts.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import type { Machine, Pipeline } from './report.ts';
import { round } from './stats.ts';

export async function machine(browser: Browser, viewport: { width: number; height: number }, loadAtStart: number): Promise<Machine> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const gl = await page.evaluate(() => {
    const ctx = document.createElement('canvas').getContext('webgl2');
    if (!ctx) return { renderer: 'none (no WebGL2)', vendor: '' };
    const ext = ctx.getExtension('WEBGL_debug_renderer_info');
    return {
      renderer: String(ext ? ctx.getParameter(ext.UNMASKED_RENDERER_WEBGL) : ctx.getParameter(ctx.RENDERER)),
      vendor: String(ext ? ctx.getParameter(ext.UNMASKED_VENDOR_WEBGL) : ctx.getParameter(ctx.VENDOR)),
    };
  });
  await context.close();
  return {
    cores: cpus().length,
    cpu: cpus()[0]?.model ?? 'unknown',
    memoryGB: round(totalmem() / 1024 ** 3),
    node: process.version,
    chromium: browser.version(),
    glRenderer: gl.renderer,
    glVendor: gl.vendor,
    gl: /swiftshader|llvmpipe|software|none/i.test(gl.renderer) ? 'software' : 'hardware',
    viewport: `${viewport.width}x${viewport.height}`,
    /** 1-minute load average when the runs started and ended: other work on the machine inflates every figure. */
    loadAverage: { start: round(loadAtStart, 2), end: round(loadavg()[0], 2) },
  };
}

/**
 * The pipeline's own throughput benchmark (bench/extract.ts, owned by the pipeline engineer), run as
 * is; its figures are read back from bench/results/extract.json.
 */
export function pipelineThroughput(results: string): Pipeline {
  const none = { mbPerSec: null, cliMBps: null, seedsWallSeconds: null };
  if (process.env.BENCH_SKIP_PIPELINE) return { ...none, output: 'skipped (BENCH_SKIP_PIPELINE)' };
  const run = spawnSync('npx', ['tsx', 'bench/extract.ts'], { encoding: 'utf8', timeout: 900_000 });
  const output = `${run.stdout ?? ''}${run.stderr ?? ''}`.trim().split('\n').slice(-6).join('\n');
  try {
    const r = JSON.parse(readFileSync(join(results, 'extract.json'), 'utf8')) as {
      seeds?: { medianWallSeconds?: number };
      corpus?: { cli?: { medianMBps?: number }; inProcess?: { medianMBps?: number } };
    };
    return {
      mbPerSec: r.corpus?.inProcess?.medianMBps ?? null,
      cliMBps: r.corpus?.cli?.medianMBps ?? null,
      seedsWallSeconds: r.seeds?.medianWallSeconds ?? null,
      output,
    };
  } catch {
    return { ...none, output };
  }
}
