/**
 * Loads the files the pipeline writes and validates each against the contract. A missing or invalid
 * file becomes a `DataProblem` naming the file, so the page can say exactly what is wrong.
 * Fetching happens here; parsing and validation happen in check.ts, in a worker when the app passes
 * one (pool.ts) and in this thread otherwise.
 */
import { DATA_FILES } from '../../contract/files';
import type {
  DocumentMeta, Event, Places as PlacesT, Report as ReportT, Statement, TimeSeries as TimeSeriesT, Topic,
} from '../../contract/schema';
import { checkCoreMeaning, checkFile, checkStatementLinks, type Checked, type CoreChecked, type DataFileName } from './check';
import { checkAndOrderCore, orderCore, slimTimeSeries } from './core';
import type { PackedEventIndex } from './event-index';
import { bytesOf, type Fetch, type Got } from './fetch-bytes';
import { inThread, isEvents, SMALL, WorkerLost, type Checker, type CoreSource, type Lane } from './pool';

export interface RawData {
  events: Event[];
  places: PlacesT;
  statements: Statement[];
  documents: DocumentMeta[];
  timeseries: TimeSeriesT | null;
  topics: Topic[] | null;
  report: ReportT | null;
}

export interface DataProblem {
  file: string;
  message: string;
  /** Required files stop the app; optional ones only lose a feature. */
  fatal: boolean;
}

export class DataError extends Error {
  constructor(
    readonly problems: DataProblem[],
    /** The data folder the files were read from. */
    readonly base = '',
  ) {
    super(problems.map((p) => `${p.file}: ${p.message}`).join('\n'));
  }
}

/** A file's bytes, or (handed off) the address a worker will fetch it from. */
type Fetched = Got | { ok: true; url: string };

/**
 * JSON shrinks 8-12x under gzip or brotli: a compressed body's length times this is a low estimate of
 * the bytes the page will parse.
 */
const PACKED = 8;

/**
 * About how many bytes `url` holds once decoded, from a HEAD request (null when it cannot tell). The
 * HEAD bypasses the HTTP cache: through it, Chromium made it wait for the GET of the same address
 * (its cache lock) and answered only once the whole file was in (10,000 events, load ~3: 395 ms after
 * the page asked, with the GET's headers in at ~210), too late to hand anything over.
 */
async function sizeOf(url: string): Promise<number | null> {
  try {
    const res = await fetch(url, { method: 'HEAD', cache: 'no-store' });
    const n = Number(res.headers.get('content-length') ?? NaN) * (res.headers.get('content-encoding') ? PACKED : 1);
    return res.ok && Number.isFinite(n) ? n : null;
  } catch {
    return null;
  }
}

/**
 * A file's bytes, fetched on this thread (so a page's own fetch, e.g. the single file's inlined data,
 * answers). `warm` hears the size as soon as the headers are in, so a worker can start meanwhile.
 * With `handOff`, the events file's size is asked too (HEAD): when the checker would rather fetch a
 * file that large itself (a loading worker reading 29 MB of events without waiting for this busy
 * thread), only its address comes back and this thread's own request is aborted. The two requests go
 * out together: asking the size first and fetching only after its answer cost a small file a second
 * round trip, started only once this thread (busy with the first render) had heard the answer (seeds,
 * loaded machine: the GET began 30-180 ms after the HEAD's answer and took 50-550 ms more). The price:
 * on loopback a large file's request may have brought part of the body before it is aborted (at
 * 100,000 events up to its ~2.6 MB gzipped, which the bench counts as downloaded twice).
 */
async function getBytes(base: string, file: DataFileName, fetchFn: Fetch, checker?: Checker): Promise<Got>;
async function getBytes(base: string, file: DataFileName, fetchFn: Fetch, checker: Checker, handOff: boolean): Promise<Fetched>;
async function getBytes(base: string, file: DataFileName, fetchFn: Fetch, checker?: Checker, handOff = false): Promise<Fetched> {
  if (handOff && checker?.fetches && isEvents(file)) {
    // handOff is only asked with the browser's own fetch (loadCore), so this is what fetchFn would do.
    const url = new URL(base + file, globalThis.location?.href).href;
    const abort = new AbortController();
    const request = fetch(url, { signal: abort.signal });
    request.catch(() => {}); // its failure is read below, unless the file is handed off
    const size = await sizeOf(url);
    if (size !== null && checker.fetches(file, size)) {
      abort.abort();
      checker.warm(file, size);
      return { ok: true, url };
    }
    return read(file, request, checker);
  }
  let request: Promise<Response>;
  try {
    request = fetchFn(base + file);
  } catch (e) {
    request = Promise.reject(e as Error);
  }
  return read(file, request, checker);
}

