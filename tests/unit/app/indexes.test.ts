import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildIndexes, eventsInWindow, filterMask, interval, windowCounts } from '../../../src/app/data/indexes';
import { loadCore, loadDeferred, loadRawData } from '../../../src/app/data/load';
import { parseDay } from '../../../src/app/days';
import { searchReady } from '../../../src/app/i18n/search.svelte';
import type { Event, PlaceFeature } from '../../../src/contract/schema';

const sample = join(import.meta.dirname, '../../fixtures/sample/');
const fsFetch = async (url: string) => {
  try {
    return new Response(readFileSync(url, 'utf8'));
  } catch {
    return new Response('nope', { status: 404 });
  }
};
const day = (s: string) => parseDay(s)!;

async function sampleData() {
  const { data } = await loadRawData(sample, fsFetch);
  return buildIndexes(data, sample);
}

describe('partial dates cover their whole span', () => {
  it('day, month, year and ranges', () => {
    expect(interval('2020-11-10')).toEqual([day('2020-11-10'), day('2020-11-11')]);
    expect(interval('2022-09')).toEqual([day('2022-09-01'), day('2022-10-01')]);
    expect(interval('2021')).toEqual([day('2021-01-01'), day('2022-01-01')]);
    expect(interval('2023-11-27', '2023-11-28')).toEqual([day('2023-11-27'), day('2023-11-29')]);
  });
});

describe('the window counts that size the markers', () => {
  it('counts per place the events and statements overlapping the window', async () => {
    const d = await sampleData();
    const bangkok = d.placeIndex.get('bangkok')!;
    const all = windowCounts(d, d.extent[0], d.extent[1], null);
    expect(all.events[bangkok]).toBe(2);
    // The Moscow summit of 2020 was a videoconference: listed as online, and still counted at Moscow.
    expect(all.online.map((i) => d.events[i]!.id)).toEqual(['ev-agora-2020', 'chs-2020']);
    expect(all.events[d.placeIndex.get('moscow')!]).toBe(1);
    expect(all.total).toBe(d.events.length);
    // A window on 28 November 2023 catches the second day of the two-day forum.
    const w = windowCounts(d, day('2023-11-28'), day('2023-11-29'), null);
    expect(w.events[bangkok]).toBe(1);
    expect(w.total).toBe(1);
    // The text dates the Samarkand summit only to September 2022; the chronology knows its days
    // (15–16 September): a window on the 16th catches it, one on the 10th no longer does.
    const samarkand = d.placeIndex.get('samarkand')!;
    expect(windowCounts(d, day('2022-09-16'), day('2022-09-17'), null).events[samarkand]).toBe(1);
    expect(windowCounts(d, day('2022-09-10'), day('2022-09-11'), null).events[samarkand]).toBe(0);
  });

  it('the binary-search path agrees with a plain scan on random data', async () => {
    const d = await sampleData();
    const places = Array.from({ length: 30 }, (_, i): PlaceFeature => ({
      ...d.places[0]!,
      id: `p${i}`,
      properties: { ...d.places[0]!.properties, id: `p${i}` },
    }));
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const events: Event[] = Array.from({ length: 2000 }, (_, i) => {
      const y = 2001 + Math.floor(rnd() * 23);
      const m = 1 + Math.floor(rnd() * 12);
      const dd = 1 + Math.floor(rnd() * 28);
      const start =
        rnd() < 0.2
          ? `${y}`
          : rnd() < 0.3
            ? `${y}-${String(m).padStart(2, '0')}`
            : `${y}-${String(m).padStart(2, '0')}-${String(dd).padStart(2, '0')}`;
      return {
        ...d.events[0]!,
        id: `e${i}`,
        start,
        end: undefined,
        placeId: rnd() < 0.1 ? null : `p${Math.floor(rnd() * 30)}`,
        online: rnd() < 0.05,
        statementIds: rnd() < 0.5 ? ['a'] : ['a', 'b'],
      };
    });
    const big = buildIndexes({ ...d.raw, events, places: { type: 'FeatureCollection', features: places } });
    const all = new Uint8Array(events.length).fill(1);
    for (let k = 0; k < 50; k++) {
      const a = big.extent[0] + rnd() * (big.extent[1] - big.extent[0]);
      const b = a + rnd() * 3 * 365 * 86_400_000;
      const fast = windowCounts(big, a, b, null);
      const slow = windowCounts(big, a, b, all);
      expect(Array.from(fast.events)).toEqual(Array.from(slow.events));
      expect(Array.from(fast.statements)).toEqual(Array.from(slow.statements));
      expect(fast.total).toBe(slow.total);
      expect(fast.online).toEqual(slow.online);
      expect(fast.total).toBe(eventsInWindow(big, a, b, null).length);
    }
  });
});

