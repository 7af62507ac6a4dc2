// @vitest-environment node
/**
 * The first screen drawn from event-index.json must be the screen the events themselves give: the
 * same marks (spans, lanes, colours), the same discs (per-city counts in any window), the same summit
 * path and legend words. Checked against the page's own indexes of the same events, for a generated
 * corpus with merged events and for the sample folder (linked to the chronology's meetings).
 */
import { describe, expect, it } from 'vitest';
import { generateDataset } from '../../../bench/generate-dataset';
import { loadFirst, firstIndexes } from '../../../src/app/data/first-index';
import { buildIndexes, windowCounts, type AtlasData } from '../../../src/app/data/indexes';
import { loadRawData, type RawData } from '../../../src/app/data/load';
import { findSummits, summitHosts, summitsInWords } from '../../../src/app/data/summits';
import { eventStyles, layoutLanes } from '../../../src/app/timeline/layout';
import { DAY } from '../../../src/app/days';
import { EVENT_INDEX_FILE, eventIndexFile, readEventIndex, type IndexRow } from '../../../src/contract/event-index-file';
import type { Event } from '../../../src/contract/schema';
import { fsFetch, SAMPLE } from './sample';

const sample = SAMPLE;

/** The index file as the pipeline writes it, read back as the page reads it. */
function firstOf(raw: RawData): AtlasData {
  const json: unknown = JSON.parse(
    JSON.stringify(
      eventIndexFile(
        raw.events as IndexRow[],
        raw.places.features.map((f) => f.properties.id),
      ),
    ),
  );
  const read = readEventIndex(json, raw.places.features.length);
  if (!read.ok) throw new Error(read.message);
  return firstIndexes(read.index, raw.places, raw.documents, raw.topics, './data/');
}

function expectSameScreen(first: AtlasData, full: AtlasData) {
  expect(first.eventsPending).toBe(true);
  expect(first.events).toHaveLength(0);
  expect(Array.from(first.evStart)).toEqual(Array.from(full.evStart));
  expect(Array.from(first.evEnd)).toEqual(Array.from(full.evEnd));
  expect(Array.from(first.evPlace)).toEqual(Array.from(full.evPlace));
  expect(first.extent).toEqual(full.extent);
  for (const k of ['off', 'starts', 'startW', 'ends', 'endW'] as const)
    expect(Array.from(first.times[k])).toEqual(Array.from(full.times[k]));
  expect(Array.from(first.offMap)).toEqual(Array.from(full.offMap));
  expect(Array.from(first.offStatements)).toEqual(Array.from(full.offStatements));
  expect(Array.from(eventStyles(first))).toEqual(Array.from(eventStyles(full)));
  const scale = [full.extent[0], full.extent[1]];
  const lanes = (d: AtlasData) => layoutLanes(d, null, scale, [0, 1000], 6);
  expect(lanes(first)).toEqual(lanes(full));
  // The discs and the summary in windows across the data.
  const [a, b] = full.extent;
  for (const [from, to] of [
    [a, b],
    [a, a + (b - a) / 3],
    [a + (b - a) / 2, b],
    [b - 400 * DAY, b - 30 * DAY],
  ]) {
    const f = windowCounts(first, from!, to!, null);
    const g = windowCounts(full, from!, to!, null);
    expect(Array.from(f.events)).toEqual(Array.from(g.events));
    expect(Array.from(f.statements)).toEqual(Array.from(g.statements));
    expect(f.total).toBe(g.total);
    expect(f.offStatements).toBe(g.offStatements);
    // The "online or no city" list names events: empty until they are in.
    expect(f.online).toEqual([]);
  }
  expect(summitHosts(first)).toEqual(summitHosts(full));
  const name = (id: string) => id;
  const date = (e: Pick<Event, 'start' | 'end'>) => `${e.start}..${e.end ?? ''}`;
  expect(summitsInWords(first.events, name, date)).toEqual(summitsInWords(full.events, name, date));
}

describe('the first screen from event-index.json', () => {
  it('draws what the events draw: generated corpus with merged events and summits', () => {
    const ds = generateDataset(1000, 7);
    const raw: RawData = {
      events: ds.layer as unknown as Event[],
      places: ds.places,
      statements: [],
      documents: ds.documents,
      timeseries: null,
      topics: ds.topics,
      report: null,
    };
    const full = buildIndexes(raw);
    expect(findSummits(full.events).length).toBeGreaterThan(2);
    expect(full.offMap.length).toBeGreaterThan(0);
    expectSameScreen(firstOf(raw), full);
    // The generator writes the same file beside its events.
    expect(ds.eventIndex).toEqual(
      eventIndexFile(
        ds.layer,
        ds.places.features.map((f) => f.properties.id),
      ),
    );
  });

  it('draws what the events draw: the sample folder (event layer linked to the chronology, partial dates, online events)', async () => {
    const { data } = await loadRawData(sample, fsFetch);
    expectSameScreen(firstOf(data), buildIndexes(data));
  });

  it('is not used, with a message naming the file, when missing or out of step with places.geojson', async () => {
    // The sample folder has none, as a folder written before the file existed.
    const missing = await loadFirst(sample, fsFetch);
    expect(missing.ok).toBe(false);
    expect(!missing.ok && missing.message).toMatch(/^event-index\.json: is missing/);

    const { data } = await loadRawData(sample, fsFetch);
    const file = eventIndexFile(
      data.events as IndexRow[],
      data.places.features.map((f) => f.properties.id),
    );
    const served = (over: unknown) => async (url: string) =>
      url.endsWith(EVENT_INDEX_FILE) ? new Response(JSON.stringify(over)) : fsFetch(url);
    const stale = await loadFirst(sample, served({ ...file, places: file.places + 1 }));
    expect(!stale.ok && stale.message).toMatch(/event-index\.json: places: says \d+ places, places\.geojson has \d+/);
    const broken = await loadFirst(sample, served({ ...file, place: file.place.map((p, i) => (i === 2 ? 9999 : p)) }));
    expect(!broken.ok && broken.message).toMatch(/event-index\.json: place\[2\]: expected a whole number from -1 to \d+, got 9999/);
    const unsorted = await loadFirst(sample, served({ ...file, start: [...file.start].reverse() }));
    expect(!unsorted.ok && unsorted.message).toMatch(/start\[1\]: not in time order/);
    const good = await loadFirst(sample, served(file));
    expect(good.ok && good.data.evStart.length).toBe(data.events.length);
  });
});
