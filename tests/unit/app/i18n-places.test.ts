// @vitest-environment node
/** A city's Russian and Chinese names reach places.geojson, so the map can label it in the interface language. */
import { describe, expect, it } from 'vitest';
import { buildPlaces } from '../../../src/pipeline/aggregate.ts';
import type { GazetteerPlace } from '../../../src/pipeline/gazetteer.ts';
import type { Event } from '../../../src/contract/schema.ts';

const bishkek: GazetteerPlace = {
  id: 'bishkek-kg',
  name: 'Bishkek',
  names: ['Bishkek'],
  country: 'Kyrgyzstan',
  countryCode: 'KG',
  lat: 42.87,
  lon: 74.59,
  population: 900000,
  ru: ['Бишкек', 'Фрунзе'],
  zh: ['比什凯克', '比什凱克'],
};
const ev = { id: 'e1', placeId: 'bishkek-kg', start: '2019-06-13' } as Event;

describe('places carry their names in Russian and Chinese', () => {
  it('takes the gazetteer’s first Russian and simplified Chinese name', () => {
    const [f] = buildPlaces([ev], [], new Map(), (id) => (id === bishkek.id ? bishkek : undefined), new Map()).features;
    expect(f!.properties.names).toEqual({ ru: 'Бишкек', zh: '比什凯克' });
  });
  it('leaves them out for a place the gazetteer names only in English, and for a curated rename', () => {
    const plain = { ...bishkek, ru: undefined, zh: undefined };
    expect(buildPlaces([ev], [], new Map(), () => plain, new Map()).features[0]!.properties.names).toBeUndefined();
    const renamed = new Map([['bishkek-kg', { name: 'Frunze' }]]);
    expect(buildPlaces([ev], [], new Map(), () => bishkek, renamed as never).features[0]!.properties.names).toBeUndefined();
  });
});
