/**
 * npm run eval [-- --verbose]
 *
 * Extracts every development text (eval/dev/<lang>/, whatever languages are there) and the seeds that
 * have gold (eval/seeds/<id>.gold.json, texts from data/sources/) with the real pipeline (`runPipeline`
 * on a temporary folder of its own per document: the code path `npm run extract` takes), scores the per-document records against
 * the gold (eval/score.ts), prints the table and writes eval/results/latest.{json,md}.
 * Exit 0 whatever the figures; 2 when the set itself is malformed (a gold file that does not parse,
 * names an unknown place, or has no text), with the file and entry named.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, extname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SOURCE_EXT } from '../src/pipeline/formats/index.ts';
import { loadData, runPipeline } from '../src/pipeline/run.ts';
import { checkGold, type GoldFile } from './gold.ts';
import { buildRows, formTable, perDocument, resultsJson, table, verbose, type ScoredDoc } from './report.ts';
import { scoreDocument, type Predicted } from './score.ts';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const DEV = join(here, 'dev');
const SEEDS = join(here, 'seeds');
const SEED_TEXTS = join(root, 'data', 'sources');
const RESULTS = join(here, 'results');

/** One document to score: its source file(s) to copy and its gold file. */
interface Item {
  set: string;
  lang: string | null;
  name: string;
  files: string[];
  goldPath: string;
}

const args = process.argv.slice(2);
const unknown = args.filter((a) => a !== '--verbose' && a !== '-v');
if (unknown.length) {
  console.error(`eval: unknown option ${unknown.join(' ')}\nusage: npm run eval [-- --verbose]`);
  process.exit(2);
}
const isVerbose = args.length > 0;

const rel = (p: string) => relative(root, p);
const errors: string[] = [];
const warnings: string[] = [];

/** The development texts of every language folder under eval/dev/, each with its gold file. */
function devItems(): Item[] {
  if (!existsSync(DEV)) return [];
  const items: Item[] = [];
  for (const lang of readdirSync(DEV)
    .filter((d) => statSync(join(DEV, d)).isDirectory())
    .sort()) {
    const dir = join(DEV, lang);
    const names = readdirSync(dir)
      .filter((f) => !f.startsWith('.'))
      .sort();
    const texts = names.filter((f) => SOURCE_EXT.has(extname(f).toLowerCase()) && extname(f).toLowerCase() !== '.pdf');
    for (const f of names.filter((n) => n.endsWith('.gold.json'))) {
      const base = f.slice(0, -'.gold.json'.length);
      if (!texts.some((t) => t.slice(0, t.length - extname(t).length) === base))
        errors.push(`${rel(join(dir, f))}: no text beside it (${base}.txt, .md or .html)`);
    }
    for (const t of texts) {
      const name = t.slice(0, t.length - extname(t).length);
      const goldPath = join(dir, `${name}.gold.json`);
      if (!existsSync(goldPath)) {
        warnings.push(`${rel(join(dir, t))}: no ${name}.gold.json beside it; not scored`);
        continue;
      }
      items.push({ set: lang, lang, name, files: [join(dir, t)], goldPath });
    }
  }
  return items;
}

/** The seeds with gold: texts (and their .meta.json side files, as the app reads them) from data/sources/. */
function seedItems(): Item[] {
  if (!existsSync(SEEDS)) return [];
  const items: Item[] = [];
  for (const f of readdirSync(SEEDS)
    .filter((n) => n.endsWith('.gold.json'))
    .sort()) {
    const name = f.slice(0, -'.gold.json'.length);
    const text = ['.txt', '.md', '.html', '.htm'].map((e) => join(SEED_TEXTS, name + e)).find(existsSync);
    if (!text) {
      errors.push(`${rel(join(SEEDS, f))}: no seed text ${rel(join(SEED_TEXTS, name))}.txt`);
      continue;
    }
    const side = join(SEED_TEXTS, `${name}.meta.json`);
    items.push({ set: 'seeds', lang: null, name, files: existsSync(side) ? [text, side] : [text], goldPath: join(SEEDS, f) });
  }
  return items;
}

