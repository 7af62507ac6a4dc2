/**
 * `npm run bench`: builds the app, serves it on loopback, and measures it in Debian's headless
 * Chromium with the seed corpus and with generated corpora of 1,000, 10,000 and 100,000 events.
 * Writes bench/results/latest.json and bench/results/latest.md (medians of several repetitions).
 *
 * Environment: BENCH_REPS (default 3), BENCH_SIZES (default "1000,10000,100000"),
 * BENCH_SKIP_PIPELINE=1 (skip the pipeline MB/s run), BENCH_KEEP=1 (keep the build folder).
 * Not part of `npm test`: these are measurements, not pass/fail tests.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, setPriority, tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import type { Browser, Page } from 'playwright-core';
import { launch } from '../tests/e2e/browser.ts';
import { allFiles, initialJs, withTimeout } from './build-info.ts';
import { FIRST_SCREEN_PROBE, firstScreenWithoutWebgl } from './first-screen.ts';
import { heapReport, idleHeapMB } from './heap.ts';
import { generateDataset, writeDataset } from './generate-dataset.ts';
import { INSTRUMENT, type BenchProbe } from './instrument.ts';
import { precompress, serveStatic, servedBytes } from './serve.ts';
import { settleBrowser } from './settle.ts';
import { machine, pipelineThroughput } from './machine.ts';
import { emptyRun, markdown, summarise, type Run } from './report.ts';
import { gzipBytes, intervals, p, round } from './stats.ts';

const REPS = Number(process.env.BENCH_REPS ?? 3);
const SIZES = (process.env.BENCH_SIZES ?? '1000,10000,100000')
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean);
const VIEWPORT = { width: 1280, height: 800 };
const DRAG_MS = 2000;
const PLAY_MS = 3000;
const PAN_MS = 1500;
const RESULTS = join(process.cwd(), 'bench', 'results');
const LOAD_AT_START = loadavg()[0]!;

type Win = Window & {
  __bench: BenchProbe;
  __atlas?: { ready: Promise<void>; mapIdle(): Promise<void>; firstIdle?(): Promise<void>; state: unknown };
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function log(msg: string): void {
  process.stdout.write(`[bench] ${msg}\n`);
}

/** The brush's draggable selection on the timeline, creating one over the middle fifth if there is none. */
async function brushBox(page: Page): Promise<{ x: number; y: number; width: number } | null> {
  const overlay = page.locator('.brush .overlay, [data-brush] .overlay').first();
  if (!(await overlay.count())) return null;
  const ob = await overlay.boundingBox();
  if (!ob) return null;
  const sel = page.locator('.brush .selection, [data-brush] .selection').first();
  let sb = (await sel.count()) ? await sel.boundingBox() : null;
  if (!sb || sb.width < 4 || sb.width > ob.width * 0.9) {
    const y = ob.y + ob.height / 2;
    await page.mouse.move(ob.x + ob.width * 0.4, y);
    await page.mouse.down();
    await page.mouse.move(ob.x + ob.width * 0.5, y, { steps: 4 });
    await page.mouse.up();
    await sleep(300);
    sb = await sel.boundingBox();
  }
  if (!sb) return null;
  return { x: sb.x + sb.width / 2, y: sb.y + sb.height / 2, width: ob.width };
}

const pageUrl = (base: string, size: string) => (size === 'seeds' ? base : `${base}?data=corpora/bench-${size}/`);