async function read(file: DataFileName, request: Promise<Response>, checker?: Checker): Promise<Got> {
  let res: Response;
  try {
    res = await request;
  } catch (e) {
    return { ok: false, message: `could not be fetched (${(e as Error).message})` };
  }
  if (res.ok) checker?.warm(file, Number(res.headers.get('content-length') ?? 0));
  return bytesOf(res);
}

/**
 * Not there: a 404, or a dev server's index.html standing in for the file. Any other failure (the
 * network, a server error) is the file's own problem, named as such, not a reason to show another file.
 */
const isAbsent = (g: Fetched) =>
  g.ok ? !('url' in g) && /^\s*</.test(new TextDecoder().decode(new Uint8Array(g.bytes, 0, Math.min(64, g.bytes.byteLength)))) : g.message.startsWith('is missing');

/** The meaning checks name events.json; with the event layer on screen, the events came from `file`. */
const eventsFrom = (file: string) => (line: string) => (line.startsWith('events.json: ') ? file + line.slice('events.json'.length) : line);

/** The browser's own fetch: with it (and only it) a loading worker can fetch the same address itself. */
const defaultFetch: Fetch = (u) => fetch(u);

export interface LoadOptions {
  /** Where files are parsed and validated (default: this thread; the app passes `workerChecker()`). */
  checker?: Checker;
  /**
   * loadCore: event-index.json says the events file is large. Every core file is handed to the checker
   * by address at once (no size asked, nothing fetched here), so a loading worker fetches and checks
   * them while this thread draws the first screen; hops through this thread (a HEAD's answer, the
   * small files' bodies, the worker's hello) waited for that drawing, ~1 s at 100,000 events.
   */
  large?: boolean;
  /**
   * loadCore: this thread parses and checks nothing before it settles (the first screen is on screen);
   * the fetches go out at once, and a loading worker given the events' address fetches and checks them meanwhile.
   */
  parseAfter?: Promise<unknown>;
}

/**
 * What the first screen needs: events, places, documents, topics. Statements and the time series
 * (the two largest files: 42 MB and 7 MB at 100,000 events) follow in `loadDeferred`, so the timeline
 * and map show while they are still being read and checked.
 *
 * When events and places are valid, `data.events` comes back in time order and `index` holds their
 * day numbers, places and per-place sorted times (built next to the validation, in the worker when
 * there is one); `buildIndexes(data, base, index)` then has nothing left to compute for events.
 */
