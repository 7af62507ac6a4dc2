/**
 * Reading one data file's bytes: decode, JSON.parse, validate against the contract's schema, and say
 * exactly what is wrong (the file, and the path of the first bad records). Pure, with no DOM: the
 * loading worker runs it, and so does the main thread when no worker can start (a page opened from
 * file://, an element on another origin, a test in Node).
 */
import type { z } from 'zod';
import {
  DATA_FILES, Documents, Events, LayerEvents, LayerMeetings, Places, Report, Statements, TimeSeries, Topics,
  type DocumentMeta, type Event, type Places as PlacesT, type Topic,
} from '../../contract/schema';
import * as fast from 'virtual:sco-atlas/fast-validators';
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

/** The schema of each file the app reads. */
export const SCHEMAS = {
  [DATA_FILES.events]: Events,
  [DATA_FILES.places]: Places,
  [DATA_FILES.documents]: Documents,
  [DATA_FILES.topics]: Topics,
  [DATA_FILES.statements]: Statements,
  [DATA_FILES.timeseries]: TimeSeries,
  [DATA_FILES.report]: Report,
  [DATA_FILES.layer]: LayerEvents,
  [DATA_FILES.meetings]: LayerMeetings,
} as const;
export type DataFileName = keyof typeof SCHEMAS;

export type Checked<T = unknown> = { ok: true; data: T } | { ok: false; message: string };

/** Each file's ahead-of-time compiled yes/no check (see src/contract/build/fast-validators.ts). */
const FAST: Record<DataFileName, (json: unknown) => boolean> = {
  [DATA_FILES.events]: fast.events,
  [DATA_FILES.places]: fast.places,
  [DATA_FILES.documents]: fast.documents,
  [DATA_FILES.topics]: fast.topics,
  [DATA_FILES.statements]: fast.statements,
  [DATA_FILES.timeseries]: fast.timeseries,
  [DATA_FILES.report]: fast.report,
  [DATA_FILES.layer]: fast.layer,
  [DATA_FILES.meetings]: fast.meetings,
};

/**
 * Text of a fetched file; JSON.parse; the contract. `quick`, when given, is asked first: its yes is
 * final (it never accepts what the schema rejects), and only on its no does the schema run, to decide
 * and to say what is wrong.
 */
export function checkText<S extends z.ZodType>(text: string, schema: S, quick?: (json: unknown) => boolean): Checked<z.infer<S>> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    // A dev server answers a missing file with index.html: say "missing", not "bad JSON".
    if (/^\s*</.test(text)) return { ok: false, message: 'is missing (the server sent a web page instead). Run `npm run extract` to write it.' };
    return { ok: false, message: `is not valid JSON (${(e as Error).message})` };
  }
  if (quick?.(json)) return { ok: true, data: json as z.infer<S> };
  const parsed = schema.safeParse(json);
  if (!parsed.success) return { ok: false, message: `does not match the data contract: ${describeIssues(parsed.error)}` };
  return { ok: true, data: parsed.data };
}

const decoder = new TextDecoder();
export function checkFile(file: DataFileName, bytes: ArrayBuffer | string): Checked {
  return checkText(typeof bytes === 'string' ? bytes : decoder.decode(bytes), SCHEMAS[file], FAST[file]);
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
}

/** Checks the four core files; ordering and indexing the events is `orderCore`'s job (core.ts). */
type Bytes = ArrayBuffer | string | null;
export function checkCore(bytes: { events: Bytes; places: Bytes; documents: Bytes; topics: Bytes }): CoreChecked {
  const check = <T>(file: DataFileName, b: Bytes) => (b === null ? null : (checkFile(file, b) as Checked<T>));
  const events = check<Event[]>(DATA_FILES.events, bytes.events);
  const places = check<PlacesT>(DATA_FILES.places, bytes.places);
  const documents = check<DocumentMeta[]>(DATA_FILES.documents, bytes.documents);
  const topics = check<Topic[]>(DATA_FILES.topics, bytes.topics);
  return { events, places, documents, topics, index: null };
}
