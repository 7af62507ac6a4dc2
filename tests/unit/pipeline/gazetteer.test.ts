// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { Gazetteer } from '../../../src/pipeline/gazetteer.ts';
import { context } from '../../../src/pipeline/testing.ts';

const { gaz } = context();

describe('gazetteer: names to places', () => {
  it('has the SCO cities with English names and their sources', () => {
    for (const [name, country] of [
      ['Astana', 'KZ'],
      ['Qingdao', 'CN'],
      ['Bishkek', 'KG'],
      ['Moscow', 'RU'],
      ['Cholpon-Ata', 'KG'],
      ['Yangling', 'CN'],
      ['Geneva', 'CH'],
      ['New York', 'US'],
      ['New Delhi', 'IN'],
    ] as const) {
      expect(gaz.lookup(name)?.countryCode, name).toBe(country);
    }
    expect(gaz.source).toMatch(/GeoNames.*CC BY 4\.0/);
  });

  it('maps old names and other spellings to the place', () => {
    expect(gaz.lookup('Nur-Sultan')?.name).toBe('Astana');
    expect(gaz.lookup('Tselinograd')?.name).toBe('Astana');
    expect(gaz.lookup('Genève')?.name).toBe('Geneva');
    expect(gaz.lookup('New York City')?.name).toBe('New York');
    expect(gaz.lookup('Alma-Ata')?.name).toBe('Almaty');
    expect(gaz.lookup('Delhi')?.name).toBe('Delhi'); // kept apart from New Delhi
  });

  it('prefers the most populous place of a name', () => {
    expect(gaz.lookup('Moscow')?.countryCode).toBe('RU'); // not Moscow, Idaho
    expect(gaz.lookup('Hyderabad')?.countryCode).toBe('IN');
  });

  it('leaves out country names and words that are rarely places', () => {
    for (const n of ['Armenia', 'Vladimir', 'Nice', 'Reading', 'Mobile']) expect(gaz.lookup(n), n).toBeUndefined();
  });

  it('breaks near-ties between places of one name towards the SCO region, and lets curated places win', () => {
    const g = new Gazetteer(
      {
        source: 't',
        places: [
          { id: 'x-us', name: 'Xtown', names: ['Xtown'], country: 'United States', countryCode: 'US', lat: 0, lon: 0, population: 150_000 },
          { id: 'x-kz', name: 'Xtown', names: ['Xtown'], country: 'Kazakhstan', countryCode: 'KZ', lat: 0, lon: 0, population: 100_000 },
        ],
      },
      [{ id: 'x-mine', name: 'Xtown', names: ['Xtown'], country: 'Mine', countryCode: '', lat: 1, lon: 1, population: 0, curated: true }],
    );
    expect(g.lookup('Xtown')?.id).toBe('x-mine');
    expect(
      new Gazetteer({ source: 't', places: g.lookup('Xtown') ? [...g.byId.values()].filter((p) => !p.curated) : [] }).lookup('Xtown')?.id,
    ).toBe('x-kz');
    expect(g.lookupUpper('XTOWN')?.id).toBe('x-mine');
  });
});
