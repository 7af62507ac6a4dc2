/**
 * Loads the files the pipeline writes and validates each against the contract. A missing or invalid
 * file becomes a `DataProblem` naming the file, so the page can say exactly what is wrong.
 */
import type { z } from 'zod';
import {
  DATA_FILES, Documents, Events, Places, Report, Statements, TimeSeries, Topics,
  type DocumentMeta, type Event, type Places as PlacesT, type Report as ReportT, type Statement, type TimeSeries as TimeSeriesT, type Topic,
} from '../../contract/schema';

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

type Fetch = (url: string) => Promise<Response>;

/** The first few zod issues, each with where in the file it is (e.g. `[3].start`). */
export function describeIssues(error: z.ZodError, max = 3): string {
  const parts = error.issues.slice(0, max).map((i) => {
    const where = i.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
    return where ? `${where}: ${i.message}` : i.message;
  });
  const more = error.issues.length > max ? ` (and ${error.issues.length - max} more)` : '';
  return parts.join('; ') + more;
}

async function getJson(base: string, file: string, fetchFn: Fetch): Promise<{ ok: true; json: unknown } | { ok: false; message: string }> {
  let res: Response;
  try {
    res = await fetchFn(base + file);
  } catch (e) {
    return { ok: false, message: `could not be fetched (${(e as Error).message})` };
  }
  if (!res.ok) return { ok: false, message: res.status === 404 ? 'is missing (404). Run `npm run extract` to write it.' : `could not be fetched (HTTP ${res.status})` };
  const text = await res.text();
  try {
    return { ok: true, json: JSON.parse(text) };
  } catch (e) {
    // A dev server answers a missing file with index.html: say "missing", not "bad JSON".
    if (/^\s*</.test(text)) return { ok: false, message: 'is missing (the server sent a web page instead). Run `npm run extract` to write it.' };
    return { ok: false, message: `is not valid JSON (${(e as Error).message})` };
  }
}

type Loader = <S extends z.ZodType>(file: string, schema: S, fatal: boolean) => Promise<z.infer<S> | null>;

function loader(base: string, fetchFn: Fetch, problems: DataProblem[]): Loader {
  return async (file, schema, fatal) => {
    const got = await getJson(base, file, fetchFn);
    if (!got.ok) {
      problems.push({ file, message: got.message, fatal });
      return null;
    }
    const parsed = schema.safeParse(got.json);
    if (!parsed.success) {
      problems.push({ file, message: `does not match the data contract: ${describeIssues(parsed.error)}`, fatal });
      return null;
    }
    return parsed.data;
  };
}

/** report.json is for people reading the extraction log; its absence is not worth a notice. */
const shown = (problems: DataProblem[]) => problems.filter((p) => p.file !== DATA_FILES.report);

/**
 * What the first screen needs: events, places, documents, topics. Statements and the time series
 * (the two largest files: 42 MB and 7 MB at 100,000 events) follow in `loadDeferred`, so the timeline
 * and map show while they are still being read and checked.
 */
export async function loadCore(base: string, fetchFn: Fetch = (u) => fetch(u)): Promise<{ data: RawData; problems: DataProblem[] }> {
  const problems: DataProblem[] = [];
  const load = loader(base, fetchFn, problems);
  const [events, places, documents, topics] = await Promise.all([
    load(DATA_FILES.events, Events, true),
    load(DATA_FILES.places, Places, true),
    load(DATA_FILES.documents, Documents, true),
    load(DATA_FILES.topics, Topics, false),
  ]);
  if (problems.some((p) => p.fatal)) throw new DataError(problems, base);
  return { data: { events: events!, places: places!, statements: [], documents: documents!, timeseries: null, topics, report: null }, problems };
}

/** Statements, time series and the extraction report. A missing or invalid one is a problem, not a stop. */
export async function loadDeferred(
  base: string,
  fetchFn: Fetch = (u) => fetch(u),
): Promise<{ statements: RawData['statements'] | null; timeseries: RawData['timeseries']; report: RawData['report']; problems: DataProblem[] }> {
  const problems: DataProblem[] = [];
  const load = loader(base, fetchFn, problems);
  const [statements, timeseries, report] = await Promise.all([
    load(DATA_FILES.statements, Statements, true),
    load(DATA_FILES.timeseries, TimeSeries, false),
    load(DATA_FILES.report, Report, false),
  ]);
  return { statements, timeseries, report, problems: shown(problems) };
}

/** Everything at once (tests, tools): a missing or invalid required file throws a `DataError`. */
export async function loadRawData(base: string, fetchFn: Fetch = (u) => fetch(u)): Promise<{ data: RawData; problems: DataProblem[] }> {
  const [core, more] = await Promise.allSettled([loadCore(base, fetchFn), loadDeferred(base, fetchFn)]);
  const coreProblems = core.status === 'fulfilled' ? core.value.problems : ((core.reason as DataError).problems ?? []);
  const moreProblems = more.status === 'fulfilled' ? more.value.problems : [];
  const problems = [...coreProblems, ...moreProblems];
  if (core.status === 'rejected' || problems.some((p) => p.fatal)) {
    if (core.status === 'rejected' && !(core.reason instanceof DataError)) throw core.reason;
    throw new DataError(problems, base);
  }
  const m = more.status === 'fulfilled' ? more.value : null;
  return { data: { ...core.value.data, statements: m?.statements ?? [], timeseries: m?.timeseries ?? null, report: m?.report ?? null }, problems };
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