/**
 * Runs the pipeline on one document alone, in a temporary folder of its own, and scores its records:
 * a document's figures must not depend on which other texts happen to sit in the set (the event layer
 * links and merges across documents; the per-document records are what is scored).
 */
function scoreItem(it: Item, knownPlace: (id: string) => boolean): ScoredDoc | null {
  const tmp = mkdtempSync(join(tmpdir(), 'sco-eval-'));
  try {
    for (const f of it.files) copyFileSync(f, join(tmp, basename(f)));
    const o = runPipeline(tmp);
    // events.json holds the per-document records (the mentions); the event layer that merges them across
    // documents (o.layer) is not what the per-document scores are about.
    const predicted: Predicted[] = o.events
      .filter((r) => r.docId === it.name && !r.curated)
      .map((r) => ({
        start: r.start,
        ...(r.end ? { end: r.end } : {}),
        precision: r.precision,
        placeId: r.placeId ?? null,
        online: !!r.online,
        title: r.title,
        dateText: r.dateText,
      }));
    const status = o.report.documents.find((d) => d.docId === it.name);
    const text = o.texts.get(it.name) ?? readFileSync(it.files[0]!, 'utf8');
    const c = checkGold(rel(it.goldPath), readFileSync(it.goldPath, 'utf8'), knownPlace, it.lang, text);
    errors.push(...c.errors);
    warnings.push(...c.warnings);
    if (!c.gold) return null;
    const gold: GoldFile = c.gold;
    const failed = status?.status === 'failed' ? status.messages.join('; ') : undefined;
    return {
      set: it.set,
      lang: gold.lang,
      name: it.name,
      file: basename(it.files[0]!),
      kind: gold.kind,
      score: scoreDocument(predicted, gold.events),
      notEvents: gold.notEvents ?? [],
      ...(failed ? { failed } : {}),
    };
  } catch (e) {
    errors.push(`${rel(it.files[0]!)}: the pipeline could not run (${(e as Error).message})`);
    return null;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

const gazetteer = loadData().gazetteer;
const ids = new Set(gazetteer.places.map((p: { id: string }) => p.id));
const knownPlace = (id: string) => ids.has(id);

const items = [...devItems(), ...seedItems()];
const docs: ScoredDoc[] = [];
for (const it of items) {
  const d = scoreItem(it, knownPlace);
  if (d) docs.push(d);
}

for (const w of warnings) console.warn(`note: ${w}`);
if (errors.length) {
  for (const e of errors) console.error(`error: ${e}`);
  console.error(`eval: the set is malformed (${errors.length} problem${errors.length === 1 ? '' : 's'}); nothing written`);
  process.exit(2);
}
if (docs.length === 0) {
  console.error('eval: no documents with gold found under eval/dev/<lang>/ or eval/seeds/');
  process.exit(2);
}

const rows = buildRows(docs);
const tbl = table(rows);
const forms = formTable(docs);
mkdirSync(RESULTS, { recursive: true });
writeFileSync(join(RESULTS, 'latest.json'), resultsJson(rows, docs));
const md = [
  '# `npm run eval`: latest figures',
  '',
  'Day/month recall and precision are scored per document against hand-made gold (eval/README.md). Kind rows and',
  '"mean" rows average each document\'s ratio; "pooled" rows add up the counts first. ✗: below the issue\'s target.',
  '',
  tbl,
  '',
  ...(forms ? ['## By form of date (gold events tagged with `forms`; pooled)', '', forms, ''] : []),
  '## Per document (found / gold; matched / counted predictions)',
  '',
  perDocument(docs),
  '',
].join('\n');
writeFileSync(join(RESULTS, 'latest.md'), md);
// Written first, printed after: a reader piping the listing into `head` must not cost the results files.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});
console.log(tbl);
if (isVerbose) console.log('\n' + (forms ? forms + '\n\n' : '') + (verbose(docs) || 'no misses and no false hits'));
console.log(
  `\n${docs.length} document(s) scored → ${rel(join(RESULTS, 'latest.md'))}, latest.json${isVerbose ? '' : ' (misses: npm run eval -- --verbose)'}`,
);