async function measure(browser: Browser, base: string, size: string, outDir: string): Promise<Run> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    // A generated corpus has no story.json, which is optional: a static host answers 404 and the
    // browser logs that as an error; the app reads it as "no story file".
    if (m.type() !== 'error' || (/\/story\.json$/.test(m.location().url) && / 404 /.test(m.text()))) return;
    errors.push(`console: ${m.text()}`);
  });
  // Which files the page fetched; their sizes are added up after the measurements, so the bench's
  // own work never competes with the page it is timing.
  const fetched: string[] = [];
  const origin = new URL(base).origin;
  page.on('response', (res) => {
    const url = new URL(res.url());
    // GET only: a HEAD (the page asking a large file's size before its loading worker fetches it) carries no body.
    if (url.origin === origin && res.status() === 200 && res.request().method() === 'GET') fetched.push(decodeURIComponent(url.pathname));
  });
  const downloadedBytes = () =>
    fetched.reduce((n, path) => {
      try {
        return n + servedBytes(join(outDir, path === '/' ? 'index.html' : path));
      } catch {
        return n; // not a file of the build
      }
    }, 0);
  await page.addInitScript(INSTRUMENT);
  await page.addInitScript(FIRST_SCREEN_PROBE);
  const url = pageUrl(base, size);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  // The new window's own set-up (a WebUI renderer of its own) is done before the clock starts: settle.ts.
  await settleBrowser(browser);

  await page.goto(url, { waitUntil: 'commit', timeout: 120_000 });
  // First idle: navigation start (performance time 0) to the map's first idle with the data drawn —
  // places and events: the discs on the map and the marks on the timeline. The statements (the largest
  // file, read only by the reading panel, which says "loading" meanwhile) may still be arriving; the
  // idle with them in too is timed as well (allIdleMs) and shown beside it.
  const [firstIdleMs, allIdleMs] = await withTimeout(
    page.evaluate(async () => {
      const w = window as unknown as Win;
      while (!w.__atlas) await new Promise((r) => setTimeout(r, 5));
      if (w.__atlas.firstIdle) await w.__atlas.firstIdle();
      const first = performance.getEntriesByName('map:first-idle')[0]?.startTime ?? null;
      await w.__atlas.ready;
      await w.__atlas.mapIdle();
      const all = performance.getEntriesByName('map:idle')[0]?.startTime ?? performance.now();
      return [first ?? all, all];
    }),
    120_000,
    'first idle',
  );
  // (No named inner functions in page code: tsx would wrap them in a `__name` helper the page lacks.)
  const [scriptStartMs, dataLoadedMs, readyMs, firstScreenMs] = await page.evaluate(() =>
    ['atlas:data-start', 'atlas:data-end', 'atlas:ready', 'bench:first-screen'].map(
      (name) => performance.getEntriesByName(name)[0]?.startTime ?? null,
    ),
  );
  const milestones = { scriptStartMs, dataLoadedMs, readyMs };
  await sleep(500);

  // Drag the brush for two seconds at a steady 60 moves per second, as a hand would.
  let scrub: number[] = [];
  let frames: number[] = [];
  let repaints: number[] = [];
  let repaintJs: number[] = [];
  let discDraws: number[] = [];
  const box = await brushBox(page);
  if (box) {
    await page.evaluate(() => {
      performance.clearMarks('scrub:start');
      performance.clearMarks('scrub:end');
      performance.clearMeasures('scrub');
      performance.clearMeasures('map:discs');
      (window as unknown as Win).__bench.repaints.length = 0;
      (window as unknown as Win).__bench.repaintJs.length = 0;
    });
    await page.mouse.move(box.x, box.y);
    await page.mouse.down();
    await page.evaluate(() => (window as unknown as Win).__bench.startFrames());
    const t0 = Date.now();
    for (let i = 1; ; i++) {
      const elapsed = Date.now() - t0;
      if (elapsed >= DRAG_MS) break;
      const x = box.x + Math.sin((elapsed / DRAG_MS) * 2 * Math.PI) * box.width * 0.25;
      await page.mouse.move(x, box.y);
      await sleep(Math.max(0, t0 + i * 16 - Date.now()));
    }
    await page.mouse.up();
    const got = await page.evaluate(() => {
      const b = (window as unknown as Win).__bench;
      const frames = b.stopFrames();
      const measures = performance.getEntriesByName('scrub', 'measure').map((m) => m.duration);
      let scrub = measures;
      if (!scrub.length) {
        const s = performance.getEntriesByName('scrub:start');
        const e = performance.getEntriesByName('scrub:end');
        scrub = e.map((end, i) => end.startTime - (s[i]?.startTime ?? end.startTime));
      }
      const discs = performance.getEntriesByName('map:discs', 'measure').map((m) => [m.startTime, m.duration]);
      return { frames, scrub, repaints: [...b.repaints], repaintJs: [...b.repaintJs], discs };
    });
    discDraws = got.discs
      .filter(([t]) => t! >= (got.frames[0] ?? 0) && t! <= (got.frames[got.frames.length - 1] ?? Infinity))
      .map(([, d]) => d!);
    scrub = got.scrub;
    frames = got.frames;
    repaints = got.repaints.filter((t) => t >= (frames[0] ?? 0) && t <= (frames[frames.length - 1] ?? Infinity));
    repaintJs = got.repaintJs;
  } else {
    errors.push('no brush found on the timeline (.brush .overlay)');
  }
  // More scrub samples than a 2 s drag yields (each map repaint holds the drag up): move the brush
  // 40 times by a few pixels, letting each step draw before the next. (Playhead keyboard steps are
  // not used: inside a fixed window they change only the playhead and cost ~0.1 ms, which would
  // flatter the figure.)
  const again = box ? await brushBox(page) : null;
  if (again) {
    await page.evaluate(() => performance.clearMeasures('scrub'));
    await page.mouse.move(again.x, again.y);
    await page.mouse.down();
    for (let i = 1; i <= 40; i++) {
      await page.mouse.move(again.x + (i % 20 < 10 ? i % 10 : 10 - (i % 10)) * 4, again.y);
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    }
    await page.mouse.up();
    scrub = scrub.concat(await page.evaluate(() => performance.getEntriesByName('scrub', 'measure').map((m) => m.duration)));
  }
  const frameGaps = intervals(frames);
  const dragSpan = frames.length > 1 ? (frames[frames.length - 1]! - frames[0]!) / 1000 : 0;
  await sleep(500);

  // Play for three seconds: animation frames per second and map repaints per second.
  let playFps: number | null = null;
  let playRepaintsPerSec: number | null = null;
  let playDiscDrawsPerSec: number | null = null;
  const play = page.getByRole('button', { name: /^play/i }).first();
  // A page too busy to take the click within the timeout loses the fps figure, not the whole run.
  if (await play.count())
    try {
      await page.evaluate(() => {
        (window as unknown as Win).__bench.repaints.length = 0;
        performance.clearMeasures('map:discs');
      });
      await play.click({ timeout: 15_000 });
      await page.evaluate(() => (window as unknown as Win).__bench.startFrames());
      await sleep(PLAY_MS);
      const got = await page.evaluate(() => {
        const b = (window as unknown as Win).__bench;
        return { frames: b.stopFrames(), repaints: b.repaints.length, discs: performance.getEntriesByName('map:discs', 'measure').length };
      });
      const pause = page.getByRole('button', { name: /^pause/i }).first();
      if (await pause.count()) await pause.click();
      const span = got.frames.length > 1 ? (got.frames[got.frames.length - 1]! - got.frames[0]!) / 1000 : 0;
      playFps = span ? (got.frames.length - 1) / span : null;
      playRepaintsPerSec = got.repaints / (PLAY_MS / 1000);
      playDiscDrawsPerSec = got.discs / (PLAY_MS / 1000);
    } catch (e) {
      errors.push(`play: ${(e as Error).message.split('\n')[0]}`);
    }
  else {
    errors.push('no Play button found (role button, name /^play/i)');
  }

  // What one map repaint costs: a brush drag no longer repaints the map (the discs are on their own
  // canvas), so the map itself is dragged (panned) for a second and a half, which repaints it on every
  // frame it can; the spacing of back-to-back repaints is the time of one.
  let panRepaints: number[] = [];
  let panRepaintJs: number[] = [];
  const mapBox = await page
    .locator('.maplibregl-canvas')
    .first()
    .boundingBox()
    .catch(() => null);
  if (mapBox) {
    await sleep(300);
    await page.evaluate(() => {
      (window as unknown as Win).__bench.repaints.length = 0;
      (window as unknown as Win).__bench.repaintJs.length = 0;
    });
    const cx = mapBox.x + mapBox.width / 2;
    const cy = mapBox.y + mapBox.height / 2;
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    const t0 = Date.now();
    for (let i = 1; Date.now() - t0 < PAN_MS; i++) {
      const e = (Date.now() - t0) / PAN_MS;
      await page.mouse.move(cx + Math.sin(e * 2 * Math.PI) * mapBox.width * 0.2, cy + Math.sin(e * 4 * Math.PI) * mapBox.height * 0.1);
      await sleep(Math.max(0, t0 + i * 16 - Date.now()));
    }
    await page.mouse.up();
    const got = await page.evaluate(() => ({
      repaints: [...(window as unknown as Win).__bench.repaints],
      js: [...(window as unknown as Win).__bench.repaintJs],
    }));
    panRepaints = got.repaints;
    panRepaintJs = got.js;
  }
  const panGaps = intervals(panRepaints).filter((g) => g < 1000);
  const panSpan = panRepaints.length > 1 ? (panRepaints[panRepaints.length - 1]! - panRepaints[0]!) / 1000 : 0;

  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const heap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value;
  if (process.env.BENCH_HEAP_SNAPSHOT) log(`${size}: where the heap goes\n${await heapReport(cdp)}`);
  const violations = await page.evaluate(() => (window as unknown as Win).__bench.violations);
  errors.push(...violations.map((v) => `CSP violation: ${v}`));
  await context.close();

  return {
    firstScreenMs: round(firstScreenMs ?? null),
    firstScreenNoWebglMs: null,
    heapIdleMB: null,
    firstIdleMs: round(firstIdleMs),
    scriptStartMs: round(milestones.scriptStartMs),
    dataLoadedMs: round(milestones.dataLoadedMs),
    readyMs: round(milestones.readyMs),
    allIdleMs: round(allIdleMs),
    scrubP50Ms: round(p(scrub, 0.5), 2),
    scrubP95Ms: round(p(scrub, 0.95), 2),
    scrubSamples: scrub.length,
    dragFrameP50Ms: round(p(frameGaps, 0.5)),
    dragFrameP95Ms: round(p(frameGaps, 0.95)),
    repaintsPerSecDrag: dragSpan ? round(repaints.length / dragSpan) : null,
    discDrawsPerSecDrag: dragSpan ? round(discDraws.length / dragSpan) : null,
    discDrawP50Ms: round(p(discDraws, 0.5), 2),
    discDrawP95Ms: round(p(discDraws, 0.95), 2),
    mapRepaintMs: round(p(panGaps, 0.5)),
    mapRepaintJsMs: round(p(panRepaintJs.length ? panRepaintJs : repaintJs, 0.5)),
    panRepaintsPerSec: panSpan ? round((panRepaints.length - 1) / panSpan) : null,
    playFps: round(playFps),
    playRepaintsPerSec: round(playRepaintsPerSec),
    playDiscDrawsPerSec: round(playDiscDrawsPerSec),
    heapMB: heap ? round(heap / 1024 / 1024) : null,
    downloadedGzipKB: round(downloadedBytes() / 1024) ?? 0,
    errors,
  };
}

