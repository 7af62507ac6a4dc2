/**
 * event-index.json: what the page's first screen draws of the events, small enough to arrive and be
 * read at once (issue 16: "what the first screen needs arrives first and compactly; the rest follows").
 * The timeline's marks and the map's city discs need, per event, only its days, its place, its first
 * topic, its statement count and three flags; the summit path needs the summits. At 10,000 events this
 * file is ~0.2 MB against 3.6 MB of event-layer.json, which the page still reads right after the first
 * screen for everything else (titles, search, panels) and which stays the one authority: the page
 * replaces what it drew from here with what it builds from the events themselves.
 *
 * Written by the pipeline (from the event layer, or the mentions of a folder without one), by the
 * bench's generator and by the page's own "download the data folder", all through `eventIndexFile`.
 * No zod: the page reads it before anything else and checks it with `readEventIndex` (a few loops).
 */

import { DAY, parseDay } from './days';

/** What the file says of one event (an Event of events.json or event-layer.json has all of it). */
export interface IndexRow {
  id: string;
  start: string;
  end?: string;
  placeId: string | null;
  online: boolean;
  precision: string;
  /** Its topics (only the first is kept: it colours the mark), and its statements (only the count). */
  topics: readonly string[];
  statementIds: { length: number };
  /** False when no source ties it to the SCO (event layer); absent counts as true. */
  sco?: boolean;
  /** Its chronology meeting, when linked (event layer): the summit path follows the Heads of State. */
  meeting?: { body: string } | undefined;
  title?: string;
  /** Whether its topics or title name a summit (SUMMIT_RULE), when known already (the pipeline's cached join). */
  summitWords?: boolean;
  /** Its `spanOf(start, end)`, when known already (the pipeline's cached join keeps it per mention). */
  span?: readonly [number, number];
}

/** The file's name in the data folder (not among DATA_FILES: those are the contract's zod-checked files). */
export const EVENT_INDEX_FILE = 'event-index.json';

/** A summit on the path, as the legend says it (place, days, online). */
export interface IndexSummit {
  placeId: string;
  start: string;
  end?: string;
  online: boolean;
  precision: string;
}

export interface EventIndexFile {
  format: 1;
  /** How many features places.geojson has: `place` indexes them, so a file out of step is not used. */
  places: number;
  /** The topic ids `topic` indexes. */
  topics: string[];
  /** Per event in time order (first day, then id): its first day as days since 1970-01-01 (UTC). */
  start: number[];
  /** Its length in days (1 for a single day; a month or a year is its days). */
  days: number[];
  /** The index of its place in places.geojson's features; -1 when it has none (or an unknown one). */
  place: number[];
  /** The index of its first topic in `topics`; -1 when it has none. */
  topic: number[];
  statements: number[];
  /** 1: online; 2: a month or a year, not a day; 4: not tied to the SCO. */
  flags: number[];
  /** The summit of each year on the path, in date order (see `findSummitRows`). */
  summits: IndexSummit[];
}

export const FLAG_ONLINE = 1;
export const FLAG_PARTIAL = 2;
export const FLAG_NOT_SCO = 4;

/** [first day, days] of a start and end, as the page's `interval` reads them (at least one day). */
export function spanOf(start: string, end: string | undefined): [number, number] {
  const s = (parseDay(start) ?? 0) / DAY;
  const e = (parseDay(end ?? start, true) ?? s * DAY) / DAY + 1;
  return [s, Math.max(e - s, 1)];
}

/** The rule for summits where no event is linked to the chronology (a folder without the event layer). */
export const SUMMIT_RULE = {
  topics: ['summit'],
  title: /\bsummit\b|council of (the )?heads of state/i,
};

/** Whether an event's topics or title name a summit. */
export const summitByWords = (e: Pick<IndexRow, 'topics' | 'title'>, rule = SUMMIT_RULE): boolean =>
  e.topics.some((t) => rule.topics.includes(t)) || rule.title.test(e.title ?? '');

const headsOfState = (e: Pick<IndexRow, 'meeting'>) => e.meeting?.body === 'heads-of-state';

/**
 * The summit of each year on the path, in date order. With the event layer the chronology says which
 * events are summits (Heads of State meetings); without it, titles and topics do. Per year the path
 * takes the summit named most often (ties: the earlier date, then the city id): a large corpus mentions
 * each summit in many documents and other "summits" in passing.
 */
export function findSummitRows<T extends Pick<IndexRow, 'placeId' | 'start' | 'topics' | 'title' | 'meeting' | 'summitWords'>>(
  events: readonly T[],
  rule = SUMMIT_RULE,
): T[] {
  const linked = events.some(headsOfState);
  const byWords = (e: T) => e.summitWords ?? summitByWords(e, rule);
  const byYear = new Map<string, Map<string, { e: T; n: number }>>();
  for (const e of events) {
    if (!e.placeId) continue;
    if (linked ? !headsOfState(e) : !byWords(e)) continue;
    const year = e.start.slice(0, 4);
    const key = `${e.start}|${e.placeId}`;
    const inYear = byYear.get(year) ?? byYear.set(year, new Map()).get(year)!;
    const c = inYear.get(key);
    if (c) c.n++;
    else inYear.set(key, { e, n: 1 });
  }
  return [...byYear.keys()]
    .sort()
    .map(
      (year) =>
        [...byYear.get(year)!.values()].sort(
          (a, b) => b.n - a.n || (a.e.start < b.e.start ? -1 : a.e.start > b.e.start ? 1 : a.e.placeId! < b.e.placeId! ? -1 : 1),
        )[0]!.e,
    );
}

