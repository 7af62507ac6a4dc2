/**
 * Two (or more) builds side by side: `npx tsx bench/ab.ts <build A> <build B> ...` serves each build as
 * the bench does (bench/serve.ts, gzip sent as is), loads them in turns (A, B, A, B, ...: the machine's
 * load falls on all alike) and prints the median time of each load milestone per build. The first round
 * is a warm-up and is not counted. Environment: N (rounds, default 7), Q (the query, e.g.
 * `?data=corpora/bench-10000/`, a corpus written beside each build with bench/generate-dataset.ts).
 * For before/after comparisons of one change on a shared machine, where single timings mislead.
 *
 * Also printed: for each build after the first, the median and quartiles of its per-round difference
 * from the first build (the two loads of a round are seconds apart, so a change in the machine's load
 * falls on both). AB_OUT=<file.md> writes the table there too, with the load before and after.
 */
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { launch } from '../tests/e2e/browser.ts';
import { FIRST_SCREEN_PROBE, firstScreenMark } from './first-screen.ts';
import { precompress, serveStatic } from './serve.ts';
import { settleBrowser } from './settle.ts';
import { medianOf } from './stats.ts';

const dirs = process.argv.slice(2);
if (!dirs.length) throw new Error('usage: npx tsx bench/ab.ts <build dir> [<build dir> ...]');
const q = process.env['Q'] ?? '';
const n = Number(process.env['N'] ?? 7);
const loadBefore = loadavg()[0]!;
const KEYS = [
  'atlas:data-start',
  'atlas:data-end',
  'map:countries',
  'map2d:first-screen',
  'bench:first-screen',
  'map:swap',
  'map:first-idle',
  'atlas:statements-end',
  'atlas:ready',
];

const servers = [];
for (const d of dirs) {
  precompress(d);
  servers.push(await serveStatic(d));
}
const browser = await launch();
const rows: Array<Record<string, number[]>> = dirs.map(() => ({}));
try {
  for (let round = 0; round <= n; round++)
    for (let j = 0; j < dirs.length; j++) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await page.addInitScript(FIRST_SCREEN_PROBE);
      // The new window's own set-up done before the clock starts (settle.ts); SETTLE=0 to time as before.
      if (process.env['SETTLE'] !== '0') await settleBrowser(browser);
      await page.goto(servers[j]!.url + q, { waitUntil: 'commit' });
      await page.evaluate(firstScreenMark);
      await page.evaluate('window.__atlas.ready.then(() => window.__atlas.mapIdle())');
      const marks = (await page.evaluate(
        `Object.fromEntries(${JSON.stringify(KEYS)}.map((k) => [k, performance.getEntriesByName(k)[0]?.startTime ?? NaN]))`,
      )) as Record<string, number>;
      if (round > 0) for (const [k, v] of Object.entries(marks)) (rows[j]![k] ??= []).push(v);
      await page.close();
    }
} finally {
  await browser.close();
  for (const s of servers) await s.close();
}
/** The value at fraction `f` of the sorted values (0.25, 0.5, 0.75). */
const quantile = (a: number[], f: number) => [...a].sort((x, y) => x - y)[Math.min(a.length - 1, Math.floor(f * a.length))] ?? NaN;
const lines = [
  `medians of ${n} loads each, interleaved${q ? `, ${q}` : ''} (ms since navigation); load ${loadBefore.toFixed(1)} before, ${loadavg()[0]!.toFixed(1)} after`,
  [''.padEnd(22), ...dirs.map((d) => d.slice(-12).padStart(12))].join(' '),
  ...KEYS.map((k) => [k.padEnd(22), ...rows.map((r) => String(Math.round(medianOf(r[k] ?? []) ?? NaN)).padStart(12))].join(' ')),
  '',
  'per-round difference from the first build: median [quartiles]',
  ...KEYS.filter((k) => rows[0]![k]?.some(Number.isFinite)).map((k) => {
    const base = rows[0]![k] ?? [];
    const cells = rows.slice(1).map((r) => {
      const d = (r[k] ?? []).map((v, i) => v - base[i]!).filter(Number.isFinite);
      return `${Math.round(quantile(d, 0.5))} [${Math.round(quantile(d, 0.25))}, ${Math.round(quantile(d, 0.75))}]`.padStart(20);
    });
    return [k.padEnd(22), ...cells].join(' ');
  }),
];
console.log(lines.join('\n'));
if (process.env['AB_OUT']) writeFileSync(process.env['AB_OUT'], ['```', `builds: ${dirs.join(', ')}`, ...lines, '```', ''].join('\n'));
