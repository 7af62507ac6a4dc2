/**
 * Stage 7: per-document results → the corpus-wide files: places.geojson, timeseries.json.
 */
import type { Event, PlaceFeature, Places, Statement, TimeSeries } from '../contract/schema.ts';
import type { PlaceEdit } from './corrections.ts';
import type { GazetteerPlace } from './gazetteer.ts';

const monthOf = (d: string) => d.slice(0, 7);

export function buildPlaces(
  events: Event[],
  statements: Statement[],
  placeNames: Map<string, Set<string>>,
  place: (id: string) => GazetteerPlace | undefined,
  edits: Map<string, PlaceEdit | null>,
): Places {
  const ids = new Set<string>([...events.flatMap((e) => (e.placeId ? [e.placeId] : [])), ...statements.flatMap((s) => s.placeIds)]);
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

/** Every month from the first event to the last: events by start month, statements by their events' months. */
export function buildTimeSeries(events: Event[], statements: Statement[]): TimeSeries {
  const dated = events.filter((e) => e.precision !== 'year');
  if (dated.length === 0) return { months: [], total: [], byTopic: {}, byPlace: {} };
  const sorted = dated.map((e) => monthOf(e.start)).sort();
  const months: string[] = [];
  let [y, m] = sorted[0]!.split('-').map(Number) as [number, number];
  const last = sorted.at(-1)!;
  for (;;) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    months.push(key);
    if (key >= last) break;
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  const eventMonth = new Map(dated.map((e) => [e.id, monthOf(e.start)]));
  const table = () => new Map(months.map((k) => [k, { month: k, events: 0, statements: 0 }]));
  const total = table();
  const byTopic = new Map<string, ReturnType<typeof table>>();
  const byPlace = new Map<string, ReturnType<typeof table>>();
  const bump = (groups: Map<string, ReturnType<typeof table>>, key: string, month: string, field: 'events' | 'statements') => {
    if (!groups.has(key)) groups.set(key, table());
    groups.get(key)!.get(month)![field]++;
  };
  for (const e of dated) {
    const k = monthOf(e.start);
    total.get(k)!.events++;
    for (const t of e.topics) bump(byTopic, t, k, 'events');
    if (e.placeId) bump(byPlace, e.placeId, k, 'events');
  }
  for (const s of statements) {
    const ms = [...new Set(s.eventIds.map((id) => eventMonth.get(id)).filter((x): x is string => Boolean(x)))];
    for (const k of ms) {
      total.get(k)!.statements++;
      for (const t of s.topics) bump(byTopic, t, k, 'statements');
      for (const p of s.placeIds) bump(byPlace, p, k, 'statements');
    }
  }
  const rows = (g: Map<string, ReturnType<typeof table>>) =>
    Object.fromEntries([...g.keys()].sort().map((k) => [k, [...g.get(k)!.values()]]));
  return { months, total: [...total.values()], byTopic: rows(byTopic), byPlace: rows(byPlace) };
}