export async function loadCore(
  base: string,
  fetchFn: Fetch = defaultFetch,
  { checker = inThread, parseAfter, large = false }: LoadOptions = {},
): Promise<{ data: RawData; problems: DataProblem[]; index: PackedEventIndex | null }> {
  // The events shown are the event layer (event-layer.json); a data folder written before the layer
  // existed has only the per-document mentions (events.json), which the views read just as well.
  const files: DataFileName[] = [DATA_FILES.layer, DATA_FILES.places, DATA_FILES.documents, DATA_FILES.topics];
  // With the browser's own fetch, a worker may fetch a large file itself (the page's fetch function
  // could be another, e.g. the single file's inlined data, which only this thread can call).
  const handOff = fetchFn === defaultFetch;
  const fetchAll = async (mayHandOff: boolean) => {
    const all: Fetched[] = await Promise.all(files.map((f) => getBytes(base, f, fetchFn, checker, mayHandOff)));
    if (files[0] === DATA_FILES.layer && isAbsent(all[0]!)) {
      files[0] = DATA_FILES.events;
      all[0] = await getBytes(base, DATA_FILES.events, fetchFn, checker, mayHandOff);
    }
    return all;
  };
  const byAddress = (): Fetched[] => files.map((f) => ({ ok: true, url: new URL(base + f, globalThis.location?.href).href }));
  let got: Array<Fetched> = large && handOff && checker.fetches ? byAddress() : await fetchAll(handOff);
  const source = (g: Fetched): CoreSource => (!g.ok ? null : 'url' in g ? { url: g.url } : g.bytes);
  const sources = (g: typeof got) => ({ events: source(g[0]!), places: source(g[1]!), documents: source(g[2]!), topics: source(g[3]!) });
  let core: CoreChecked;
  try {
    core = await checker.core(sources(got), parseAfter);
    if (large && core.events && !core.events.ok && core.events.message.startsWith('is missing')) {
      // No event layer where the index said events were: read the folder the usual way (events.json).
      return loadCore(base, fetchFn, { checker, parseAfter });
    }
  } catch (e) {
    if (!(e instanceof WorkerLost)) throw e;
    got = await fetchAll(false); // the worker had the bytes: read them again and check them here
    await parseAfter?.catch(() => {});
    const b = (g: Fetched) => (g.ok && 'bytes' in g ? g.bytes : null);
    core = await checkAndOrderCore({ events: b(got[0]!), places: b(got[1]!), documents: b(got[2]!), topics: b(got[3]!) });
  }
  const problems: DataProblem[] = [];
  const checked = [core.events, core.places, core.documents, core.topics];
  files.forEach((file, i) => {
    const g = got[i]!;
    const c = checked[i];
    const fatal = file !== DATA_FILES.topics;
    if (!g.ok) problems.push({ file, message: g.message, fatal });
    else if (c && !c.ok) problems.push({ file, message: c.message, fatal });
  });
  if (problems.some((p) => p.fatal)) throw new DataError(problems, base);
  const meaning = core.meaningClean ? [] : checkCoreMeaning(core);
  if (meaning.length) orderCore(core); // broken records were left out: the events are ordered and indexed again, here
  for (const line of meaning.map(eventsFrom(files[0]!))) problems.push(meaningProblem(line));
  const data = (c: Checked | null) => (c?.ok ? c.data : null);
  lastCore = { base, eventsFile: files[0]!, events: data(core.events) as Event[], documentIds: (data(core.documents) as DocumentMeta[]).map((d) => d.id) };
  return {
    data: {
      events: data(core.events) as Event[],
      places: data(core.places) as PlacesT,
      statements: [],
      documents: data(core.documents) as DocumentMeta[],
      timeseries: null,
      topics: data(core.topics) as Topic[] | null,
      report: null,
    },
    problems,
    index: core.index,
  };
}

/**
 * Statements and the time series. A missing or invalid one is a problem, not a stop. report.json (the
 * extraction log, for people reading it) is not read: nothing in the page shows it, and fetching,
 * checking and keeping it compiled a 38 KB validator into the page's heap (`report` is always null).
 * `fetchAfter`: the files are fetched once it has settled (the first screen is drawn); `after`: a large
 * one is checked (and parsed) only once that has settled too (the map is idle), so they never delay
 * either. A small one is checked as soon as it is in: with the seeds the statements waited ~0.8 s for
 * MapLibre's idle, which now comes after the 2D first screen, for a check of a few milliseconds.
 */
export async function loadDeferred(
  base: string,
  fetchFn: Fetch = (u) => fetch(u),
  { checker = inThread, after = Promise.resolve(), fetchAfter = after }: LoadOptions & { after?: Promise<unknown>; fetchAfter?: Promise<unknown> } = {},
): Promise<{ statements: RawData['statements'] | null; timeseries: RawData['timeseries']; report: RawData['report']; problems: DataProblem[] }> {
  const problems: DataProblem[] = [];
  // Their failures (the core files') are the caller's to report: handled here at once, not when first awaited.
  after.catch(() => {});
  fetchAfter.catch(() => {});
  const load = async (file: DataFileName, lane: Lane, fatal: boolean): Promise<unknown> => {
    // Fetched only after `fetchAfter`: at 10,000 events the 11 MB of statements and time series coming
    // in on this thread (the response bodies are handed through it) slowed the first screen.
    await fetchAfter.catch(() => {});
    const got = await getBytes(base, file, fetchFn, checker);
    if (!got.ok) {
      problems.push({ file, message: got.message, fatal });
      return null;
    }
    // A small file (pool.ts SMALL: what this thread checks itself) is checked at once, in a few
    // milliseconds; only a large one waits for `after`.
    if (got.bytes.byteLength >= SMALL) await after.catch(() => {});
    let c: Checked;
    try {
      c = await checker.file(file, got.bytes, lane);
    } catch (e) {
      if (!(e instanceof WorkerLost)) throw e;
      const again = await getBytes(base, file, fetchFn);
      c = again.ok ? await checkFile(file, again.bytes) : { ok: false, message: again.message };
    }
    if (!c.ok) {
      problems.push({ file, message: c.message, fatal });
      return null;
    }
    return c.data;
  };
  const [checkedStatements, timeseries] = await Promise.all([load(DATA_FILES.statements, 1, true), load(DATA_FILES.timeseries, 0, false)]);
  // The statements' links, once the events of the same folder are in (both gates wait for them in the app).
  await fetchAfter.catch(() => {});
  let statements = checkedStatements;
  if (statements && lastCore?.base === base) {
    toLayer(lastCore.events, statements as Statement[]);
    const r = checkStatementLinks(lastCore.events, lastCore.documentIds, statements as Statement[]);
    statements = r.statements;
    for (const line of r.problems.map(eventsFrom(lastCore.eventsFile))) problems.push(meaningProblem(line));
  }
  return {
    statements: statements as Statement[] | null,
    // Checked whole; kept as the page reads it (the worker already sends only that part).
    timeseries: timeseries ? slimTimeSeries(timeseries as TimeSeriesT) : null,
    report: null,
    problems,
  };
}

