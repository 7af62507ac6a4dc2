/**
 * Derived indexes over the validated data, built once after loading, so that a brush move costs a
 * few binary searches instead of a pass over every event:
 * - events sorted by start, with start/end times and place as typed arrays;
 * - per place, sorted start and end times (with statement weights) for O(log n) window counts;
 * - statements by id, by place and by event; documents and topics by id.
 */
import type MiniSearch from 'minisearch';
import type { DocumentMeta, Event, PlaceFeature, Statement, Topic } from '../../contract/schema';
import { extentOf, packEventIndex, type PackedEventIndex } from './event-index';
import type { RawData } from './load';
import { shareStringsWhenIdle } from './share-strings';
import { rememberSummitHosts } from './summits';
import { indexTerm, loadStemmer, miniSearch, processTerm, stemmerLoaded, tokenize } from '../i18n/search.svelte';

export { interval } from './event-index';

export interface AtlasData {
  base: string;
  raw: RawData;
  /** Sorted by start, then id. Index i matches evStart[i] etc. */
  events: Event[];
  evStart: Float64Array;
  evEnd: Float64Array;
  /** Index into `places`, or -1 when the event has no place. */
  evPlace: Int32Array;
  /** Events that are online or have no place (few), in time order: the "Online or no city" list. */
  offMap: Int32Array;
  /** The statement count of each of those events (the summary counts the placeless ones' statements). */
  offStatements: Uint32Array;
  /**
   * True on the first screen drawn from event-index.json (first-index.ts): `events` is still empty
   * while every array above (spans, places, times) is there, and views that need an event itself (its
   * id, title, statements) wait for the events file.
   */
  eventsPending: boolean;
  /** The timeline marks' styles when known without the events (the first screen's); else from `events`. */
  styles: Uint16Array | null;
  eventIndex: Map<string, number>;
  places: PlaceFeature[];
  placeIndex: Map<string, number>;
  /**
   * Per place, sorted start and end times with statement weights, as ranges of flat typed arrays (see
   * PackedEventIndex: place p's times are `starts[off[p] .. off[p+1])`). No object or array view per
   * place: at 1,000 events the 371 places' five objects each were ~0.1 MB of the page's heap.
   */
  times: PackedEventIndex;
  statements: Statement[];
  statementById: Map<string, Statement>;
  statementsByPlace: Map<string, Statement[]>;
  statementsByEvent: Map<string, Statement[]>;
  documents: Map<string, DocumentMeta>;
  topics: Topic[];
  topicIndex: Map<string, number>;
  /** Data extent [first start, last end) in ms; a one-year span around now when there are no events. */
  extent: [number, number];
  /** Full-text search over statements (built lazily on first use). */
  search(q: string): Set<string>;
  /** True while statements and the time series are still loading (they follow the first screen). */
  pending: boolean;
}

/** Index of the first element >= x in a sorted array (or in its sorted range [lo, hi)). */
export function lowerBound(a: ArrayLike<number>, x: number, lo = 0, hi = a.length): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The indexes of everything loaded so far. With `index` (from `loadCore`, built in the loading worker),
 * `raw.events` is already in time order and the event arrays are only wrapped, not computed.
 */
