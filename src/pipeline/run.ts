/**
 * The whole pipeline over a folder: read every document (I/O), extract each one (pure), apply the
 * corrections, aggregate and validate. Writing is left to write.ts so tests can inspect the result.
 */
import { existsSync, readdirSync, readFileSync, statSync, type BigIntStats, type Dirent } from 'node:fs';
import { extname, join } from 'node:path';
import {
  Documents,
  Events,
  Places,
  Report,
  TimeSeries,
  Topics,
  type DocumentMeta,
  type Event,
  type ReportEntry,
  type Statement,
  LayerMeetings,
} from '../contract/schema.ts';
import { eventIndexFile } from '../contract/event-index-file.ts';
import { GazetteerFile as GazetteerSchema } from '../contract/data-files.ts';
import { buildPlaces, buildTimeSeries } from './aggregate.ts';
import { addedPlaces, applyCorrections, CORRECTIONS_FILE, parseCorrections, type LoadedCorrections } from './corrections.ts';
import { documentId } from './doc-id.ts';
import { buildEventLayer } from './events/index.ts';
import { readChronology } from './events/read.ts';
import { SOURCE_EXT, SOURCE_EXT_LIST, type PdfTexts } from './formats/index.ts';
import { Gazetteer, type GazetteerFile } from './gazetteer.ts';
import { fastJoin } from './join-fast.ts';
import type { Outputs, PlannedFile, PlannedSource, RunPlan } from './run-types.ts';

export type { Outputs, PlannedFile, PlannedSource, RunPlan } from './run-types.ts';
import { extractSource, type DocInput, type DocOutcome, type TextFile, type UnreadInput } from './pool-job.ts';
import { readDataFile, type CheckedStore } from './read-data-file.ts';
import { TopicMatcher, TopicsFile } from './topics.ts';
import { DATA_DIR, MAX_DOCUMENT_BYTES } from './paths.ts';

// Where the data is and the size limit live in paths.ts, which the command line reads before loading the pipeline.
export { DATA_DIR, MAX_DOCUMENT_BYTES } from './paths.ts';

let cached: { gazetteer: GazetteerFile; topics: TopicsFile } | undefined;
/**
 * The data files of the project (gazetteer, topics), read once per process; `checks`: where what their
 * checks gave is remembered between runs (read-data-file.ts).
 */
export function loadData(dataDir = DATA_DIR, checks?: CheckedStore) {
  if (!cached || dataDir !== DATA_DIR) {
    // Checked against the contract: a bad file stops the run with its name and entry (DataFileError).
    const gazetteer: GazetteerFile = readDataFile(join(dataDir, 'gazetteer.json'), GazetteerSchema, checks);
    const topics = readDataFile(join(dataDir, 'topics.json'), TopicsFile, checks);
    const loaded = { gazetteer, topics };
    if (dataDir !== DATA_DIR) return loaded;
    cached = loaded;
  }
  return cached;
}

/** Curated events checked against the contract (and written in its key order, as zod returns them). */
function inContractOrder(events: Event[]): Event[] {
  const curated = Events.parse(events.filter((e) => e.curated));
  let k = 0;
  return events.map((e) => (e.curated ? curated[k++]! : e));
}

const emptyFound = { dates: 0, places: 0, events: 0, statements: 0 };

