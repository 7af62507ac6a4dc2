/**
 * Stage 7: per-document results → the corpus-wide files: places.geojson, timeseries.json.
 */
import type { Event, PlaceFeature, Places, Statement, TimeSeries } from '../contract/schema.ts';
import type { PlaceEdit } from './corrections.ts';
import type { GazetteerPlace } from './gazetteer.ts';

/** What some documents add to one place: their events and statements there, and the events' first and last day. */
export interface PlaceCount {
  events: number;
  statements: number;
  first: string | null;
  last: string | null;
}

/**
 * Each place's counts in these records. Counts of parts of a corpus add up (`addPlaceCounts`) to the
 * corpus's: the CLI keeps each document's (join-part.ts) and adds them instead of counting again.
 */
export function countPlaces(
  events: readonly Pick<Event, 'placeId' | 'start' | 'end'>[],
  statements: readonly Pick<Statement, 'placeIds'>[],
): Record<string, PlaceCount> {
  const counts: Record<string, PlaceCount> = {};
  const of = (id: string) => (counts[id] ??= { events: 0, statements: 0, first: null, last: null });
  for (const e of events) {
    if (!e.placeId) continue;
    const c = of(e.placeId);
    c.events++;
    const end = e.end ?? e.start;
    if (c.first === null || e.start < c.first) c.first = e.start;
    if (c.last === null || end > c.last) c.last = end;
  }
  for (const s of statements) for (const p of s.placeIds) of(p).statements++;
  return counts;
}

/** Adds `from`'s counts into `into`. */
export function addPlaceCounts(into: Record<string, PlaceCount>, from: Readonly<Record<string, PlaceCount>>): void {
  for (const [id, c] of Object.entries(from)) {
    const to = into[id];
    if (!to) {
      into[id] = { ...c };
      continue;
    }
    to.events += c.events;
    to.statements += c.statements;
    if (c.first !== null && (to.first === null || c.first < to.first)) to.first = c.first;
    if (c.last !== null && (to.last === null || c.last > to.last)) to.last = c.last;
  }
}

export function buildPlaces(
  events: Event[],
  statements: Statement[],
  placeNames: Map<string, Set<string>>,
  place: (id: string) => GazetteerPlace | undefined,
  edits: Map<string, PlaceEdit | null>,
): Places {
  return placesOf(countPlaces(events, statements), placeNames, place, edits);
}

/** places.geojson from each place's counts (countPlaces), the names the texts used, the gazetteer and the corrections' edits. */
export function placesOf(
  counts: Readonly<Record<string, PlaceCount>>,
  placeNames: Map<string, Set<string>>,
  place: (id: string) => GazetteerPlace | undefined,
  edits: Map<string, PlaceEdit | null>,
): Places {
  const ids = new Set(Object.keys(counts));
  for (const [id, edit] of edits) if (edit && place(id)) ids.add(id);
  const features: PlaceFeature[] = [];
  for (const id of [...ids].sort()) {
    const p = place(id);
    const edit = edits.get(id);
    if (!p || edit === null) continue;
    const c = counts[id];
    const name = edit?.name ?? p.name;
    const props: PlaceFeature['properties'] = {
      id,
      name,
      country: edit?.country ?? p.country,
      countryCode: edit?.countryCode ?? p.countryCode,
      aliases: [...(placeNames.get(id) ?? [])].filter((n) => n !== name).sort(),
      eventCount: c?.events ?? 0,
      statementCount: c?.statements ?? 0,
      firstDate: c?.first ?? null,
      lastDate: c?.last ?? null,
      source: p.source ?? '',
      curated: Boolean(edit?.curated || p.curated),
    }; // The interface's Russian and Chinese labels; a curated rename keeps them only when it renames nothing.
    const ru = p.ru?.[0];
    const zh = p.zh?.[0];
    if ((ru || zh) && (!edit?.name || edit.name === p.name)) props.names = { ...(ru ? { ru } : {}), ...(zh ? { zh } : {}) };
    if (edit?.reason) props.reason = edit.reason;
    features.push({
      type: 'Feature',
      id,
      geometry: { type: 'Point', coordinates: [edit?.lon ?? p.lon, edit?.lat ?? p.lat] },
      properties: props,
    });
  }
  return { type: 'FeatureCollection', features };
}

/**
 * What some records add to the time series: the first and last month of their dated events (month
 * numbers, year × 12 + month) and, per series ('' the total, 't:' a topic's, 'p:' a place's), the
 * months they count in, as flat [month, events, statements] triples. Counts of parts of a corpus
 * add up (`seriesOf`) to the corpus's: the CLI keeps each document's (join-part.ts).
 */
export interface SeriesCount {
  first: number;
  last: number;
  cells: Record<string, number[]>;
}

const monthNumber = (d: string) => Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7)) - 1;