export function buildIndexes(raw: RawData, base = './data/', index: PackedEventIndex | null = null): AtlasData {
  const places = raw.places.features;
  const placeIndex = new Map(places.map((f, i) => [f.properties.id, i]));
  let events: Event[];
  // Built again when the statements arrive (App): the events are the same array, so is their index.
  const known = index ?? indexed.get(raw.events);
  let packed: PackedEventIndex;
  if (known && known.evStart.length === raw.events.length && known.off.length === places.length + 1) {
    events = raw.events;
    packed = known;
  } else {
    packed = packEventIndex(raw.events, places);
    events = Array.from(packed.order, (i) => raw.events[i]!);
  }
  indexed.set(events, packed);
  if (packed.summits) rememberSummitHosts(events, packed.summits);
  const { evStart, evEnd, evPlace } = packed;
  const n = events.length;
  const eventIndex = new Map<string, number>();
  for (let i = 0; i < n; i++) eventIndex.set(events[i]!.id, i);
  const off: number[] = [];
  for (let i = 0; i < n; i++) if (evPlace[i]! < 0 || events[i]!.online) off.push(i);
  const offMap = Int32Array.from(off);
  const offStatements = Uint32Array.from(off, (i) => events[i]!.statementIds.length);

  const topicList: Topic[] = raw.topics ?? [...new Set(events.flatMap((e) => e.topics))].sort().map((id) => ({ id, label: id }));
  const topicIndex = new Map(topicList.map((t, i) => [t.id, i]));

  const extent = extentOf(evStart, evEnd);

  return {
    base, events, evStart, evEnd, evPlace, offMap, offStatements, eventsPending: false, styles: null, eventIndex, places, placeIndex, times: packed,
    documents: new Map(raw.documents.map((d) => [d.id, d])), topics: topicList, topicIndex, extent,
    ...statementPart(raw, events),
    // In time order, so that building again from `raw` (with the statements added) finds the index above.
    raw: { ...raw, events },
    pending: false,
  };
}

/** Event arrays in time order → their index (see `buildIndexes`). */
const indexed = new WeakMap<readonly Event[], PackedEventIndex>();

/** The statement maps, and search over the statements (built on first use). */
function statementPart(raw: RawData, events: readonly Event[]) {
  const statementById = new Map<string, Statement>();
  const statementsByPlace = new Map<string, Statement[]>();
  const statementsByEvent = new Map<string, Statement[]>();
  const push = (m: Map<string, Statement[]>, k: string, s: Statement) => {
    const l = m.get(k);
    if (l) l.push(s);
    else m.set(k, [s]);
  };
  // Once the statements are in (after the first screen): their ids are the events' statement ids, and
  // the events' ids their event ids, all arriving as separate strings from the loading worker.
  // Shared in the page's idle moments, not before the views are drawn (share-strings.ts).
  if (raw.statements.length) shareStringsWhenIdle([raw.statements, events, raw.places.features, raw.documents]);
  for (const s of raw.statements) {
    statementById.set(s.id, s);
    for (const p of s.placeIds) push(statementsByPlace, p, s);
    for (const e of s.eventIds) push(statementsByEvent, e, s);
  }
  // Statements an event lists but that do not list it back still belong to it. (Before the
  // statements arrive there are none to find: skip 100,000 events' lists on the first screen.)
  for (const e of statementById.size ? events : []) {
    for (const id of e.statementIds) {
      const s = statementById.get(id);
      if (!s) continue;
      const list = statementsByEvent.get(e.id);
      if (!list?.includes(s)) push(statementsByEvent, e.id, s);
    }
  }

  let mini: MiniSearch<Statement> | null = null;
  let stemmed = false;
  const search = (q: string): Set<string> => {
    // Terms per language (i18n/search.svelte.ts): Chinese character pairs, Russian stems. The stemmer
    // loads on the first search; the index is built again once it is in (a reactive caller such as the
    // atlas's filter mask searches again by itself then).
    void loadStemmer();
    // MiniSearch is fetched on the first search, like the stemmer; until it is in, nothing is found here.
    const Search = miniSearch();
    if (!Search) return new Set();
    if (!mini || stemmed !== stemmerLoaded()) {
      stemmed = stemmerLoaded();
      mini = new Search<Statement>({ fields: ['text'], idField: 'id', storeFields: [], tokenize, processTerm: indexTerm, searchOptions: { processTerm } });
      mini.addAll(raw.statements);
    }
    return new Set(mini.search(q, { prefix: true, fuzzy: 0.15, combineWith: 'AND' }).map((r) => String(r.id)));
  };
  return { statements: raw.statements, statementById, statementsByPlace, statementsByEvent, search };
}

export interface Filters {
  topics: readonly string[];
  docs: readonly string[];
  q: string;
}