describe('filters and lookups', () => {
  it('filters by topic, by document and by full-text search', async () => {
    const d = await sampleData();
    await searchReady(); // MiniSearch is fetched on the first search (i18n/search.svelte.ts)
    const ids = (m: Uint8Array | null) => d.events.filter((_, i) => !m || m[i]).map((e) => e.id);
    expect(filterMask(d, { topics: [], docs: [], q: '' })).toBeNull();
    expect(ids(filterMask(d, { topics: ['covid'], docs: [], q: '' }))).toEqual(['ev-agora-2020']);
    expect(ids(filterMask(d, { topics: [], docs: ['escap-2024'], q: '' }))).toEqual(['ev-forum-2023', 'ev-escap-2024']);
    expect(ids(filterMask(d, { topics: [], docs: [], q: 'videoconference' }))).toEqual(['chs-2020']);
    expect(ids(filterMask(d, { topics: [], docs: [], q: 'zanzibar' }))).toEqual([]);
  });

  it('finds statements by place and by event, and events in time order', async () => {
    const d = await sampleData();
    expect(d.statementsByPlace.get('moscow')!.map((s) => s.text)[0]).toContain('Moscow');
    expect(d.statementsByEvent.get('chs-2024')!).toHaveLength(1);
    const starts = Array.from(d.evStart);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });
});

describe('missing or invalid files are named', () => {
  it('names a missing required file and stops', async () => {
    // Neither the event layer nor the mentions it would fall back to: the app cannot show events.
    const missing = async (url: string) => (/(events|event-layer)\.json$/.test(url) ? new Response('', { status: 404 }) : fsFetch(url));
    await expect(loadRawData(sample, missing)).rejects.toThrow(/events\.json: is missing/);
    const noPlaces = async (url: string) => (url.endsWith('places.geojson') ? new Response('', { status: 404 }) : fsFetch(url));
    await expect(loadRawData(sample, noPlaces)).rejects.toThrow(/places\.geojson: is missing/);
  });

  it('an event layer that cannot be fetched is named, not silently swapped for the mentions', async () => {
    const down = async (url: string) => {
      if (url.endsWith('event-layer.json')) throw new TypeError('network down');
      return fsFetch(url);
    };
    await expect(loadRawData(sample, down)).rejects.toThrow(/event-layer\.json: could not be fetched \(network down\)/);
  });

  it('names the file and the field that breaks the contract', async () => {
    const broken = async (url: string) => {
      if (!url.endsWith('statements.json')) return fsFetch(url);
      const list = JSON.parse(readFileSync(url, 'utf8'));
      list[2].start = -1;
      return new Response(JSON.stringify(list));
    };
    await expect(loadRawData(sample, broken)).rejects.toThrow(/statements\.json: does not match the data contract: \[2\]\.start/);
  });

  it('an optional file only loses its feature', async () => {
    const noSeries = async (url: string) => (url.endsWith('timeseries.json') ? new Response('{oops', { status: 200 }) : fsFetch(url));
    const { data, problems } = await loadRawData(sample, noSeries);
    expect(data.timeseries).toBeNull();
    expect(problems).toEqual([expect.objectContaining({ file: 'timeseries.json', fatal: false })]);
  });

  it('the first screen does not wait for statements; a missing statements.json is a problem, not a stop', async () => {
    const asked: string[] = [];
    const noStatements = async (url: string) => {
      asked.push(url.slice(sample.length));
      return url.endsWith('statements.json') ? new Response('', { status: 404 }) : fsFetch(url);
    };
    const core = await loadCore(sample, noStatements);
    expect(asked.sort()).toEqual(['documents.json', 'event-layer.json', 'places.geojson', 'topics.json']);
    expect(core.data.events).toHaveLength(8);
    const more = await loadDeferred(sample, noStatements);
    expect(more.statements).toBeNull();
    expect(more.timeseries?.months.length).toBeGreaterThan(0);
    expect(more.problems).toEqual([expect.objectContaining({ file: 'statements.json' })]);
  });
});
