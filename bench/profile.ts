/**
 * Where does a brush drag spend its time? Builds the app (unminified, so names survive), opens a
 * generated corpus, drags the brush for two seconds under the CDP CPU profiler and prints the
 * functions with the most self time, plus the `scrub` measures.
 *
 *   npx tsx bench/profile.ts [events=10000]        a brush drag
 *   npx tsx bench/profile.ts [events=10000|seeds] load   the page load, navigation to the map's first idle
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, preview } from 'vite';
import { launch } from '../tests/e2e/browser.ts';
import { generateDataset, writeDataset } from './generate-dataset.ts';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
}

const seeds = process.argv[2] === 'seeds';
const size = seeds ? 0 : Number(process.argv[2] ?? 10_000);
const mode = process.argv[3] === 'load' ? 'load' : 'drag';
const outDir = mkdtempSync(join(tmpdir(), 'sco-atlas-profile-'));
await build({ logLevel: 'warn', build: { outDir, emptyOutDir: true, minify: false } });
if (!seeds) writeDataset(generateDataset(size), join(outDir, 'corpora', `bench-${size}`));
const server = await preview({ build: { outDir }, preview: { port: 0, host: '127.0.0.1' }, logLevel: 'warn' });
const base = server.resolvedUrls!.local[0]!;
const browser = await launch();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  if (mode === 'load') {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
    await cdp.send('Profiler.start');
    await page.goto(seeds ? base : `${base}?data=corpora/bench-${size}/`);
    await page.waitForFunction('!!window.__atlas');
    await page.evaluate('window.__atlas.ready.then(() => window.__atlas.mapIdle())');
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
    printTop(profile, 40);
    console.log(
      (
        await page.evaluate(() =>
          performance
            .getEntries()
            .filter((e) => e.entryType === 'mark' || e.entryType === 'measure')
            .map((e) => `${e.name} ${e.startTime.toFixed(0)} +${e.duration.toFixed(0)}`),
        )
      ).join('\n'),
    );
    const cdp2 = await page.context().newCDPSession(page);
    await cdp2.send('HeapProfiler.collectGarbage');
    const { metrics } = await cdp2.send('Performance.getMetrics');
    console.log('heap MB', ((metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0) / 1048576).toFixed(1));
    process.exit(0);
  }
  await page.goto(seeds ? base : `${base}?data=corpora/bench-${size}/`);
  await page.waitForFunction('!!window.__atlas');
  await page.evaluate('window.__atlas.ready.then(() => window.__atlas.mapIdle())');
  const marks = await page.evaluate(() =>
    performance
      .getEntries()
      .filter((e) => e.entryType === 'mark' || e.entryType === 'measure')
      .map((e) => `${e.name} ${e.startTime.toFixed(0)} +${e.duration.toFixed(0)}`),
  );
  console.log(marks.join('\n'));
  const overlay = (await page.locator('.brush .overlay').boundingBox())!;
  const y = overlay.y + overlay.height / 2;
  await page.mouse.move(overlay.x + overlay.width * 0.4, y);
  await page.mouse.down();
  await page.mouse.move(overlay.x + overlay.width * 0.5, y, { steps: 3 });
  await page.mouse.up();
  const sel = (await page.locator('.brush .selection').boundingBox())!;
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await page.evaluate(() => performance.clearMeasures('scrub'));
  await cdp.send('Profiler.start');
  await page.mouse.move(sel.x + sel.width / 2, y);
  await page.mouse.down();
  const t0 = Date.now();
  for (let i = 1; Date.now() - t0 < 2000; i++) {
    await page.mouse.move(sel.x + sel.width / 2 + Math.sin(((Date.now() - t0) / 2000) * 2 * Math.PI) * overlay.width * 0.25, y);
    await new Promise((r) => setTimeout(r, Math.max(0, t0 + i * 16 - Date.now())));
  }
  await page.mouse.up();
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
  const scrub = await page.evaluate(() => performance.getEntriesByName('scrub').map((m) => m.duration));
  const self = new Map<string, number>();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  profile.samples.forEach((id, i) => {
    const n = byId.get(id)!;
    const key = `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  // Inclusive time of everything called under the app's scrub path (App.svelte `commit`).
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const name = (n: Node) =>
    `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber + 1}`;
  const inclusive = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const stack: Node[] = [];
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) stack.push(byId.get(at)!);
    if (!stack.some((n) => n.callFrame.functionName === 'commit')) return;
    for (const key of new Set(stack.map(name))) inclusive.set(key, (inclusive.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  // PROFILE_FOCUS=<function name>: print the call paths that lead to it (app frames only).
  const focus = process.env.PROFILE_FOCUS;
  if (focus) {
    const paths = new Map<string, number>();
    profile.samples.forEach((id, i) => {
      const stack: Node[] = [];
      for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) stack.push(byId.get(at)!);
      const k = stack.findIndex((n) => n.callFrame.functionName === focus);
      if (k < 0) return;
      const path = stack
        .slice(k, k + 14)
        .map(name)
        .join(' < ');
      paths.set(path, (paths.get(path) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
    });
    for (const [path, ms] of [...paths].sort((a, b) => b[1] - a[1]).slice(0, 5)) console.log(`${ms.toFixed(1)} ms: ${path}\n`);
  }
  console.log('\ninclusive time under commit():');
  for (const [k, v] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(`${v.toFixed(1).padStart(8)} ms  ${k}`);
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  console.log(
    `\n${size} events: ${scrub.length} scrubs, mean ${(scrub.reduce((a, b) => a + b, 0) / scrub.length).toFixed(2)} ms; profile ${total.toFixed(0)} ms`,
  );
  for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`${v.toFixed(1).padStart(8)} ms  ${k}`);
} finally {
  await browser.close();
  await server.close();
  rmSync(outDir, { recursive: true, force: true });
}

function printTop(profile: Profile, n: number): void {
  const byId = new Map(profile.nodes.map((x) => [x.id, x]));
  const parent = new Map<number, number>();
  for (const x of profile.nodes) for (const c of x.children ?? []) parent.set(c, x.id);
  const name = (x: Node) =>
    `${x.callFrame.functionName || '(anonymous)'} ${x.callFrame.url.split('/').pop()}:${x.callFrame.lineNumber + 1}`;
  const self = new Map<string, number>();
  const incl = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const dt = (profile.timeDeltas[i] ?? 0) / 1000;
    const leaf = byId.get(id)!;
    self.set(name(leaf), (self.get(name(leaf)) ?? 0) + dt);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) seen.add(name(byId.get(at)!));
    for (const k of seen) incl.set(k, (incl.get(k) ?? 0) + dt);
  });
  console.log('self:');
  for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, n)) console.log(`${v.toFixed(0).padStart(8)} ms  ${k}`);
  console.log('inclusive:');
  for (const [k, v] of [...incl].sort((a, b) => b[1] - a[1]).slice(0, n)) console.log(`${v.toFixed(0).padStart(8)} ms  ${k}`);
}
