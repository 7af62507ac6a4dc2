// @vitest-environment node
/**
 * The benchmark corpus must look to the app exactly like pipeline output, or the bench measures the
 * wrong thing: every file passes the contract, statement offsets index the stored text, and the same
 * seed gives the same bytes.
 */
import { describe, expect, it } from 'vitest';
import { generateDataset } from '../../bench/generate-dataset';
import { Documents, Events, Places, Statements, TimeSeries } from '../../src/contract/schema';

describe('benchmark dataset generator', () => {
  const ds = generateDataset(1000, 7);

  it('writes the requested number of events over at most 500 cities, valid under the contract', () => {
    expect(Events.parse(ds.events)).toHaveLength(1000);
    expect(Statements.parse(ds.statements).length).toBeGreaterThanOrEqual(1000);
    const places = Places.parse(ds.places).features;
    expect(places.length).toBeLessThanOrEqual(500);
    expect(places.length).toBeGreaterThan(100);
    expect(new Set(ds.events.map((e) => e.placeId).filter(Boolean)).size).toBe(places.length);
    Documents.parse(ds.documents);
    TimeSeries.parse(ds.timeseries);
    expect(ds.events.some((e) => e.online && e.placeId === null)).toBe(true);
  });

  it('keeps each statement at its offsets in its document text, with place and date marks on the right words', () => {
    const places = new Map(ds.places.features.map((f) => [f.properties.id, f.properties.name]));
    const events = new Map(ds.events.map((e) => [e.id, e]));
    for (const s of ds.statements) {
      expect(ds.texts.get(s.docId)!.slice(s.start, s.end)).toBe(s.text);
      const event = events.get(s.eventIds[0]!)!;
      const date = s.marks.find((m) => m.kind === 'date')!;
      expect(s.text.slice(date.start, date.end)).toBe(event.dateText);
      const place = s.marks.find((m) => m.kind === 'place');
      if (event.placeId) expect(s.text.slice(place!.start, place!.end)).toBe(places.get(event.placeId));
    }
  });

  it('counts per month add up to the events (year-only dates are left out, as the pipeline does)', () => {
    const sum = ds.timeseries.total.reduce((n, r) => n + r.events, 0);
    expect(sum).toBe(ds.events.filter((e) => e.precision !== 'year').length);
    const moscow = ds.places.features.find((f) => f.properties.name === 'Moscow')!.properties;
    expect(moscow.eventCount).toBe(ds.events.filter((e) => e.placeId === moscow.id).length);
  });

  it('is deterministic: same size and seed give the same output, another seed another', () => {
    const again = generateDataset(1000, 7);
    expect(JSON.stringify(again.events)).toBe(JSON.stringify(ds.events));
    expect(JSON.stringify(generateDataset(1000, 8).events)).not.toBe(JSON.stringify(ds.events));
  });
});
