/**
 * The bench's figures: what one run measures (`Run`), the medians over runs, the targets, and the
 * table written to bench/results/latest.md. Kept apart from run.ts, which drives the browser.
 */
import { medianOf, round } from './stats.ts';

export interface Run {
  /** Navigation to the map drawn with the cities and the timeline's marks on screen (first-screen.ts). */
  firstScreenMs: number | null;
  /** The same in a browser without WebGL (the 2D map is the whole map), measured alternately. */
  firstScreenNoWebglMs: number | null;
  /** Navigation to the MapLibre map's first idle with places and events drawn. */
  firstIdleMs: number | null;
  /** Milestones on the way to first idle (performance marks of the app; ms since navigation). */
  scriptStartMs: number | null;
  dataLoadedMs: number | null;
  readyMs: number | null;
  /** Navigation to the map's idle with everything drawn, statements in too. */
  allIdleMs: number | null;
  scrubP50Ms: number | null;
  scrubP95Ms: number | null;
  scrubSamples: number;
  dragFrameP50Ms: number | null;
  dragFrameP95Ms: number | null;
  repaintsPerSecDrag: number | null;
  /** Redraws of the discs' 2D canvas per second of drag, and the time one takes (performance measure `map:discs`). */
  discDrawsPerSecDrag: number | null;
  discDrawP50Ms: number | null;
  discDrawP95Ms: number | null;
  mapRepaintMs: number | null;
  mapRepaintJsMs: number | null;
  /** Map repaints per second while the map itself is dragged (panned): the WebGL frame rate here. */
  panRepaintsPerSec: number | null;
  playFps: number | null;
  playRepaintsPerSec: number | null;
  playDiscDrawsPerSec: number | null;
  /** JS heap after GC once the drag, play and pan are done (the bench's scripts are in the page). */
  heapMB: number | null;
  /** JS heap after GC in a fresh page at map idle, as a user has it (bench/heap.ts). */
  heapIdleMB: number | null;
  downloadedGzipKB: number;
  errors: string[];
}

/** The machine the figures come from (run.ts `machine()`). */
export interface Machine {
  cores: number;
  cpu: string;
  memoryGB: number | null;
  node: string;
  chromium: string;
  glRenderer: string;
  glVendor: string;
  gl: 'software' | 'hardware';
  viewport: string;
  loadAverage: { start: number | null; end: number | null };
}

/** The pipeline's throughput, read back from bench/results/extract.json (run.ts `pipelineThroughput()`). */
export interface Pipeline {
  mbPerSec: number | null;
  cliMBps: number | null;
  seedsWallSeconds: number | null;
  output: string;
}

export function emptyRun(): Run {
  return {
    firstScreenMs: null,
    firstScreenNoWebglMs: null,
    firstIdleMs: null,
    scriptStartMs: null,
    dataLoadedMs: null,
    readyMs: null,
    allIdleMs: null,
    scrubP50Ms: null,
    scrubP95Ms: null,
    scrubSamples: 0,
    dragFrameP50Ms: null,
    dragFrameP95Ms: null,
    repaintsPerSecDrag: null,
    discDrawsPerSecDrag: null,
    discDrawP50Ms: null,
    discDrawP95Ms: null,
    mapRepaintMs: null,
    mapRepaintJsMs: null,
    panRepaintsPerSec: null,
    playFps: null,
    playRepaintsPerSec: null,
    playDiscDrawsPerSec: null,
    heapMB: null,
    heapIdleMB: null,
    downloadedGzipKB: 0,
    errors: [],
  };
}

const TARGETS: Record<string, Record<string, [number, '<=' | '<']>> = {
  seeds: { firstScreenMs: [600, '<='], firstIdleMs: [1500, '<'] },
  '1000': { firstScreenMs: [750, '<='], heapIdleMB: [8, '<='] },
  '10000': { firstScreenMs: [750, '<='], scrubP95Ms: [4, '<='], dragFrameP95Ms: [67, '<='] },
  '100000': { scrubP95Ms: [16, '<='], firstIdleMs: [3000, '<'], heapMB: [150, '<='] },
};

function verdict(size: string, metric: string, value: number | null): string {
  const t = TARGETS[size]?.[metric];
  if (!t || value === null) return '';
  const ok = t[1] === '<' ? value < t[0] : value <= t[0];
  return ok ? ` ✓ (${t[1]} ${t[0]})` : ` ✗ (target ${t[1]} ${t[0]})`;
}

