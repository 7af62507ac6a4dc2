// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { Event, Statement } from '../../../src/contract/schema.ts';
import { buildPlaces, buildTimeSeries } from '../../../src/pipeline/aggregate.ts';
import type { GazetteerPlace } from '../../../src/pipeline/gazetteer.ts';

const ev = (id: string, start: string, placeId: string | null, topics: string[] = [], end?: string): Event => ({
  id,
  docId: 'd',
  start,
  ...(end ? { end } : {}),
  precision: start.length === 10 ? 'day' : start.length === 7 ? 'month' : 'year',
  placeId,
  online: false,
  title: id,
  topics,
  statementIds: [`s-${id}`],
  dateText: start,
  curated: false,
});
const st = (id: string, eventIds: string[], placeIds: string[], topics: string[] = []): Statement => ({
  id,
  docId: 'd',
  text: 'x',
  start: 0,
  end: 1,
  placeIds,
  eventIds,
  topics,
  marks: [],
});
const moscow: GazetteerPlace = {
  id: 'moscow-ru',
  name: 'Moscow',
  names: ['Moscow'],
  country: 'Russia',
  countryCode: 'RU',
  lat: 55.75,
  lon: 37.62,
  population: 1,
  source: 'GeoNames',
};

describe('aggregate: corpus-wide files from the events and statements', () => {
  const events = [
    ev('a', '2020-01-15', 'moscow-ru', ['health']),
    ev('b', '2020-03', null, ['health', 'drugs']),
    ev('c', '2020-03-02', 'moscow-ru', [], '2020-04-01'),
    ev('y', '2021', null),
  ];
  const statements = [
    st('s-a', ['a'], ['moscow-ru'], ['health']),
    st('s-b', ['b', 'c'], ['moscow-ru'], ['drugs']),
    st('s-none', [], ['moscow-ru']),
  ];

  it('counts events and statements per month, every month from the first to the last', () => {
    const t = buildTimeSeries(events, statements);
    expect(t.months).toEqual(['2020-01', '2020-02', '2020-03']); // the year-only event has no month
    expect(t.total).toEqual([
      { month: '2020-01', events: 1, statements: 1 },
      { month: '2020-02', events: 0, statements: 0 },
      { month: '2020-03', events: 2, statements: 1 },
    ]);
    expect(t.byTopic.health?.map((r) => r.events)).toEqual([1, 0, 1]);
    expect(t.byPlace['moscow-ru']?.map((r) => [r.events, r.statements])).toEqual([
      [1, 1],
      [0, 0],
      [1, 1],
    ]);
  });

  it('is empty, not broken, without events', () => {
    expect(buildTimeSeries([], [])).toEqual({ months: [], total: [], byTopic: {}, byPlace: {} });
  });

  it('makes one GeoJSON point per place with counts, dates and the names the texts used', () => {
    const p = buildPlaces(
      events,
      statements,
      new Map([['moscow-ru', new Set(['Moscow', 'Moskva'])]]),
      (id) => (id === 'moscow-ru' ? moscow : undefined),
      new Map(),
    );
    expect(p.features).toHaveLength(1);
    expect(p.features[0]).toEqual({
      type: 'Feature',
      id: 'moscow-ru',
      geometry: { type: 'Point', coordinates: [37.62, 55.75] },
      properties: {
        id: 'moscow-ru',
        name: 'Moscow',
        country: 'Russia',
        countryCode: 'RU',
        aliases: ['Moskva'],
        eventCount: 2,
        statementCount: 3,
        firstDate: '2020-01-15',
        lastDate: '2020-04-01',
        source: 'GeoNames',
        curated: false,
      },
    });
  });
});
