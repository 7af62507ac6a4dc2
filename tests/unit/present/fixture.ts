/** A tiny corpus for the presentation tests: three cities, one online event, one hostile title. */
import type { DocumentMeta, Event, PlaceFeature, Statement } from '../../../src/contract/schema';

const place = (id: string, name: string, country: string, lng: number, lat: number, aliases: string[] = []): PlaceFeature => ({
  type: 'Feature',
  id,
  geometry: { type: 'Point', coordinates: [lng, lat] },
  properties: {
    id,
    name,
    country,
    countryCode: '',
    aliases,
    eventCount: 1,
    statementCount: 1,
    firstDate: null,
    lastDate: null,
    source: 'test',
    curated: false,
  },
});

export const places: PlaceFeature[] = [
  place('moscow', 'Moscow', 'Russia', 37.6173, 55.7558),
  place('astana', 'Astana', 'Kazakhstan', 71.4491, 51.1694, ['Nur-Sultan']),
  place('bishkek', 'Bishkek', 'Kyrgyzstan', 74.59, 42.87),
];

const ev = (id: string, start: string, placeId: string | null, title: string, statementIds: string[], docId = 'moscow-2020'): Event => ({
  id,
  docId,
  start,
  precision: start.length === 10 ? 'day' : start.length === 7 ? 'month' : 'year',
  placeId,
  online: placeId === null,
  title,
  topics: ['summit'],
  statementIds,
  dateText: start,
  curated: false,
});

// Deliberately out of date order.
export const events: Event[] = [
  ev('ev-moscow', '2020-11-10', 'moscow', 'Council of Heads of State, Moscow', ['st-1']),
  ev('ev-astana', '2024-07-04', 'astana', 'Astana summit', ['st-2'], 'astana-2024'),
  ev('ev-online', '2020-05-29', null, '=HYPERLINK("http://evil.example","click")', ['st-3'], 'astana-2024'),
  ev('ev-bishkek', '2019-06', 'bishkek', 'Bishkek summit', []),
];

const st = (id: string, docId: string, text: string): Statement => ({
  id,
  docId,
  text,
  start: 0,
  end: text.length,
  placeIds: [],
  eventIds: [],
  topics: [],
  marks: [],
});
export const statements: Statement[] = [
  st('st-1', 'moscow-2020', 'The Council met in Moscow on 10 November 2020.'),
  st('st-2', 'astana-2024', 'Leaders gathered in Astana, saying "the SCO family grows", on 4 July 2024.'),
  st('st-3', 'astana-2024', '-2+3 a line\nbreak'),
];

const doc = (id: string, title: string, kind: DocumentMeta['kind'], published: string): DocumentMeta => ({
  id,
  file: `${id}.txt`,
  title,
  kind,
  published,
  source: 'https://example.org/' + id,
  bytes: 1,
  chars: 1,
  eventCount: 1,
  statementCount: 1,
  placeCount: 1,
  textPath: `documents/${id}.txt`,
});
export const documents: DocumentMeta[] = [
  doc('moscow-2020', 'The Moscow Declaration', 'declaration', '2020-11-10'),
  doc('astana-2024', 'Tokayev proposes strategies at SCO summit', 'news report', '2024-07-04'),
];

export const corpus = { events, places, statements, documents };
