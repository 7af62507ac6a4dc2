/**
 * Where the page's JS heap goes: `npx tsx bench/heap.ts <build dir> [events] [--no-webgl]` opens the
 * built app on a generated corpus (bench-<events>, written into the build if missing), waits until the
 * map is idle with everything in (the page as a user has it: no test script injected), collects garbage, and prints the heap used (the bench's figure) and a
 * heap snapshot's self sizes grouped by kind and by constructor or string, largest first, and the
 * largest retainers of its dominator tree (what would go if the thing holding it went).
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
  snapshot: { meta: { node_fields: string[]; node_types: [string[]]; edge_fields: string[]; edge_types: [string[]] } };
  nodes: number[];
  edges: number[];
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

/**
 * A snapshot's flat arrays as a graph: the field offsets of nodes and edges, the node count, and where
 * each node's edges start in `edges` (node i's are firstEdge[i] .. firstEdge[i + 1], step E).
 */
function graphOf(s: Snapshot) {
  const { node_fields: nf, node_types: nt, edge_fields: ef, edge_types: et } = s.snapshot.meta;
  const N = nf.length;
  const E = ef.length;
  const [iType, iName, iSize, iEdges] = ['type', 'name', 'self_size', 'edge_count'].map((k) => nf.indexOf(k)) as [
    number,
    number,
    number,
    number,
  ];
  const [eType, eName, eTo] = ['type', 'name_or_index', 'to_node'].map((k) => ef.indexOf(k)) as [number, number, number];
  const count = s.nodes.length / N;
  const firstEdge = new Uint32Array(count + 1);
  for (let i = 0, e = 0; i < count; i++) {
    firstEdge[i] = e;
    e += s.nodes[i * N + iEdges]! * E;
  }
  firstEdge[count] = s.edges.length;
  return { nt, et, N, E, iType, iName, iSize, eType, eName, eTo, count, firstEdge };
}

/**
 * Compiled code (bytecode, baseline and optimised code, feedback, scope infos: every node of kind
 * "code") by the script it was compiled from: each function's SharedFunctionInfo names its script, and
 * the code nodes it reaches (without passing through another function or a script) are counted for it.
 * Shows whether the code held is MapLibre's, the app's first chunks or a lazily loaded part, largest
 * first (file names without their content hash). Code no function owns (built-ins, regular
 * expressions' code) is left out and its total said.
 */
export function codeByScript(s: Snapshot, top = 12): { byScript: Array<[string, number]>; unowned: number } {
  const { nt, et, N, E, iType, iName, iSize, eType, eName, eTo, count, firstEdge } = graphOf(s);
  const isCode = (i: number) => nt[0][s.nodes[i * N + iType]!] === 'code';
  const name = (i: number) => s.strings[s.nodes[i * N + iName]!] ?? '';
  const named = (e: number) => !['element', 'hidden'].includes(et[0][s.edges[e + eType]!] ?? '');
  const script = new Map<number, number>();
  for (let i = 0; i < count; i++) {
    if (!isCode(i) || !name(i).startsWith('system / SharedFunctionInfo')) continue;
    for (let e = firstEdge[i]!; e < firstEdge[i + 1]!; e += E)
      if (named(e) && s.strings[s.edges[e + eName]!] === 'script') script.set(i, s.edges[e + eTo]! / N);
  }
  const owned = new Uint8Array(count);
  const sums = new Map<string, number>();
  for (const [fn, sc] of script) {
    const file = (name(sc).split('/').pop() || '(no name)').replace(/-[\w-]{8}(\.m?js)$/, '$1');
    let sum = s.nodes[fn * N + iSize]!;
    owned[fn] = 1;
    const stack = [fn];
    while (stack.length) {
      const i = stack.pop()!;
      for (let e = firstEdge[i]!; e < firstEdge[i + 1]!; e += E) {
        const to = s.edges[e + eTo]! / N;
        if (owned[to] || !isCode(to) || script.has(to) || name(to).startsWith('system / Script')) continue;
        owned[to] = 1;
        sum += s.nodes[to * N + iSize]!;
        stack.push(to);
      }
    }
    sums.set(file, (sums.get(file) ?? 0) + sum);
  }
  let unowned = 0;
  for (let i = 0; i < count; i++) if (isCode(i) && !owned[i]) unowned += s.nodes[i * N + iSize]!;
  return { byScript: [...sums].sort((a, b) => b[1] - a[1]).slice(0, top), unowned };
}

/**
 * What keeps the heap alive: the snapshot's dominator tree (Cooper, Harvey and Kennedy's iterative
 * algorithm over a post-order of the strong edges from the root), each node's retained size counted in
 * the JS heap only (native nodes, such as array buffers' bytes and Blink's objects, count 0: the bench's
 * figure leaves them out). Returns the nodes retaining at least `min` bytes, `depth` levels down from
 * the GC roots, largest first, each with the edge its dominator holds it by ("~" when the dominator
 * reaches it only through others). How the placements' collision grids, the module scopes and the
 * caches of 7 December were found.
 */
