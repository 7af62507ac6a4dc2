/**
 * Stage 7: per-document results → the corpus-wide files: places.geojson, timeseries.json.
 */
import type { Event, PlaceFeature, Places, Statement, TimeSeries } from '../contract/schema.ts';
import type { PlaceEdit } from './corrections.ts';
import type { GazetteerPlace } from './gazetteer.ts';

export function buildPlaces(
  events: Event[],
  statements: Statement[],
  placeNames: Map<string, Set<string>>,
  place: (id: string) => GazetteerPlace | undefined,
  edits: Map<string, PlaceEdit | null>,
): Places {
  const ids = new Set<string>();
  for (const e of events) if (e.placeId) ids.add(e.placeId);
  for (const s of statements) for (const p of s.placeIds) ids.add(p);
  for (const [id, edit] of edits) if (edit && place(id)) ids.add(id);
  // One pass over events and statements (a corpus can have many places and many statements).
  const eventsAt = new Map<string, Event[]>();
  for (const e of events)
    if (e.placeId) {
      const l = eventsAt.get(e.placeId);
      if (l) l.push(e);
      else eventsAt.set(e.placeId, [e]);
    }
  const statementsAt = new Map<string, number>();
  for (const s of statements) for (const p of s.placeIds) statementsAt.set(p, (statementsAt.get(p) ?? 0) + 1);
  const features: PlaceFeature[] = [];
  for (const id of [...ids].sort()) {
    const p = place(id);
    const edit = edits.get(id);
    if (!p || edit === null) continue;
    const evs = eventsAt.get(id) ?? [];
    const starts = evs.map((e) => e.start).sort();
    const ends = evs.map((e) => e.end ?? e.start).sort();
    const name = edit?.name ?? p.name;
    const props: PlaceFeature['properties'] = {
      id,
      name,
      country: edit?.country ?? p.country,
      countryCode: edit?.countryCode ?? p.countryCode,
      aliases: [...(placeNames.get(id) ?? [])].filter((n) => n !== name).sort(),
      eventCount: evs.length,
      statementCount: statementsAt.get(id) ?? 0,
      firstDate: starts[0] ?? null,
      lastDate: ends.at(-1) ?? null,
      source: p.source ?? '',
      curated: Boolean(edit?.curated || p.curated),
    };
    // The interface's Russian and Chinese labels; a curated rename keeps them only when it renames nothing.
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
 * Every month from the first event to the last: events by start month, statements by their events' months.
 * Counted into arrays by month number (year × 12 + month), the rows made once at the end: the tables of
 * objects it filled before were a tenth of a cached run's join.
 */
export function buildTimeSeries(events: Event[], statements: Statement[]): TimeSeries {
  const monthNumber = (d: string) => Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7)) - 1;
  const eventMonth = new Map<string, number>();
  let first = Infinity;
  let last = -Infinity;
  for (const e of events) {
    if (e.precision === 'year') continue;
    const k = monthNumber(e.start);
    eventMonth.set(e.id, k);
    if (k < first) first = k;
    if (k > last) last = k;
  }
  if (eventMonth.size === 0) return { months: [], total: [], byTopic: {}, byPlace: {} };
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
  for (const e of events) {
    if (e.precision === 'year') continue;
    const i = monthNumber(e.start) - first;
    total.events[i]!++;
    for (const t of e.topics) of(byTopic, t).events[i]!++;
    if (e.placeId) of(byPlace, e.placeId).events[i]!++;
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
      const i = k - first;
      total.statements[i]!++;
      for (const t of s.topics) of(byTopic, t).statements[i]!++;
      for (const p of s.placeIds) of(byPlace, p).statements[i]!++;
    }
  }
  const rows = (c: Counts) => months.map((month, i) => ({ month, events: c.events[i]!, statements: c.statements[i]! }));
  const table = (g: Map<string, Counts>) => Object.fromEntries([...g.keys()].sort().map((k) => [k, rows(g.get(k)!)]));
  return { months, total: rows(total), byTopic: table(byTopic), byPlace: table(byPlace) };
}