export function markdown(results: ReturnType<typeof summarise>): string {
  // Seeds first (object keys that look like numbers would otherwise come first).
  const cols = ['seeds', ...Object.keys(results.sizes).filter((k) => k !== 'seeds')];
  const metrics: [keyof Run, string][] = [
    ['firstScreenMs', 'first screen: map with its cities and timeline marks drawn (ms)'],
    ['firstScreenNoWebglMs', '… the same without WebGL (--disable-3d-apis; the 2D map is the map) (ms)'],
    ['firstIdleMs', 'map idle: the WebGL map has taken over, places and events drawn (ms)'],
    ['scriptStartMs', '… app script running (ms)'],
    ['dataLoadedMs', '… events loaded and validated (ms; after the first screen, which is drawn from event-index.json)'],
    ['readyMs', '… statements in too, views redrawn (ms)'],
    ['allIdleMs', 'map idle with everything in, statements too (ms)'],
    ['scrubP50Ms', 'scrub cost p50 (ms)'],
    ['scrubP95Ms', 'scrub cost p95 (ms)'],
    ['scrubSamples', '… scrub samples per run (2 s brush drag + 40 brush steps)'],
    ['dragFrameP50Ms', 'drag frame interval p50 (ms)'],
    ['dragFrameP95Ms', 'drag frame interval p95 (ms)'],
    ['repaintsPerSecDrag', 'map (WebGL) repaints per second of drag'],
    ['discDrawsPerSecDrag', 'disc canvas (2D) redraws per second of drag'],
    ['discDrawP50Ms', 'one disc canvas redraw p50 (ms)'],
    ['discDrawP95Ms', 'one disc canvas redraw p95 (ms)'],
    ['mapRepaintMs', 'one map repaint (ms, spacing of back-to-back repaints while panning the map)'],
    ['mapRepaintJsMs', 'JS part of one map repaint (ms)'],
    ['panRepaintsPerSec', 'map repaints per second while panning the map'],
    ['playFps', 'frames per second while playing'],
    ['playRepaintsPerSec', 'map (WebGL) repaints per second while playing'],
    ['playDiscDrawsPerSec', 'disc canvas redraws per second while playing'],
    ['heapIdleMB', 'JS heap after GC, map idle, fresh page with no bench scripts (MB)'],
    ['heapMB', 'JS heap after GC, after the drag, play and pan (MB)'],
    ['downloadedGzipKB', 'downloaded, gzip (KB)'],
  ];
  const lines = [
    `# SCO Atlas benchmark (${results.date})`,
    '',
    `Command: \`npm run bench\` (${results.reps} repetitions, medians). Machine: ${results.machine.cores} cores (${results.machine.cpu}), ${results.machine.memoryGB} GB, Chromium ${results.machine.chromium}, ${results.machine.gl} GL (${results.machine.glRenderer}), viewport ${results.machine.viewport}; load average ${results.machine.loadAverage.start} at the start and ${results.machine.loadAverage.end} at the end (other work was running on this ${results.machine.cores}-core machine).`,
    '',
    `| metric | ${cols.map((c) => (c === 'seeds' ? 'seeds' : `${Number(c).toLocaleString('en')} events`)).join(' | ')} |`,
    `| --- | ${cols.map(() => '---:').join(' | ')} |`,
    ...metrics.map(
      ([k, label]) =>
        `| ${label} | ${cols
          .map((c) => {
            const v = results.sizes[c]![k] as number | null;
            return `${v ?? '–'}${verdict(c, k, v)}`;
          })
          .join(' | ')} |`,
    ),
    '',
    `Initial JS (entry + static imports, gzip): **${results.initialJsGzipKB} KB**${results.initialJsGzipKB <= 350 ? ' ✓ (<= 350)' : ' ✗ (target <= 350)'}; all JS in the build: ${results.allJsGzipKB} KB gzip; whole build without data: ${results.buildGzipKB} KB gzip.`,
    '',
    `Pipeline throughput (\`npm run bench:extract\`, generated corpus): ${results.pipeline.mbPerSec ?? '–'} MB/s extraction in process, ${results.pipeline.cliMBps ?? '–'} MB/s through the CLI including start-up; seeds end to end ${results.pipeline.seedsWallSeconds ?? '–'} s.`,
    '',
    "First screen is navigation → the first animation frame with the map drawn with the cities (the 2D map, src/app/map/canvas2d/, shown while MapLibre loads) and the timeline's marks: the page can be read and used. Both are drawn from event-index.json (src/contract/event-index-file.ts: per event its days, place, topic, statement count and flags); the events file is fetched meanwhile and checked in the task after that frame, and until it is in, what names an event (hover, lists) waits. Map idle is navigation → the WebGL map's first idle with the places and events drawn, when it replaces the 2D map (same pixels). Statements, the largest file and only needed by the reading panel (which says they are loading), are still arriving then; the next rows time them and the idle with everything in. " +
      'Scrub cost is the app\'s own work per brush move (performance measure `scrub`: state → timeline redraw → the map\'s data call returned; the map then redraws its city discs in the next animation frame, timed separately as "one disc canvas redraw"). Map repaints run on SwiftShader (software WebGL) here, where one blocks the page for tens of milliseconds; the city discs are therefore drawn on a 2D canvas over the map, so a brush drag or play changes only that canvas and repaints the WebGL map not at all (the basemap did not change). "One map repaint" is measured while panning the map, the one gesture that still repaints it on every frame.',
  ];
  const errs = Object.entries(results.sizes).flatMap(([s, r]) => r.errors.map((e) => `- ${s}: ${e}`));
  if (errs.length) lines.push('', '## Problems seen during the runs', '', ...[...new Set(errs)].slice(0, 30));
  return lines.join('\n') + '\n';
}

