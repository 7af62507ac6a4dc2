/**
 * Reading one data file's bytes: decode, JSON.parse, validate against the contract, and say exactly
 * what is wrong (the file, and the path of the first bad records). Pure, with no DOM: the loading
 * worker runs it, and so does the main thread when no worker can start (a page opened from file://, an
 * element on another origin, a test in Node).
 *
 * A file is checked by the contract's checks compiled ahead of time (src/contract/build/
 * fast-validators.ts): their yes is final. The zod schemas (schema.ts) are loaded, and built, only when
 * a file fails that check, to decide and to say what is wrong: building them took ~150 ms of the page's
 * start before the first screen (zod 4 makes every schema object at once), for files that were fine.
 */
import type { z } from 'zod';
import { DATA_FILES } from '../../contract/files';
import type { DocumentMeta, Event, Places as PlacesT, Statement, Topic } from '../../contract/schema';
import * as fast from 'virtual:sco-atlas/fast-validators/core';
import { checkMeaning } from '../../contract/checks';
import type { PackedEventIndex } from './event-index';

/** The first few zod issues, each with where in the file it is (e.g. `[3].start`). */
export function describeIssues(error: z.ZodError, max = 3): string {
  const parts = error.issues.slice(0, max).map((i) => {
    const where = i.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
    return where ? `${where}: ${i.message}` : i.message;
  });
  const more = error.issues.length > max ? ` (and ${error.issues.length - max} more)` : '';
  return parts.join('; ') + more;
}

export type DataFileName = (typeof DATA_FILES)[keyof typeof DATA_FILES];

/** The schema of each file the app reads: loaded (and built) on first need, when a file fails its quick check. */
let schemas: Promise<Record<DataFileName, z.ZodType>> | null = null;
export function loadSchemas(): Promise<Record<DataFileName, z.ZodType>> {
  schemas ??= import('../../contract/schema').then((s) => ({
    [DATA_FILES.events]: s.Events,
    [DATA_FILES.places]: s.Places,
    [DATA_FILES.documents]: s.Documents,
    [DATA_FILES.topics]: s.Topics,
    [DATA_FILES.statements]: s.Statements,
    [DATA_FILES.timeseries]: s.TimeSeries,
    [DATA_FILES.report]: s.Report,
    [DATA_FILES.layer]: s.LayerEvents,
    [DATA_FILES.meetings]: s.LayerMeetings,
  }));
  return schemas;
}

export type Checked<T = unknown> = { ok: true; data: T } | { ok: false; message: string };

type Check = (json: unknown) => boolean;
type Later = typeof import('virtual:sco-atlas/fast-validators/later');
/**
 * Each file's ahead-of-time compiled yes/no check (see src/contract/build/fast-validators.ts): those of
 * the first screen's files come with the page's code, the others are loaded the first time one is asked.
 */
const CORE: Partial<Record<DataFileName, Check>> = {
  [DATA_FILES.events]: fast.events,
  [DATA_FILES.places]: fast.places,
  [DATA_FILES.documents]: fast.documents,
  [DATA_FILES.topics]: fast.topics,
  [DATA_FILES.layer]: fast.layer,
};
const LATER: Partial<Record<DataFileName, (m: Later) => Check>> = {
  [DATA_FILES.statements]: (m) => m.statements,
  [DATA_FILES.timeseries]: (m) => m.timeseries,
  [DATA_FILES.report]: (m) => m.report,
  [DATA_FILES.meetings]: (m) => m.meetings,
};
let later: Promise<Later> | null = null;
async function quickCheck(file: DataFileName): Promise<Check> {
  return CORE[file] ?? LATER[file]!(await (later ??= import('virtual:sco-atlas/fast-validators/later')));
}

/**
 * Text of a fetched file; JSON.parse; the contract of `fileOf(json)` (the events file says itself which
 * contract it follows). The compiled check is asked first: its yes is final (it never accepts what the
 * schema rejects, tests/unit/contract-fast.test.ts), and only on its no is the schema loaded and run,
 * to decide and to say what is wrong.
 */
async function checkText(text: string, fileOf: (json: unknown) => DataFileName): Promise<Checked> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    // A dev server answers a missing file with index.html: say "missing", not "bad JSON".
    if (/^\s*</.test(text)) return { ok: false, message: 'is missing (the server sent a web page instead). Run `npm run extract` to write it.' };
    return { ok: false, message: `is not valid JSON (${(e as Error).message})` };
  }
  const file = fileOf(json);
  if ((await quickCheck(file))(json)) return { ok: true, data: json };
  const parsed = (await loadSchemas())[file].safeParse(json);
  if (!parsed.success) return { ok: false, message: `does not match the data contract: ${describeIssues(parsed.error)}` };
  return { ok: true, data: parsed.data };
}