/**
 * The file for these events (any order) and places (features in file order). Run by the CLI on every
 * run, a one-document change included: each distinct date read once (many events share one), and the
 * order found over an index array (the pipeline's order, by date text then id, is nearly this one, which
 * V8's sort takes in about one pass). 24,000 events: ~150 ms cold with a row object and a date read per
 * event, now a fraction of it (bench/tmp idxcost, see the commit).
 */
export function eventIndexFile(events: readonly IndexRow[], placeIds: readonly string[]): EventIndexFile {
  const n = events.length;
  const place = new Map(placeIds.map((id, i) => [id, i]));
  const spans = new Map<string, readonly [number, number]>();
  const first = new Float64Array(n);
  const days = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const e = events[i]!;
    let s = e.span;
    if (!s) {
      const key = e.end === undefined ? e.start : `${e.start}/${e.end}`;
      s = spans.get(key);
      if (!s) spans.set(key, (s = spanOf(e.start, e.end)));
    }
    first[i] = s[0];
    days[i] = s[1];
  }
  const order = Array.from({ length: n }, (_, i) => i);
  order.sort((a, b) => first[a]! - first[b]! || (events[a]!.id < events[b]!.id ? -1 : events[a]!.id > events[b]!.id ? 1 : 0));
  const topics: string[] = [];
  const topicAt = new Map<string, number>();
  const out: EventIndexFile = {
    format: 1,
    places: placeIds.length,
    topics,
    start: new Array<number>(n),
    days: new Array<number>(n),
    place: new Array<number>(n),
    topic: new Array<number>(n),
    statements: new Array<number>(n),
    flags: new Array<number>(n),
    summits: [],
  };
  for (let k = 0; k < n; k++) {
    const i = order[k]!;
    const e = events[i]!;
    const t = e.topics[0];
    let ti = -1;
    if (t !== undefined) {
      const known = topicAt.get(t);
      if (known === undefined) topicAt.set(t, (ti = topics.push(t) - 1));
      else ti = known;
    }
    out.start[k] = first[i]!;
    out.days[k] = days[i]!;
    out.place[k] = e.placeId === null ? -1 : (place.get(e.placeId) ?? -1);
    out.topic[k] = ti;
    out.statements[k] = e.statementIds.length;
    out.flags[k] = (e.online ? FLAG_ONLINE : 0) | (e.precision !== 'day' ? FLAG_PARTIAL : 0) | (e.sco === false ? FLAG_NOT_SCO : 0);
  }
  out.summits = findSummitRows(events).map((e) => ({
    placeId: e.placeId!,
    start: e.start,
    ...(e.end !== undefined ? { end: e.end } : {}),
    online: e.online,
    precision: e.precision,
  }));
  return out;
}

const COLUMNS = ['start', 'days', 'place', 'topic', 'statements', 'flags'] as const;

/**
 * The file checked: every column as long as `start`, whole numbers in range, `places` as many as the
 * page has. A message naming the field when not (the page then waits for the events instead).
 */
export function readEventIndex(json: unknown, placeCount: number): { ok: true; index: EventIndexFile } | { ok: false; message: string } {
  const bad = (message: string) => ({ ok: false as const, message });
  if (typeof json !== 'object' || json === null) return bad('expected an object');
  const f = json as Record<string, unknown>;
  if (f.format !== 1) return bad(`format: expected 1, got ${JSON.stringify(f.format)}`);
  if (f.places !== placeCount)
    return bad(`places: says ${String(f.places)} places, places.geojson has ${placeCount} (written by another run?)`);
  if (!Array.isArray(f.topics) || !f.topics.every((t) => typeof t === 'string')) return bad('topics: expected an array of strings');
  const n = Array.isArray(f.start) ? f.start.length : -1;
  const limits: Record<(typeof COLUMNS)[number], [number, number]> = {
    start: [-1e6, 1e6],
    days: [1, 1e6],
    place: [-1, placeCount - 1],
    topic: [-1, f.topics.length - 1],
    statements: [0, 1e9],
    flags: [0, 7],
  };
  for (const c of COLUMNS) {
    const col = f[c];
    if (!Array.isArray(col) || col.length !== n) return bad(`${c}: expected an array of ${n} numbers`);
    const [lo, hi] = limits[c];
    for (let i = 0; i < n; i++) {
      const v = col[i] as unknown;
      if (typeof v !== 'number' || !Number.isInteger(v) || v < lo || v > hi)
        return bad(`${c}[${i}]: expected a whole number from ${lo} to ${hi}, got ${JSON.stringify(v)}`);
    }
  }
  const starts = f.start as number[];
  for (let i = 1; i < n; i++) if (starts[i]! < starts[i - 1]!) return bad(`start[${i}]: not in time order`);
  if (
    !Array.isArray(f.summits) ||
    !f.summits.every(
      (s) =>
        typeof s === 'object' &&
        s !== null &&
        typeof (s as IndexSummit).placeId === 'string' &&
        typeof (s as IndexSummit).start === 'string',
    )
  )
    return bad('summits: expected an array of { placeId, start }');
  return { ok: true, index: f as unknown as EventIndexFile };
}
