/**
 * Derived indexes over the validated data, built once after loading, so that a brush move costs a
 * few binary searches instead of a pass over every event:
 * - events sorted by start, with start/end times and place as typed arrays;
 * - per place, sorted start and end times (with statement weights) for O(log n) window counts;
 * - statements by id, by place and by event; documents and topics by id.
 */
import MiniSearch from 'minisearch';
import type { DocumentMeta, Event, PlaceFeature, Statement, Topic } from '../../contract/schema';
import { parseDay } from '../state/url';
import type { RawData } from './load';

export const DAY = 86_400_000;

/** The span a partial date covers: [start, endExclusive) in UTC ms. `2021` covers all of 2021. */
export function interval(start: string, end?: string): [number, number] {
  const s = parseDay(start, false) ?? 0;
  const e = (parseDay(end ?? start, true) ?? s) + DAY;
  return [s, Math.max(e, s + DAY)];
}

interface PlaceTimes {
  starts: Float64Array;
  /** prefix sums of statement counts in `starts` order: startW[i] = sum of the first i. */
  startW: Float64Array;
  ends: Float64Array;
  endW: Float64Array;
}

export interface AtlasData {
  base: string;
  raw: RawData;
  /** Sorted by start, then id. Index i matches evStart[i] etc. */
  events: Event[];
  evStart: Float64Array;
  evEnd: Float64Array;
  /** Index into `places`, or -1 when the event has no place. */
  evPlace: Int32Array;
  eventIndex: Map<string, number>;
  places: PlaceFeature[];
  placeIndex: Map<string, number>;
  placeTimes: PlaceTimes[];
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

/** Index of the first element >= x in a sorted array. */
export function lowerBound(a: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function buildIndexes(raw: RawData, base = './data/'): AtlasData {
  const places = raw.places.features;
  const placeIndex = new Map(places.map((f, i) => [f.properties.id, i]));
  const withTimes = raw.events.map((e) => ({ e, t: interval(e.start, e.end) }));
  withTimes.sort((a, b) => a.t[0] - b.t[0] || (a.e.id < b.e.id ? -1 : a.e.id > b.e.id ? 1 : 0));
  const n = withTimes.length;
  const events = withTimes.map((x) => x.e);
  const evStart = new Float64Array(n);
  const evEnd = new Float64Array(n);
  const evPlace = new Int32Array(n);
  const eventIndex = new Map<string, number>();
  withTimes.forEach(({ e, t }, i) => {
    evStart[i] = t[0];
    evEnd[i] = t[1];
    evPlace[i] = e.placeId === null ? -1 : (placeIndex.get(e.placeId) ?? -1);
    eventIndex.set(e.id, i);
  });

  const perPlace: Array<Array<{ s: number; e: number; w: number }>> = places.map(() => []);
  for (let i = 0; i < n; i++) {
    const p = evPlace[i]!;
    if (p >= 0) perPlace[p]!.push({ s: evStart[i]!, e: evEnd[i]!, w: events[i]!.statementIds.length });
  }
  const placeTimes = perPlace.map((list) => {
    const byStart = [...list].sort((a, b) => a.s - b.s);
    const byEnd = [...list].sort((a, b) => a.e - b.e);
    const prefix = (xs: typeof list) => {
      const w = new Float64Array(xs.length + 1);
      xs.forEach((x, i) => (w[i + 1] = w[i]! + x.w));
      return w;
    };
    return {
      starts: Float64Array.from(byStart, (x) => x.s), startW: prefix(byStart),
      ends: Float64Array.from(byEnd, (x) => x.e), endW: prefix(byEnd),
    };
  });

  const statementById = new Map(raw.statements.map((s) => [s.id, s]));
  const statementsByPlace = new Map<string, Statement[]>();
  const statementsByEvent = new Map<string, Statement[]>();
  const push = (m: Map<string, Statement[]>, k: string, s: Statement) => {
    const l = m.get(k);
    if (l) l.push(s);
    else m.set(k, [s]);
  };
  for (const s of raw.statements) {
    for (const p of s.placeIds) push(statementsByPlace, p, s);
    for (const e of s.eventIds) push(statementsByEvent, e, s);
  }
  // Statements an event lists but that do not list it back still belong to it.
  for (const e of events) {
    for (const id of e.statementIds) {
      const s = statementById.get(id);
      const list = statementsByEvent.get(e.id);
      if (s && !list?.includes(s)) push(statementsByEvent, e.id, s);
    }
  }

  const topicList: Topic[] = raw.topics ?? [...new Set(events.flatMap((e) => e.topics))].sort().map((id) => ({ id, label: id }));
  const topicIndex = new Map(topicList.map((t, i) => [t.id, i]));

  let extent: [number, number];
  if (n > 0) {
    let last = 0;
    for (let i = 0; i < n; i++) last = Math.max(last, evEnd[i]!);
    extent = [evStart[0]!, last];
  } else {
    const now = Date.UTC(new Date().getUTCFullYear(), 0, 1);
    extent = [now, now + 365 * DAY];
  }

  let mini: MiniSearch<Statement> | null = null;
  const search = (q: string): Set<string> => {
    if (!mini) {
      mini = new MiniSearch<Statement>({ fields: ['text'], idField: 'id', storeFields: [] });
      mini.addAll(raw.statements);
    }
    return new Set(mini.search(q, { prefix: true, fuzzy: 0.15, combineWith: 'AND' }).map((r) => String(r.id)));
  };

  return {
    base, raw, events, evStart, evEnd, evPlace, eventIndex, places, placeIndex, placeTimes,
    statements: raw.statements, statementById, statementsByPlace, statementsByEvent,
    documents: new Map(raw.documents.map((d) => [d.id, d])), topics: topicList, topicIndex, extent, search,
    pending: false,
  };
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
  const last = lowerBound(d.evStart, toEx); // events [0, last) start before the window ends
  if (!mask) {
    for (let p = 0; p < np; p++) {
      const t = d.placeTimes[p]!;
      const a = lowerBound(t.starts, toEx);
      const b = lowerBound(t.ends, from + 1); // ends <= from: finished before the window
      events[p] = a - b;
      statements[p] = t.startW[a]! - t.endW[b]!;
      total += a - b;
    }
    for (let i = 0; i < last; i++) {
      if (d.evEnd[i]! <= from) continue;
      const placeless = d.evPlace[i]! < 0;
      if (placeless || d.events[i]!.online) online.push(i);
      if (placeless) total++;
    }
    return { events, statements, online, total };
  }
  for (let i = 0; i < last; i++) {
    if (!mask[i] || d.evEnd[i]! <= from) continue;
    const p = d.evPlace[i]!;
    total++;
    if (p < 0 || d.events[i]!.online) online.push(i);
    if (p >= 0) {
      events[p]! += 1;
      statements[p]! += d.events[i]!.statementIds.length;
    }
  }
  return { events, statements, online, total };
}

/** Indexes of events overlapping [from, toEx) that pass the mask, in time order. */
export function eventsInWindow(d: AtlasData, from: number, toEx: number, mask: Uint8Array | null): number[] {
  const out: number[] = [];
  const last = lowerBound(d.evStart, toEx);
  for (let i = 0; i < last; i++) if (d.evEnd[i]! > from && (!mask || mask[i])) out.push(i);
  return out;
}