const decoder = new TextDecoder();
const textOf = (bytes: ArrayBuffer | string) => (typeof bytes === 'string' ? bytes : decoder.decode(bytes));

export function checkFile(file: DataFileName, bytes: ArrayBuffer | string): Promise<Checked> {
  return checkText(textOf(bytes), () => file);
}

/** A record of the event layer (event-layer.json) rather than a mention (events.json). */
const isLayer = (json: unknown) => Array.isArray(json) && typeof json[0] === 'object' && json[0] !== null && 'mentionIds' in json[0];

/**
 * The events the page shows: the event layer (event-layer.json, one record per real event across
 * documents) or, from a data folder written before the layer existed, the per-document mentions
 * (events.json). Both have every field the views read; the file itself says which it is.
 */
export function checkEventsFile(bytes: ArrayBuffer | string): Promise<Checked<Event[]>> {
  return checkText(textOf(bytes), (json) => (isLayer(json) ? DATA_FILES.layer : DATA_FILES.events)) as Promise<Checked<Event[]>>;
}

/**
 * What the first screen needs, checked, with the events in time order and their index. Each file's
 * result is null when it could not be fetched (the loader reports that problem).
 */
export interface CoreChecked {
  events: Checked<Event[]> | null;
  places: Checked<PlacesT> | null;
  documents: Checked<DocumentMeta[]> | null;
  topics: Checked<Topic[]> | null;
  /**
   * Null from `checkCore` (which only checks). `orderCore` (core.ts) fills it when events and places
   * are both valid, and `events` above is then in time order.
   */
  index: PackedEventIndex | null;
  /**
   * True when `checkCoreMeaning` is known to find nothing in these events (the loading worker asked it
   * of its own copy of the same bytes: pool.ts), so the page need not ask again.
   */
  meaningClean?: boolean;
}

/** Checks the four core files; ordering and indexing the events is `orderCore`'s job (core.ts). */
type Bytes = ArrayBuffer | string | null;
export async function checkCore(bytes: { events: Bytes; places: Bytes; documents: Bytes; topics: Bytes }): Promise<CoreChecked> {
  const check = <T>(file: DataFileName, b: Bytes) => (b === null ? null : (checkFile(file, b) as Promise<Checked<T>>));
  const [events, places, documents, topics] = await Promise.all([
    bytes.events === null ? null : checkEventsFile(bytes.events),
    check<PlacesT>(DATA_FILES.places, bytes.places),
    check<DocumentMeta[]>(DATA_FILES.documents, bytes.documents),
    check<Topic[]>(DATA_FILES.topics, bytes.topics),
  ]);
  return { events, places, documents, topics, index: null };
}

/**
 * What the core files mean together (real dates, end not before start, unique ids, documents and
 * places that exist), on the events as the page holds them: one line per problem naming file and
 * entry. When there are problems, `core.events` loses the broken records (and unknown places), so its
 * order and index must be made again (`orderCore`): a duplicated id broke the timeline's keyed lists,
 * and "2020-02-31" stretched the window back to 1970.
 */
export function checkCoreMeaning(core: CoreChecked): string[] {
  const { events, places, documents } = core;
  if (!events?.ok || !places?.ok || !documents?.ok) return [];
  const r = checkMeaning({ events: events.data, placeIds: places.data.features.map((f) => f.properties.id), documentIds: documents.data.map((d) => d.id), statements: null });
  if (r.problems.length) events.data = r.events;
  return r.problems;
}

/**
 * Statements against the events and documents already loaded: duplicates and statements of unknown
 * documents left out, links to events that are not there cut, and an event's links to statements
 * that are not there cut too (in place: the events are already on screen). One line per problem.
 */
export function checkStatementLinks(events: Event[], documentIds: Iterable<string>, statements: Statement[]): { statements: Statement[]; problems: string[] } {
  const r = checkMeaning({ events, placeIds: new Set(events.flatMap((e) => (e.placeId ? [e.placeId] : []))), documentIds, statements });
  const fixed = new Map(r.events.map((e) => [e.id, e]));
  for (const e of events) {
    const f = fixed.get(e.id);
    if (f && f.statementIds.length !== e.statementIds.length) e.statementIds = f.statementIds;
  }
  return { statements: r.statements ?? [], problems: r.problems.filter((p) => !/ is not in places\.geojson| is not a real calendar date| is before start| a second event with this id/.test(p)) };
}