/**
 * Statements name the mentions they support (events.json ids). With the event layer on screen, each
 * belongs to the layer events those mentions merged into (their `mentionIds`); changed in place.
 */
export function toLayer(events: readonly Event[], statements: Statement[]): void {
  const of = new Map<string, string>();
  for (const e of events as readonly (Event & { mentionIds?: string[] })[]) for (const m of e.mentionIds ?? []) of.set(m, e.id);
  if (of.size === 0) return;
  for (const s of statements) {
    if (!s.eventIds.some((id) => of.has(id) && of.get(id) !== id)) continue;
    s.eventIds = [...new Set(s.eventIds.map((id) => of.get(id) ?? id))].sort();
  }
}

/** The events and documents of the last core loaded, so the statements that follow are checked against them. */
let lastCore: { base: string; eventsFile: string; events: Event[]; documentIds: string[] } | null = null;

/** A line of the meaning checks ("events.json: event <id>: ...") as a problem of its file; never fatal. */
function meaningProblem(line: string): DataProblem {
  const at = line.indexOf(': ');
  return { file: at > 0 ? line.slice(0, at) : 'data', message: at > 0 ? line.slice(at + 2) : line, fatal: false };
}

/** Everything at once (tests, tools): a missing or invalid required file throws a `DataError`. */
export async function loadRawData(
  base: string,
  fetchFn: Fetch = defaultFetch,
  options: LoadOptions = {},
): Promise<{ data: RawData; problems: DataProblem[]; index: PackedEventIndex | null }> {
  const first = loadCore(base, fetchFn, options);
  const [core, more] = await Promise.allSettled([first, loadDeferred(base, fetchFn, { ...options, after: first })]);
  const coreProblems = core.status === 'fulfilled' ? core.value.problems : ((core.reason as DataError).problems ?? []);
  const moreProblems = more.status === 'fulfilled' ? more.value.problems : [];
  const problems = [...coreProblems, ...moreProblems];
  if (core.status === 'rejected' || problems.some((p) => p.fatal)) {
    if (core.status === 'rejected' && !(core.reason instanceof DataError)) throw core.reason;
    throw new DataError(problems, base);
  }
  const m = more.status === 'fulfilled' ? more.value : null;
  return {
    data: { ...core.value.data, statements: m?.statements ?? [], timeseries: m?.timeseries ?? null, report: m?.report ?? null },
    problems,
    index: core.value.index,
  };
}

/** Fetches one document's normalised text (what statement offsets index). */
export async function loadDocumentText(base: string, doc: DocumentMeta, fetchFn: Fetch = (u) => fetch(u)): Promise<string> {
  const path = doc.textPath;
  if (/^[a-z][a-z0-9+.-]*:/i.test(path) || path.startsWith('/') || path.includes('..') || path.includes('//')) {
    throw new Error(`${path}: not a path inside the data folder`);
  }
  const res = await fetchFn(base + path);
  if (!res.ok) throw new Error(`${path} is missing (HTTP ${res.status})`);
  const text = await res.text();
  // Dev servers answer unknown paths with the app's own page.
  if (/^\s*<!doctype html/i.test(text) && text.includes('/src/app/main.ts')) throw new Error(`${path} is missing`);
  return text;
}
