/**
 * npm run extract [-- --in DIR --out DIR --quiet]: the command line around the pipeline. `--help` says
 * everything (options, exit codes, file formats); the arguments are read by node's util.parseArgs.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { CliArgs } from './cli-run.ts';
import { NODE_FLAGS } from './node-flags.mjs';
import { cacheDirOf, DATA_DIR, MAX_DOCUMENT_BYTES } from './paths.ts';
import { OVERLAP_ENTRIES, POOLED, startWorkerEarly } from './pool-start.ts';

const HELP = `SCO Atlas extraction: documents in, the atlas's data files out.

Usage: npm run extract -- [options]
       node ${NODE_FLAGS.join(' ')} src/pipeline/extract.mjs [options]

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

let args: CliArgs;
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

// The pool's worker is started now, before this thread loads the pipeline (~0.2 s of CPU per thread, side
// by side rather than one after the other), and given its data once the run knows it wants it (pool.ts):
// without a cache every document is extracted on one thread per core; with one, when the folder is large
// enough (OVERLAP_ENTRIES), the documents that changed are extracted while this thread reads the other
// documents' entries. A run that wants no worker (nothing changed, or too little text) stops it.
const large = (dir: string) => {
  try {
    return readdirSync(dir).length >= OVERLAP_ENTRIES;
  } catch {
    return false; // the run says what is wrong with the folder
  }
};
const early =
  POOLED && args.jobs !== 1 && (args.jobs ?? availableParallelism()) > 1 && (args.cacheDir === null || large(args.inDir))
    ? [startWorkerEarly()]
    : [];
const { run } = await import('./cli-run.ts');
await run(args, early);