/** Which events pass the filters (1) or not (0); null when no filter is set (all pass). */
export function filterMask(d: AtlasData, f: Filters): Uint8Array | null {
  const q = f.q.trim();
  if (!f.topics.length && !f.docs.length && !q) return null;
  const topics = new Set(f.topics);
  const docs = new Set(f.docs);
  let hitEvents: Set<string> | null = null;
  if (q) {
    hitEvents = new Set();
    for (const id of d.search(q)) for (const e of d.statementById.get(id)?.eventIds ?? []) hitEvents.add(e);
    const lower = q.toLowerCase();
    for (const e of d.events) if (e.title.toLowerCase().includes(lower)) hitEvents.add(e.id);
  }
  const mask = new Uint8Array(d.events.length);
  d.events.forEach((e, i) => {
    const ok = (!topics.size || e.topics.some((t) => topics.has(t))) && (!docs.size || docs.has(e.docId)) && (!hitEvents || hitEvents.has(e.id));
    mask[i] = ok ? 1 : 0;
  });
  return mask;
}

export interface WindowCounts {
  /** Per place (index as in `places`): events overlapping the window. */
  events: Float64Array;
  /** Per place: statements of those events. */
  statements: Float64Array;
  /** Event indexes of online or placeless events in the window (online events with a host city also count there). */
  online: number[];
  /** Statements of the placeless events in the window (those of the others are in `statements`). */
  offStatements: number;
  total: number;
}

/**
 * Counts per place of the events that overlap [from, toExclusive). Without a filter this is two
 * binary searches per place: overlapping = (starts before the window's end) − (ended before its start).
 */
export function windowCounts(d: AtlasData, from: number, toEx: number, mask: Uint8Array | null): WindowCounts {
  const np = d.places.length;
  const events = new Float64Array(np);
  const statements = new Float64Array(np);
  const online: number[] = [];
  let total = 0;
  let offStatements = 0;
  const last = lowerBound(d.evStart, toEx); // events [0, last) start before the window ends
  if (!mask) {
    const { off, starts, startW, ends, endW } = d.times;
    for (let p = 0; p < np; p++) {
      const lo = off[p]!;
      const hi = off[p + 1]!;
      const a = lowerBound(starts, toEx, lo, hi) - lo;
      const b = lowerBound(ends, from + 1, lo, hi) - lo; // ends <= from: finished before the window
      events[p] = a - b;
      // The prefix sums are one longer per place: place p's start at lo + p.
      statements[p] = startW[lo + p + a]! - endW[lo + p + b]!;
      total += a - b;
    }
    // Only the few online or placeless events, not every event before the window's end (a brush move
    // at 100,000 events would otherwise scan them all).
    for (let k = 0; k < d.offMap.length; k++) {
      const i = d.offMap[k]!;
      if (i >= last) break;
      if (d.evEnd[i]! <= from) continue;
      // The list names them: not before the events themselves are in.
      if (!d.eventsPending) online.push(i);
      if (d.evPlace[i]! < 0) {
        total++;
        offStatements += d.offStatements[k]!;
      }
    }
    return { events, statements, online, offStatements, total };
  }
  for (let i = 0; i < last; i++) {
    if (!mask[i] || d.evEnd[i]! <= from) continue;
    const p = d.evPlace[i]!;
    total++;
    if (p < 0 || d.events[i]!.online) online.push(i);
    if (p >= 0) {
      events[p]! += 1;
      statements[p]! += d.events[i]!.statementIds.length;
    } else offStatements += d.events[i]!.statementIds.length;
  }
  return { events, statements, online, offStatements, total };
}

/** Indexes of events overlapping [from, toEx) that pass the mask, in time order. */
export function eventsInWindow(d: AtlasData, from: number, toEx: number, mask: Uint8Array | null): number[] {
  const out: number[] = [];
  const last = lowerBound(d.evStart, toEx);
  for (let i = 0; i < last; i++) if (d.evEnd[i]! > from && (!mask || mask[i])) out.push(i);
  return out;
}