export function summarise(
  runs: Record<string, Run[]>,
  reps: number,
  extra: { initialJsGzipKB: number; allJsGzipKB: number; buildGzipKB: number; machine: Machine; pipeline: Pipeline },
) {
  const sizes: Record<string, Run> = {};
  for (const [size, rs] of Object.entries(runs)) {
    const med = (k: keyof Run) => round(medianOf(rs.map((r) => r[k] as number | null)), 2);
    sizes[size] = {
      firstScreenMs: med('firstScreenMs'),
      firstScreenNoWebglMs: med('firstScreenNoWebglMs'),
      firstIdleMs: med('firstIdleMs'),
      scriptStartMs: med('scriptStartMs'),
      dataLoadedMs: med('dataLoadedMs'),
      readyMs: med('readyMs'),
      allIdleMs: med('allIdleMs'),
      scrubP50Ms: med('scrubP50Ms'),
      scrubP95Ms: med('scrubP95Ms'),
      scrubSamples: med('scrubSamples') ?? 0,
      dragFrameP50Ms: med('dragFrameP50Ms'),
      dragFrameP95Ms: med('dragFrameP95Ms'),
      repaintsPerSecDrag: med('repaintsPerSecDrag'),
      discDrawsPerSecDrag: med('discDrawsPerSecDrag'),
      discDrawP50Ms: med('discDrawP50Ms'),
      discDrawP95Ms: med('discDrawP95Ms'),
      mapRepaintMs: med('mapRepaintMs'),
      mapRepaintJsMs: med('mapRepaintJsMs'),
      panRepaintsPerSec: med('panRepaintsPerSec'),
      playFps: med('playFps'),
      playRepaintsPerSec: med('playRepaintsPerSec'),
      playDiscDrawsPerSec: med('playDiscDrawsPerSec'),
      heapMB: med('heapMB'),
      heapIdleMB: med('heapIdleMB'),
      downloadedGzipKB: med('downloadedGzipKB') ?? 0,
      errors: [...new Set(rs.flatMap((r) => r.errors))],
    };
  }
  return {
    date: new Date().toISOString(),
    command: 'npm run bench',
    reps,
    machine: extra.machine,
    initialJsGzipKB: round(extra.initialJsGzipKB)!,
    allJsGzipKB: round(extra.allJsGzipKB)!,
    buildGzipKB: round(extra.buildGzipKB)!,
    pipeline: extra.pipeline,
    seeds: sizes.seeds!,
    sizes,
    ...Object.fromEntries(Object.entries(sizes).filter(([k]) => k !== 'seeds')),
    targets: TARGETS,
  };
}
