/**
 * Where the page's JS heap goes: `npx tsx bench/heap.ts <build dir> [events] [--no-webgl]` opens the
 * built app on a generated corpus (bench-<events>, written into the build if missing), waits until the
 * map is idle with everything in (the page as a user has it: no test script injected), collects garbage, and prints the heap used (the bench's figure) and a
 * heap snapshot's self sizes grouped by kind and by constructor or string, largest first. Self sizes
 * only (no dominator tree): enough to see whether code, strings of the data, or arrays hold the memory.
 * A last argument ending in `.heapsnapshot` saves the whole snapshot there (DevTools opens it).
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { launch } from '../tests/e2e/browser.ts';
import { generateDataset, writeDataset } from './generate-dataset.ts';
import { precompress, serveStatic } from './serve.ts';

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
  nodes: number[];
  strings: string[];
}

/** Self size by node type and by type:name, from a heap snapshot's flat node list. */
export function summariseSnapshot(s: Snapshot, top = 25): { byType: Array<[string, number]>; byName: Array<[string, number, number]> } {
  const f = s.snapshot.meta.node_fields;
  const types = s.snapshot.meta.node_types[0];
  const [iType, iName, iSize] = ['type', 'name', 'self_size'].map((k) => f.indexOf(k));
  const byType = new Map<string, number>();
  const byName = new Map<string, [number, number]>();
  for (let i = 0; i < s.nodes.length; i += f.length) {
    const type = types[s.nodes[i + iType!]!] ?? '?';
    const size = s.nodes[i + iSize!]!;
    byType.set(type, (byType.get(type) ?? 0) + size);
    const raw = s.strings[s.nodes[i + iName!]!] ?? '';
    const name = `${type}:${type === 'string' || type === 'concatenated string' ? raw.slice(0, 40).replace(/\s+/g, ' ') : raw}`;
    const e = byName.get(name) ?? [0, 0];
    e[0] += size;
    e[1]++;
    byName.set(name, e);
  }
  return {
    byType: [...byType].sort((a, b) => b[1] - a[1]),
    byName: [...byName]
      .map(([k, [size, n]]) => [k, size, n] as [string, number, number])
      .sort((a, b) => b[1] - a[1])
      .slice(0, top),
  };
}

/** A heap snapshot of the page, summarised (self sizes by kind, then the largest groups). */
export async function heapReport(cdp: CDPSession, saveTo?: string): Promise<string> {
  const chunks: string[] = [];
  const take = (e: { chunk: string }) => chunks.push(e.chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', take);
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', take);
  // The whole snapshot, to open in Chromium's DevTools (Memory, Load) for retainers and retained sizes.
  if (saveTo) writeFileSync(saveTo, chunks.join(''));
  const { byType, byName } = summariseSnapshot(JSON.parse(chunks.join('')) as Snapshot);
  const mb = (n: number) => (n / 1024 / 1024).toFixed(2).padStart(7);
  return [
    'by kind:',
    ...byType.map(([t, n]) => `  ${mb(n)} MB  ${t}`),
    '',
    'largest groups (self size, count):',
    ...byName.map(([k, n, c]) => `  ${mb(n)} MB  ${String(c).padStart(7)}  ${k}`),
    '',
  ].join('\n');
}

/**
 * Opens `url` in a fresh page and waits, through CDP only, until the map is idle with everything in;
 * then collects garbage. Not page.evaluate/waitForFunction: Playwright runs those through a ~0.35 MB
 * script of its own that it puts into the page's world, which would be counted as the page's.
 */
async function openIdle(page: Page, url: string): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await page.goto(url, { timeout: 120_000 });
  const evaluate = (expression: string) => cdp.send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true });
  await evaluate('new Promise((r) => { const t = () => (window.__atlas ? r() : setTimeout(t, 50)); t(); })');
  await evaluate('window.__atlas.ready.then(() => window.__atlas.mapIdle()).then(() => true)');
  await new Promise((r) => setTimeout(r, 1500));
  await cdp.send('HeapProfiler.collectGarbage');
  return cdp;
}

async function heapUsed(cdp: CDPSession): Promise<number> {
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
}

/** The bench's idle heap: the page as a user has it, map idle, after GC (MB); its own context. */
export async function idleHeapMB(browser: Browser, url: string): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    return (await heapUsed(await openIdle(page, url))) / 1024 / 1024;
  } finally {
    await context.close();
  }
}

async function main(): Promise<void> {
  const dir = process.argv[2];
  if (!dir || !existsSync(join(dir, 'index.html')))
    throw new Error('usage: tsx bench/heap.ts <build dir> [events] [--no-webgl] [file.heapsnapshot]');
  const size = process.argv[3] && /^\d+$/.test(process.argv[3]) ? process.argv[3] : '1000';
  const noGl = process.argv.includes('--no-webgl');
  const corpus = join(dir, 'corpora', `bench-${size}`);
  if (!existsSync(corpus)) {
    writeDataset(generateDataset(Number(size)), corpus);
    precompress(corpus);
  }
  const server = await serveStatic(dir);
  const browser = await launch(noGl ? ['--disable-3d-apis'] : []);
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const cdp = await openIdle(page, `${server.url}?data=corpora/bench-${size}/`);
    const used = await heapUsed(cdp);
    process.stdout.write(`heap used after GC: ${(used / 1024 / 1024).toFixed(2)} MB (${size} events${noGl ? ', no WebGL' : ''})\n\n`);
    const save = process.argv.find((a) => a.endsWith('.heapsnapshot'));
    process.stdout.write(await heapReport(cdp, save));
  } finally {
    await browser.close();
    await server.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href)
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