/**
 * The key of a topic's or place's row (`t:<topic>`, `p:<place id>`), made once per name: made for every
 * record, each was a new string hashed again by the map (countSeries was a fifth of packing a document's
 * part, join-part.ts, on every thread). Names are few (topics, gazetteer places), so these stay small.
 */
const topicKeys = new Map<string, string>();
const placeKeys = new Map<string, string>();
function keyOf(keys: Map<string, string>, prefix: string, name: string): string {
  let key = keys.get(name);
  if (key === undefined) keys.set(name, (key = prefix + name));
  return key;
}

/** The records' counts: events by start month, statements by their events' months (each month once); null without dated events. */
export function countSeries(
  events: readonly Pick<Event, 'id' | 'precision' | 'start' | 'topics' | 'placeId'>[],
  statements: readonly Pick<Statement, 'eventIds' | 'topics' | 'placeIds'>[],
): SeriesCount | null {
  const eventMonth = new Map<string, number>();
  /** Each event's month (none for a year), worked out once. */
  const monthOf: number[] = new Array(events.length);
  let first = Infinity;
  let last = -Infinity;
  for (const [i, e] of events.entries()) {
    if (e.precision === 'year') continue;
    const k = (monthOf[i] = monthNumber(e.start));
    eventMonth.set(e.id, k);
    if (k < first) first = k;
    if (k > last) last = k;
  }
  if (eventMonth.size === 0) return null;
  const series = new Map<string, Map<number, [number, number]>>();
  const cell = (key: string, k: number) => {
    let months = series.get(key);
    if (!months) series.set(key, (months = new Map()));
    let c = months.get(k);
    if (!c) months.set(k, (c = [0, 0]));
    return c;
  };
  for (const [i, e] of events.entries()) {
    if (e.precision === 'year') continue;
    const k = monthOf[i]!;
    cell('', k)[0]++;
    for (const t of e.topics) cell(keyOf(topicKeys, 't:', t), k)[0]++;
    if (e.placeId) cell(keyOf(placeKeys, 'p:', e.placeId), k)[0]++;
  }
  const seen: number[] = [];
  for (const s of statements) {
    // Each month of the statement's events once.
    seen.length = 0;
    for (const id of s.eventIds) {
      const k = eventMonth.get(id);
      if (k !== undefined && !seen.includes(k)) seen.push(k);
    }
    for (const k of seen) {
      cell('', k)[1]++;
      for (const t of s.topics) cell(keyOf(topicKeys, 't:', t), k)[1]++;
      for (const p of s.placeIds) cell(keyOf(placeKeys, 'p:', p), k)[1]++;
    }
  }
  const cells: Record<string, number[]> = {};
  for (const [key, months] of series) {
    const row: number[] = [];
    for (const [k, c] of months) row.push(k, c[0], c[1]);
    cells[key] = row;
  }
  return { first, last, cells };
}

/** Every month from the first event to the last: events by start month, statements by their events' months. */
export function buildTimeSeries(events: Event[], statements: Statement[]): TimeSeries {
  const c = countSeries(events, statements);
  return seriesOf(c ? [c] : []);
}

/**
 * The time series of records counted in parts (countSeries): added into arrays by month, the rows made
 * once at the end (the tables of objects filled before were a tenth of a cached run's join).
 */
export function seriesOf(parts: readonly SeriesCount[]): TimeSeries {
  if (parts.length === 0) return { months: [], total: [], byTopic: {}, byPlace: {} };
  let first = Infinity;
  let last = -Infinity;
  for (const p of parts) {
    if (p.first < first) first = p.first;
    if (p.last > last) last = p.last;
  }
  const n = last - first + 1;
  const months = Array.from({ length: n }, (_, i) => `${Math.floor((first + i) / 12)}-${String(((first + i) % 12) + 1).padStart(2, '0')}`);
  type Counts = { events: Int32Array; statements: Int32Array };
  const counts = (): Counts => ({ events: new Int32Array(n), statements: new Int32Array(n) });
  const total = counts();
  const byTopic = new Map<string, Counts>();
  const byPlace = new Map<string, Counts>();
  const of = (groups: Map<string, Counts>, key: string) => {
    let c = groups.get(key);
    if (!c) groups.set(key, (c = counts()));
    return c;
  };
  for (const p of parts)
    for (const [key, cells] of Object.entries(p.cells)) {
      const into = key === '' ? total : of(key.startsWith('t:') ? byTopic : byPlace, key.slice(2));
      for (let i = 0; i < cells.length; i += 3) {
        into.events[cells[i]! - first]! += cells[i + 1]!;
        into.statements[cells[i]! - first]! += cells[i + 2]!;
      }
    }
  const rows = (c: Counts) => months.map((month, i) => ({ month, events: c.events[i]!, statements: c.statements[i]! }));
  const table = (g: Map<string, Counts>) => Object.fromEntries([...g.keys()].sort().map((k) => [k, rows(g.get(k)!)]));
  return { months, total: rows(total), byTopic: table(byTopic), byPlace: table(byPlace) };
}
