/**
 * npm run extract [-- --in DIR --out DIR --quiet]: the command line around the pipeline. `--help` says
 * everything (options, exit codes, file formats); the arguments are read by node's util.parseArgs.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { cacheDirOf } from './cache.ts';
import { runPipelineFast } from './pool.ts';
import { DATA_DIR, MAX_DOCUMENT_BYTES } from './run.ts';
import { sweepAhead, writeOutputs } from './write.ts';

const HELP = `SCO Atlas extraction: documents in, the atlas's data files out.

Usage: npm run extract -- [options]
       node src/pipeline/extract.mjs [options]

Options:
  --in DIR       the folder of documents to read (default: data/sources)
  --out DIR      where the data files go (default: public/data); it becomes a link to the
                 folder of the latest run, swapped in in one step when the run is complete
  -q, --quiet    no progress line on stderr (it is shown only on a terminal, for runs over 1 s)
  --cache DIR    where each document's results are kept between runs (default: .extract-cache
                 at the top of the project): a run extracts again only the documents, data
                 files or pipeline code that changed
  --no-cache     extract every document, and keep nothing
  --jobs N       extract on N threads: this one and N-1 workers (default: one per core,
                 fewer for little text; 1: in this thread only)
  --verbose      also name each cache entry that could not be used (it is extracted again)
  -h, --help     this text, on stdout
  -v, --version  the version, on stdout

Documents (in --in): .txt and .md (UTF-8; a byte order mark and CRLF line ends are fine),
  .html/.htm/.xhtml (the page's text; menus, scripts and styles left out), .pdf (its text
  layer). At most ${MAX_DOCUMENT_BYTES / 1e6} MB per document; a larger one is refused by name.
  Beside a document: <name>.meta.json with title, kind, published, source (all optional).
  corrections.json: a person's fixes to events and places (see README "Corrections").

Data files (in --out): events.json, event-layer.json, meetings.json, places.geojson,
  statements.json, timeseries.json, documents.json, topics.json, report.json (what was read,
  found and skipped in each document), and documents/<id>.txt (each document's text).

Exit codes:
  0  every document was read
  1  some document or correction failed; it is named on stderr and in report.json,
     and everything else was still written
  2  nothing was written: a wrong option, a missing --in folder, or a data file of the
     project (data/gazetteer.json, data/topics.json) that cannot be used
`;

function version(): string {
  try {
    return (JSON.parse(readFileSync(join(dirname(DATA_DIR), 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

let args: { inDir: string; outDir: string; quiet: boolean; cacheDir: string | null; jobs?: number; verbose: boolean };
try {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      in: { type: 'string', default: 'data/sources' },
      out: { type: 'string', default: 'public/data' },
      quiet: { type: 'boolean', short: 'q', default: false },
      cache: { type: 'string' },
      'no-cache': { type: 'boolean', default: false },
      jobs: { type: 'string' },
      verbose: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
      version: { type: 'boolean', short: 'v', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) {
    process.stdout.write(HELP);
    process.exit(0);
  }
  if (values.version) {
    process.stdout.write(`sco-atlas ${version()}\n`);
    process.exit(0);
  }
  if (!values.in || !values.out) throw new Error('--in and --out need a folder');
  const jobs = values.jobs === undefined ? undefined : Number(values.jobs);
  if (jobs !== undefined && !(Number.isInteger(jobs) && jobs >= 1))
    throw new Error(`--jobs needs a whole number of at least 1, not "${values.jobs}"`);
  if (values['no-cache'] && values.cache) throw new Error('--cache and --no-cache: give one of them');
  args = {
    inDir: resolve(values.in),
    outDir: resolve(values.out),
    quiet: values.quiet ?? false,
    cacheDir: values['no-cache'] ? null : resolve(values.cache ?? cacheDirOf(DATA_DIR)),
    jobs,
    verbose: values.verbose ?? false,
  };
} catch (e) {
  console.error(`extract: ${(e as Error).message}\nSee \`npm run extract -- --help\`.`);
  process.exit(2);
}

/**
 * A progress line on stderr, only on a terminal, without --quiet, and only once the run has taken a
 * second (a small folder finishes before anyone would read it). Redrawn at most ten times a second.
 * SCO_ATLAS_PROGRESS_AFTER_MS moves that second (the tests set 0: how long a run takes depends on the machine).
 */
function progress(quiet: boolean) {
  const started = Date.now();
  const after = Number(process.env.SCO_ATLAS_PROGRESS_AFTER_MS ?? 1000);
  let drawn = 0;
  let shown = false;
  const on = !quiet && process.stderr.isTTY === true;
  return {
    onFile(done: number, total: number, file: string) {
      const now = Date.now();
      if (!on || now - started < after || now - drawn < 100) return;
      drawn = now;
      shown = true;
      const width = Math.max(20, (process.stderr.columns || 80) - 1);
      process.stderr.write(`\r${`extracting ${done + 1}/${total}: ${file}`.slice(0, width).padEnd(width)}`);
    },
    done() {
      if (shown) process.stderr.write(`\r${' '.repeat(Math.max(20, (process.stderr.columns || 80) - 1))}\r`);
    },
  };
}

const bar = progress(args.quiet);
const started = performance.now();
const cpuStarted = process.cpuUsage();
// The old runs' folders are removed in the background meanwhile (write.ts).
const swept = sweepAhead(args.outDir);
try {
  const { outputs: o, stats } = await runPipelineFast(args.inDir, {
    onFile: bar.onFile,
    cacheDir: args.cacheDir,
    workers: args.jobs,
    onCacheProblem: (m) => args.verbose && console.warn(`cache: ${m}`),
  });
  bar.done();
  const extracted = performance.now();
  const cpu = process.cpuUsage(cpuStarted);
  await swept;
  writeOutputs(args.outDir, o);
  const written = performance.now();
  // What to print: given by a cached run's join (which did not build the records), else read off them.
  const said = o.summary ?? {
    events: o.events.length,
    statements: o.statements.length,
    documents: o.report.documents,
    corrections: o.report.corrections,
  };
  for (const d of said.documents)
    for (const m of d.messages) (d.status === 'failed' ? console.error : console.warn)(`${d.status === 'failed' ? 'error' : 'note'}: ${m}`);
  for (const m of said.corrections) console.warn(`corrections: ${m}`);
  if (args.verbose)
    console.warn(
      `cache: ${stats.cached} document(s) from the cache, ${stats.extracted} extracted${stats.workers > 1 ? ` on ${stats.workers} threads (this one and ${stats.workers - 1} worker${stats.workers > 2 ? 's' : ''})` : ''}; ${stats.read} of ${stats.documents} read from disk${stats.read < stats.documents ? ' (the others unchanged since last read)' : ''}`,
    );
  // Read by bench/extract.ts: the time of a run besides writing its outputs, and the CPU time of it
  // (all threads: on a busy machine the wall time says more about the neighbours).
  if (args.verbose)
    console.warn(
      `time: ${((extracted - started) / 1000).toFixed(3)} s to read and extract (CPU ${((cpu.user + cpu.system) / 1e6).toFixed(3)} s), ${((written - extracted) / 1000).toFixed(3)} s to write`,
    );
  const failed = said.documents.filter((d) => d.status === 'failed').length;
  console.log(
    `extracted ${o.documents.length} document(s): ${said.events} events, ${o.places.features.length} places, ${said.statements} statements → ${args.outDir}${failed ? ` (${failed} failed; see report.json)` : ''}`,
  );
  process.exit(o.failed ? 1 : 0);
} catch (e) {
  bar.done();
  console.error(`extract: ${(e as Error).message}`);
  process.exit(2);
}
