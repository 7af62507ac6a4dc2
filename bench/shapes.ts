/**
 * The input shapes that broke extraction (issue 14 item 1), each run through the CLI as a new process
 * with its wall time, CPU time and peak memory (the child's own maxRSS, reported at its exit):
 * - 50 MB of "met in <city> on <date>" sentences: over the per-document limit, so refused by name
 *   while a small document beside it still goes through;
 * - the same kind of text at the limit (10 MB): the worst case the pipeline accepts;
 * - one line of 5 MB (no paragraph breaks at all);
 * - HTML nested 100,000 levels deep.
 * Targets: the 50 MB text in < 60 s and < 1 GB (or refused by name), the others in seconds.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { NODE_FLAGS } from '../src/pipeline/node-flags.mjs';

/** "The leaders met in <city> on <date>." sentences, a paragraph break every fifth unless `oneLine`. */
export function denseText(bytes: number, oneLine = false): string {
  const cities = ['Astana', 'Tashkent', 'Bishkek', 'Qingdao', 'Samarkand', 'Ufa', 'Dushanbe', 'Shanghai'];
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  const parts = ['Report\n\n'];
  let n = parts[0]!.length;
  for (let i = 0; n < bytes; i++) {
    const s = `The leaders met in ${cities[i % 8]} on ${1 + (i % 28)} ${months[i % 12]} ${2001 + (i % 24)}.${!oneLine && i % 5 === 4 ? '\n\n' : ' '}`;
    parts.push(s);
    n += s.length;
  }
  return parts.join('');
}

export const deepHtml = (depth: number) =>
  `<html><body>${'<div>'.repeat(depth)}<p>The leaders met in Astana on 4 July 2024.</p>${'</div>'.repeat(depth)}</body></html>`;

const REPORT_RSS =
  'data:text/javascript,process.on("exit",()=>process.stderr.write("\\nbench-maxrss-kb="+process.resourceUsage().maxRSS+"\\n"))';
const GOOD = 'Note\n\nThe ministers met in Bishkek on 14 June 2019.\n';

export interface ShapeResult {
  name: string;
  bytes: number;
  wallSeconds: number;
  cpuSeconds: number;
  peakMB: number;
  exitCode: number | null;
  summary: string;
  refused: string | null;
}

/** Runs each shape once through `launcher` (the CLI) in a folder of its own under `tmp`. */
export function runShapes(launcher: string, root: string, tmp: string): ShapeResult[] {
  const shapes: { name: string; file: string; body: () => string }[] = [
    { name: '50 MB of dated, placed sentences', file: 'dense-50mb.txt', body: () => denseText(50_000_000) },
    { name: '10 MB of the same (the limit)', file: 'dense-10mb.txt', body: () => denseText(9_990_000) },
    { name: 'one line of 5 MB', file: 'one-line-5mb.txt', body: () => denseText(5_000_000, true) },
    { name: 'HTML nested 100,000 deep', file: 'deep.html', body: () => deepHtml(100_000) },
  ];
  const out: ShapeResult[] = [];
  for (const s of shapes) {
    const dir = join(tmp, `shape-${s.file}`);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const body = s.body();
    writeFileSync(join(dir, s.file), body);
    writeFileSync(join(dir, 'good.txt'), GOOD);
    console.log(`shapes: ${s.name}`);
    const cpu = childrenCpu();
    const t = performance.now();
    const r = spawnSync(
      process.execPath,
      ['--import', REPORT_RSS, ...NODE_FLAGS, launcher, '--in', dir, '--out', join(tmp, `shape-out-${s.file}`), '--quiet'],
      { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
    );
    const wall = (performance.now() - t) / 1000;
    const rss = Number(/bench-maxrss-kb=(\d+)/.exec(r.stderr)?.[1] ?? NaN);
    const refused = /error: (.*over the limit[^\n]*)/.exec(r.stderr)?.[1] ?? null;
    out.push({
      name: s.name,
      bytes: Buffer.byteLength(body),
      wallSeconds: Math.round(wall * 100) / 100,
      cpuSeconds: Math.round((childrenCpu() - cpu) * 100) / 100,
      peakMB: Math.round(rss / 1024),
      exitCode: r.status,
      summary: (r.stdout.trim().split('\n').pop() ?? '').replace(/ → .*?( \(|$)/, '$1'),
      refused,
    });
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}

/** CPU seconds used by this process's finished children (Linux /proc; 0 elsewhere). */
function childrenCpu(): number {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8')
      .replace(/^.*\) /, '')
      .split(' ');
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return 0;
  }
}