const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`;

/** What goes into a folder's listing: files, and symlinks that lead to a file (each named if it does not). */
function listSources(inDir: string, report: ReportEntry[]): string[] {
  const out: string[] = [];
  for (const f of readdirSync(inDir, { withFileTypes: true }) as Dirent[]) {
    if (f.name.startsWith('.')) continue;
    if (f.isFile()) out.push(f.name);
    else if (f.isSymbolicLink()) {
      let target: ReturnType<typeof statSync> | undefined;
      try {
        target = statSync(join(inDir, f.name));
      } catch {
        /* broken link: named below */
      }
      if (target?.isFile()) out.push(f.name);
      else
        report.push({
          docId: documentId(f.name),
          file: f.name,
          status: 'warning',
          found: { ...emptyFound },
          skipped: [],
          messages: [`${f.name}: a link to ${target ? 'a folder' : 'nothing (its target is missing)'}; skipped`],
        });
    }
  }
  return out.sort();
}

/** A file's bytes, or why it could not be read (no permission, gone meanwhile, too large). */
function readSource(path: string, file: string, statSize?: number): { ok: true; bytes: Buffer } | { ok: false; message: string } {
  try {
    const size = statSize ?? statSync(path).size;
    if (size > MAX_DOCUMENT_BYTES)
      return {
        ok: false,
        message: `${file}: ${mb(size)}, over the limit of ${mb(MAX_DOCUMENT_BYTES)} for one document; split it into smaller files`,
      };
    return { ok: true, bytes: readFileSync(path) };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'EACCES' || code === 'EPERM'
        ? 'no permission to read it'
        : code === 'ENOENT'
          ? 'it disappeared while the folder was read'
          : (e as Error).message;
    return { ok: false, message: `${file}: could not be read (${why}); the other documents were still processed` };
  }
}

/** Appends without spreading: `a.push(...b)` passes b as arguments, and overflows the stack past ~100,000. */
function append<T>(into: T[], from: readonly T[]): void {
  for (const x of from) into.push(x);
}

export interface RunOptions {
  /** Called before each file is read: how many of the folder's files are done, of how many, and which is next. */
  onFile?: (done: number, total: number, file: string) => void;
  /**
   * Leave each document's bytes unread (`{ source }`, read later by `readPlanned`), for a caller that
   * may not need them (a cached run: pool.ts). Its side file is read all the same.
   */
  defer?: boolean;
  /** Called once the folder is listed, before any document is read: the corrections and the documents' paths. */
  onListed?: (corrections: LoadedCorrections, paths: string[]) => void;
  /** Where the data files' checks are remembered between runs (read-data-file.ts; the CLI's cache). */
  checks?: CheckedStore;
}

/** A deferred document read: its input, or its report entry when it cannot be read (too large, gone, no permission). */
export function readPlanned({ file, docId, path, stat, side }: PlannedSource): { input: DocInput } | { entry: ReportEntry } {
  return readInput({ file, docId, path, size: Number(stat.size), side });
}

/** A document the pool was given unread (pool-job.ts `UnreadInput`), read where it is extracted: as `readPlanned`. */
export function readInput({ file, docId, path, size, side }: UnreadInput): { input: DocInput } | { entry: ReportEntry } {
  const read = readSource(path, file, size);
  if (read.ok) return { input: { file, docId, bytes: read.bytes, side } };
  return { entry: { docId, file, status: 'failed', found: { ...emptyFound }, skipped: [], messages: [read.message] } };
}

/** Reads the folder (I/O): the corrections, then each file's bytes and side file. No extraction yet. */
export function planRun(inDir: string, { onFile, defer = false, onListed, checks }: RunOptions = {}): RunPlan {
  if (!existsSync(inDir) || !statSync(inDir).isDirectory()) throw new Error(`input folder not found: ${inDir}`);
  const data = loadData(DATA_DIR, checks);
  const correctionsPath = join(inDir, CORRECTIONS_FILE);
  let corrections: LoadedCorrections = { entries: [], messages: [] };
  if (existsSync(correctionsPath)) {
    try {
      corrections = parseCorrections(readFileSync(correctionsPath, 'utf8'), CORRECTIONS_FILE);
    } catch (e) {
      corrections.messages.push(
        `${CORRECTIONS_FILE}: could not be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); no corrections applied`,
      );
    }
  }
  const gaz = new Gazetteer(data.gazetteer, addedPlaces(corrections));
  const topics = new TopicMatcher(data.topics);
  const listed: ReportEntry[] = [];
  const names = listSources(inDir, listed);
  const files: PlannedFile[] = listed.map((entry) => ({ entry }));
  onListed?.(
    corrections,
    names.filter((f) => SOURCE_EXT.has(extname(f).toLowerCase())).map((f) => join(inDir, f)),
  );
  for (const [done, file] of names.entries()) {
    onFile?.(done, names.length, file);
    if (file === CORRECTIONS_FILE || file.endsWith('.meta.json')) continue;
    const ext = extname(file).toLowerCase();
    const base = file.slice(0, file.length - ext.length);
    const docId = documentId(base);
    const entry: ReportEntry = { docId, file, status: 'ok', found: { ...emptyFound }, skipped: [], messages: [] };
    if (!SOURCE_EXT.has(ext)) {
      entry.status = 'warning';
      entry.messages.push(`${file}: not a ${SOURCE_EXT_LIST} file; skipped`);
      files.push({ entry });
      continue;
    }
    const path = join(inDir, file);
    let stat: BigIntStats | undefined;
    if (defer) {
      try {
        stat = statSync(path, { bigint: true });
      } catch {
        /* named when read below */
      }
    }
    const read = stat ? null : readSource(path, file);
    if (read && !read.ok) {
      entry.status = 'failed';
      entry.messages.push(read.message);
      files.push({ entry });
      continue;
    }
    const sidePath = join(inDir, `${base}.meta.json`);
    let side: DocInput['side'] = null;
    try {
      if (existsSync(sidePath)) side = readFileSync(sidePath, 'utf8');
    } catch (e) {
      side = { unreadable: (e as Error).message };
    }
    files.push(stat ? { source: { file, docId, path, stat, side } } : { input: { file, docId, bytes: read!.bytes, side } });
  }
  return { corrections, gaz, topics, files, names };
}

/** `pdfs`: the folder's PDFs, read beforehand by `readPdfs` (pdf.js is asynchronous); without it PDFs are skipped with a note. */
export function runPipeline(inDir: string, pdfs?: PdfTexts, options: RunOptions = {}): Outputs {
  const plan = planRun(inDir, options);
  const ctx = { gaz: plan.gaz, topics: plan.topics };
  return joinRun(
    plan,
    plan.files.map((planned) => {
      const f = 'source' in planned ? readPlanned(planned.source) : planned;
      return 'entry' in f ? f : extractSource({ ...f.input, pdf: pdfs?.get(f.input.file) }, ctx);
    }),
  );
}

/**
 * Everything after the documents: their outcomes (one per planned file, in the plan's order) joined in
 * that order, the corrections applied, the event layer built (with data/chronology.json, read here
 * unless given), the outputs checked.
 */
export function joinRun(
  plan: RunPlan,
  outcomes: readonly (DocOutcome | { entry: ReportEntry })[],
  chronology = readChronology(DATA_DIR),
): Outputs {
  const { corrections, gaz } = plan;
  const data = loadData();
  const topics = () => Topics.parse(data.topics.topics.map((t) => ({ id: t.id, label: t.label })));
  // A cached run's documents come with their parts of the join: merged as they are when nothing forbids it.
  const fast = fastJoin(plan, outcomes, chronology, topics());
  if (fast) return fast;
  const report: ReportEntry[] = [];
  const documents: DocumentMeta[] = [];
  let events: Event[] = [];
  let statements: Statement[] = [];
  const texts = new Map<string, string>();
  const textFiles = new Map<string, TextFile>();
  const sco = new Map<string, boolean>();
  const placeNames = new Map<string, Set<string>>();
  for (const o of outcomes) {
    const ok = 'ok' in o ? o.ok : undefined;
    // Two files with one id: the first read whole keeps it (checked here, in listing order, as a cached or pooled run finishes in any order).
    if (ok && sco.has(ok.document.id)) {
      const { docId, file } = o.entry;
      report.push({
        docId,
        file,
        status: 'failed',
        found: { ...emptyFound },
        skipped: [],
        messages: [`${file}: another file already has the id "${docId}"; rename one of them`],
      });
      continue;
    }
    report.push(o.entry);
    if (!ok) continue;
    if (typeof ok.text === 'string') texts.set(ok.document.id, ok.text);
    else textFiles.set(ok.document.id, ok.text);
    sco.set(ok.document.id, ok.sco);
    append(events, ok.events);
    append(statements, ok.statements);
    for (const [pid, names] of ok.placeNames) {
      const into = placeNames.get(pid) ?? new Set<string>();
      for (const n of names) into.add(n);
      placeNames.set(pid, into);
    }
    documents.push(ok.document);
  }

  const applied = applyCorrections(events, corrections, CORRECTIONS_FILE, (id) => gaz.byId.has(id), new Set(sco.keys()));
  events = applied.events.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.id < b.id ? -1 : 1));
  const kept = new Set(events.map((e) => e.id));
  const removedPlaces = new Set([...applied.placeEdits].filter(([, v]) => v === null).map(([k]) => k));
  // A curated event's statements point back to it (a correction may have moved them).
  const curatedOf = new Map<string, string[]>();
  for (const e of events) if (e.curated) for (const sid of e.statementIds) curatedOf.set(sid, [...(curatedOf.get(sid) ?? []), e.id]);
  // Each statement is copied only when its lists change (most do not: copying 20,000 was a tenth of a cached run).
  statements = statements.map((s) => {
    const back = curatedOf.get(s.id)?.filter((id) => !s.eventIds.includes(id));
    if (!back?.length && s.eventIds.every((id) => kept.has(id)) && !s.placeIds.some((p) => removedPlaces.has(p))) return s;
    const eventIds = s.eventIds.filter((id) => kept.has(id));
    for (const id of back ?? [])
      if (!eventIds.includes(id)) {
        eventIds.push(id);
        eventIds.sort();
      }
    return { ...s, eventIds, placeIds: s.placeIds.filter((p) => !removedPlaces.has(p)) };
  });
  // The event layer: mentions linked to the chronology's meetings and merged across documents (events/).
  const layered = buildEventLayer({
    mentions: events,
    statements,
    documents,
    texts,
    sco,
    chronology,
    corrections: corrections.entries,
    correctionsFile: CORRECTIONS_FILE,
  });
  events = layered.mentions;
  statements = layered.statements; // less the links the corrections file detached (detach-statement, events/)
  for (const r of report) append(r.messages, layered.docMessages.get(r.docId) ?? []);
  const correctionMessages = [...corrections.messages, ...applied.messages, ...layered.correctionMessages];
  if (corrections.entries.length > 0)
    correctionMessages.unshift(
      `${CORRECTIONS_FILE}: ${corrections.entries.length - applied.messages.length - layered.correctionMessages.length} of ${corrections.entries.length + corrections.messages.length} corrections applied`,
    );

  const places = Places.parse(buildPlaces(events, statements, placeNames, (id) => gaz.byId.get(id), applied.placeEdits));
  const outputs: Outputs = {
    // Each document's events and statements were checked on their own above; what changed since is the
    // corrections' events (checked here) and statements' id lists (filtered, same shape). Checking all of
    // them again cost ~10% of a large run.
    events: inContractOrder(events),
    statements,
    places,
    timeseries: TimeSeries.parse(buildTimeSeries(events, statements)),
    documents: Documents.parse(documents),
    report: Report.parse({
      documents: report,
      corrections: correctionMessages,
      ...(chronology.problems.length ? { chronology: chronology.problems } : {}),
    }),
    // Not checked again: built by the event layer from the mentions checked above and the chronology's
    // meetings checked when read, in the contract's field order (events/layer.ts); the check took a
    // fifth of a cached run's join. tests/unit/pipeline/events/seeds-layer.test.ts holds that the
    // contract reads it back unchanged, corrections and all.
    layer: layered.layer,
    meetings: LayerMeetings.parse(layered.meetings),
    eventIndex: eventIndexFile(
      layered.layer,
      places.features.map((f) => f.properties.id),
    ),
    topics: topics(),
    texts,
    ...(textFiles.size ? { textFiles } : {}),
    failed: report.some((r) => r.status === 'failed') || correctionMessages.some((m) => / skipped$|no corrections applied$/.test(m)),
  };
  return outputs;
}
