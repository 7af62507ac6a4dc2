/**
 * The first screen from event-index.json (contract/event-index-file.ts): the timeline's marks and the
 * map's city discs drawn before the events file is in (3.6 MB at 10,000 events: fetched, decoded,
 * parsed, checked and indexed, ~0.2 s of this thread on two cores, all before anything was drawn).
 * What it builds is an AtlasData whose `events` is empty and `eventsPending` true: every array the
 * drawing reads (spans, places, per-place times, styles, summits) is there; what needs an event itself
 * (titles, ids, the lists, search) waits for the events, which replace all of it once checked.
 */
import { EVENT_INDEX_FILE, FLAG_NOT_SCO, FLAG_ONLINE, FLAG_PARTIAL, readEventIndex, type EventIndexFile } from '../../contract/event-index-file';
import { DATA_FILES } from '../../contract/files';
import type { DocumentMeta, Event, Places, Topic } from '../../contract/schema';
import { DAY } from '../days';
import { topicSlot } from '../palette';
import { checkFile, type Checked } from './check';
import { extentOf, packPlaces } from './event-index';
import { bytesOf, type Fetch } from './fetch-bytes';
import type { AtlasData } from './indexes';
import { rememberSummits } from './summits';

/** The first screen's data, or why there is none (the page then waits for the events, as before). */
export type FirstData = { ok: true; data: AtlasData } | { ok: false; message: string };

const decoder = new TextDecoder();

/**
 * Fetches and checks event-index.json with the places, topics and documents it is drawn with. Not
 * there (a folder written before the file existed), or out of step with places.geojson: no first
 * screen from it, and a message saying why (for tests and the curious; the page shows nothing).
 */
export async function loadFirst(base: string, fetchFn: Fetch = (u) => fetch(u)): Promise<FirstData> {
  // bytesOf words a failed fetch as the loader does; a fetch function that throws at once is one too.
  const get = (file: string) => bytesOf(Promise.resolve().then(() => fetchFn(base + file)));
  const [index, places, topics, documents] = await Promise.all([get(EVENT_INDEX_FILE), get(DATA_FILES.places), get(DATA_FILES.topics), get(DATA_FILES.documents)]);
  if (!index.ok) return { ok: false, message: `${EVENT_INDEX_FILE}: ${index.message}` };
  if (!places.ok || !documents.ok) return { ok: false, message: 'places or documents missing' };
  const [p, d, t] = await Promise.all([
    checkFile(DATA_FILES.places, places.bytes) as Promise<Checked<Places>>,
    checkFile(DATA_FILES.documents, documents.bytes) as Promise<Checked<DocumentMeta[]>>,
    topics.ok ? (checkFile(DATA_FILES.topics, topics.bytes) as Promise<Checked<Topic[]>>) : null,
  ]);
  if (!p.ok || !d.ok) return { ok: false, message: 'places or documents invalid' };
  let json: unknown;
  try {
    json = JSON.parse(decoder.decode(index.bytes));
  } catch (e) {
    return { ok: false, message: `${EVENT_INDEX_FILE}: not JSON (${(e as Error).message})` };
  }
  const read = readEventIndex(json, p.data.features.length);
  if (!read.ok) return { ok: false, message: `${EVENT_INDEX_FILE}: ${read.message}` };
  return { ok: true, data: firstIndexes(read.index, p.data, d.data, t?.ok ? t.data : null, base) };
}

/** The first screen's AtlasData (see the module's comment). */
export function firstIndexes(
  f: EventIndexFile,
  places: Places,
  documents: DocumentMeta[],
  topics: Topic[] | null,
  base: string,
): AtlasData {
  const n = f.start.length;
  const evStart = new Float64Array(n);
  const evEnd = new Float64Array(n);
  const evPlace = Int32Array.from(f.place);
  for (let i = 0; i < n; i++) {
    evStart[i] = f.start[i]! * DAY;
    evEnd[i] = (f.start[i]! + f.days[i]!) * DAY;
  }
  const features = places.features;
  const times = { order: new Uint32Array(0), evStart, evEnd, evPlace, ...packPlaces(evStart, evEnd, evPlace, features.length, (i) => f.statements[i]!) };
  const off: number[] = [];
  for (let i = 0; i < n; i++) if (evPlace[i]! < 0 || f.flags[i]! & FLAG_ONLINE) off.push(i);
  const topicList: Topic[] = topics ?? f.topics.map((id) => ({ id, label: id }));
  const topicIndex = new Map(topicList.map((t, i) => [t.id, i]));
  // As layout.ts `eventStyles` makes them from the events: topic colour slot * 2 + (1 when not a day).
  const styles = new Uint16Array(n);
  const slots = f.topics.map((id) => topicSlot(topicIndex, id)); // a few topics: looked up once each
  const none = topicSlot(topicIndex, undefined);
  for (let i = 0; i < n; i++) {
    const fl = f.flags[i]!;
    const slot = fl & FLAG_NOT_SCO || f.topic[i]! < 0 ? none : slots[f.topic[i]!]!;
    styles[i] = slot * 2 + (fl & FLAG_PARTIAL ? 1 : 0);
  }
  const events: Event[] = [];
  rememberSummits(events, f.summits);
  return {
    base,
    raw: { events, places, statements: [], documents, timeseries: null, topics, report: null },
    events,
    evStart,
    evEnd,
    evPlace,
    offMap: Int32Array.from(off),
    offStatements: Uint32Array.from(off, (i) => f.statements[i]!),
    eventsPending: true,
    styles,
    eventIndex: new Map(),
    places: features,
    placeIndex: new Map(features.map((p, i) => [p.properties.id, i])),
    times,
    statements: [],
    statementById: new Map(),
    statementsByPlace: new Map(),
    statementsByEvent: new Map(),
    documents: new Map(documents.map((d) => [d.id, d])),
    topics: topicList,
    topicIndex,
    extent: extentOf(evStart, evEnd),
    search: () => new Set(),
    pending: true,
  };
}