async function main(): Promise<void> {
  // Other work on a shared machine (test runs, builds) adds noise to every figure; where allowed,
  // the bench and the Chromium it starts run at a higher priority (BENCH_PRIORITY=0 to turn off).
  try {
    setPriority(Number(process.env.BENCH_PRIORITY ?? -10));
  } catch {
    log('could not raise the priority (not permitted); figures may include noise from other processes');
  }
  const outDir = mkdtempSync(join(tmpdir(), 'sco-atlas-bench-'));
  log(`extracting the seed corpus, then building into ${outDir}`);
  execFileSync('npx', ['tsx', 'src/pipeline/cli.ts'], { stdio: 'inherit' });
  await build({ logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  const js = initialJs(outDir);
  const corpora = join(outDir, 'corpora');
  const buildFiles = allFiles(outDir, join(outDir, 'data'));
  const allJs = buildFiles.filter((f) => /\.m?js$/.test(f)).reduce((n, f) => n + gzipBytes(f), 0) / 1024;
  const buildGz = buildFiles.reduce((n, f) => n + gzipBytes(f), 0) / 1024;
  for (const size of SIZES) {
    const started = Date.now();
    writeDataset(generateDataset(Number(size)), join(corpora, `bench-${size}`));
    log(`generated ${size} events in ${Date.now() - started} ms`);
  }
  log(`precompressed ${precompress(outDir)} files (served as a static host serves them; see bench/serve.ts)`);
  const server = await serveStatic(outDir);
  const base = server.url;
  // The corpora just written (~100 MB at 100,000 events) are flushed to disk now, not while the first
  // pages are timed; and one page load that is not timed starts the browser's GPU process and caches,
  // as they are when a person opens the atlas in a browser that is already running.
  spawnSync('sync');
  const browser = await launch();
  // A second browser without WebGL: its first screen is timed right after each WebGL run (alternating).
  const noWebgl = await launch(['--disable-3d-apis']);
  try {
    await measure(browser, base, 'seeds', outDir).catch(() => undefined);
    const runs: Record<string, Run[]> = {};
    for (const size of ['seeds', ...SIZES]) {
      runs[size] = [];
      for (let rep = 0; rep < REPS; rep++) {
        const r = await measure(browser, base, size, outDir).catch((e: Error) => ({ ...emptyRun(), errors: [String(e.message)] }));
        const flat = await firstScreenWithoutWebgl(noWebgl, pageUrl(base, size)).catch((e: Error) => ({ ms: null, errors: [e.message] }));
        r.firstScreenNoWebglMs = round(flat.ms);
        r.errors.push(...flat.errors);
        // The heap of the page as a user has it (no bench scripts in it), map idle, after GC (heap.ts).
        r.heapIdleMB = await idleHeapMB(browser, pageUrl(base, size))
          .then((mb) => round(mb, 2))
          .catch((e: Error) => (r.errors.push(`idle heap: ${e.message.split('\n')[0]}`), null));
        log(
          `${size} #${rep + 1}: first screen ${r.firstScreenMs} ms (no WebGL ${r.firstScreenNoWebglMs}), idle ${r.firstIdleMs} ms, all in ${r.allIdleMs} ms (script ${r.scriptStartMs}, data ${r.dataLoadedMs}, ready ${r.readyMs}), scrub p95 ${r.scrubP95Ms} ms (${r.scrubSamples}), frame p95 ${r.dragFrameP95Ms} ms, repaints/s of drag ${r.repaintsPerSecDrag}, disc draws/s ${r.discDrawsPerSecDrag} (${r.discDrawP95Ms} ms p95), repaint ${r.mapRepaintMs} ms, play ${r.playFps} fps, heap ${r.heapMB} MB (idle ${r.heapIdleMB} MB)${r.errors.length ? `, problems: ${r.errors.slice(0, 3).join(' | ')}` : ''}`,
        );
        runs[size].push(r);
      }
    }
    const mach = await machine(browser, VIEWPORT, LOAD_AT_START);
    log('running the pipeline throughput bench');
    const pipeline = pipelineThroughput(RESULTS);
    const results = summarise(runs, REPS, {
      initialJsGzipKB: js.gzipKB,
      allJsGzipKB: allJs,
      buildGzipKB: buildGz,
      machine: mach,
      pipeline,
    });
    mkdirSync(RESULTS, { recursive: true });
    writeFileSync(join(RESULTS, 'latest.json'), JSON.stringify(results, null, 2) + '\n');
    writeFileSync(join(RESULTS, 'latest.md'), markdown(results));
    log(`wrote ${join(RESULTS, 'latest.json')} and latest.md`);
    process.stdout.write(markdown(results));
  } finally {
    await browser.close();
    await noWebgl.close();
    await server.close();
    if (!process.env.BENCH_KEEP) rmSync(outDir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