export function retainers(s: Snapshot, min = 32 * 1024, depth = 4): Array<{ depth: number; edge: string; node: string; retained: number }> {
  const { nt, et, N, E, iType, iName, iSize, eType, eName, eTo, count, firstEdge } = graphOf(s);
  const strong = (e: number) => !['weak', 'shortcut'].includes(et[0][s.edges[e + eType]!] ?? '');
  const to = (e: number) => s.edges[e + eTo]! / N;
  // Post-order of what the root reaches by strong edges (an explicit stack: the graph is deep).
  const order = new Int32Array(count).fill(-1);
  const post: number[] = [];
  const stack = [0];
  const next = [firstEdge[0]!];
  order[0] = -2;
  while (stack.length) {
    const n = stack[stack.length - 1]!;
    const e = next[next.length - 1]!;
    if (e < firstEdge[n + 1]!) {
      next[next.length - 1] = e + E;
      if (strong(e) && order[to(e)] === -1) {
        order[to(e)] = -2;
        stack.push(to(e));
        next.push(firstEdge[to(e)]!);
      }
    } else {
      stack.pop();
      next.pop();
      order[n] = post.length;
      post.push(n);
    }
  }
  const preds: number[][] = post.map(() => []);
  for (const n of post) for (let e = firstEdge[n]!; e < firstEdge[n + 1]!; e += E) if (strong(e)) preds[order[to(e)]!]!.push(order[n]!);
  const root = post.length - 1;
  const idom = new Int32Array(post.length).fill(-1);
  idom[root] = root;
  for (let changed = true; changed;) {
    changed = false;
    for (let k = root - 1; k >= 0; k--) {
      let d = -1;
      for (const p of preds[k]!) {
        if (idom[p] === -1) continue;
        let [a, b] = [p, d];
        if (d !== -1)
          while (a !== b) {
            while (a < b) a = idom[a]!;
            while (b < a) b = idom[b]!;
          }
        d = a;
      }
      if (d !== -1 && idom[k] !== d) {
        idom[k] = d;
        changed = true;
      }
    }
  }
  const type = (n: number) => nt[0][s.nodes[n * N + iType]!] ?? '?';
  const retained = post.map((n) => (type(n) === 'native' ? 0 : s.nodes[n * N + iSize]!));
  for (let k = 0; k < root; k++) if (idom[k]! >= 0) retained[idom[k]!]! += retained[k]!;
  const kids: number[][] = post.map(() => []);
  for (let k = 0; k < root; k++) if (idom[k]! >= 0) kids[idom[k]!]!.push(k);
  const edgeTo = (from: number, k: number) => {
    for (let e = firstEdge[post[from]!]!; e < firstEdge[post[from]! + 1]!; e += E)
      if (to(e) === post[k]) {
        const t = et[0][s.edges[e + eType]!];
        return t === 'element' || t === 'hidden' ? `[${s.edges[e + eName]}]` : (s.strings[s.edges[e + eName]!] ?? '?');
      }
    return '~';
  };
  const out: Array<{ depth: number; edge: string; node: string; retained: number }> = [];
  const walk = (k: number, d: number) => {
    for (const c of kids[k]!.filter((c) => retained[c]! >= min).sort((a, b) => retained[b]! - retained[a]!)) {
      const name = (s.strings[s.nodes[post[c]! * N + iName]!] ?? '').slice(0, 60).replace(/\s+/g, ' ');
      out.push({ depth: d, edge: edgeTo(k, c), node: `${type(post[c]!)}:${name}`, retained: retained[c]! });
      if (d < depth) walk(c, d + 1);
    }
  };
  // Below the root and its "(GC roots)" node: the first levels that say something.
  const gcRoots = kids[root]!.find((k) => s.strings[s.nodes[post[k]! * N + iName]!] === '(GC roots)');
  walk(gcRoots ?? root, 1);
  return out;
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
  const snapshot = JSON.parse(chunks.join('')) as Snapshot;
  const { byType, byName } = summariseSnapshot(snapshot);
  const code = codeByScript(snapshot);
  const mb = (n: number) => (n / 1024 / 1024).toFixed(2).padStart(7);
  return [
    'by kind:',
    ...byType.map(([t, n]) => `  ${mb(n)} MB  ${t}`),
    '',
    'compiled code by script:',
    ...code.byScript.map(([f, n]) => `  ${mb(n)} MB  ${f}`),
    `  ${mb(code.unowned)} MB  (no script: built-ins, regular expressions)`,
    '',
    'largest retainers (dominator tree; JS heap only, native objects count 0):',
    ...retainers(snapshot).map((r) => `  ${mb(r.retained)} MB  ${'  '.repeat(r.depth - 1)}${r.edge} -> ${r.node}`),
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
