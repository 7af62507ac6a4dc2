/** Country and sea names for bearings (issue 13): inside the map, never over each other, in the interface language. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Topology } from 'topojson-specification';
import { countriesFromTopology, shapesFromGeoJSON } from '../../../../src/app/map/basemap';
import { loadCountryNames } from '../../../../src/app/i18n/country-names.svelte';
import { namePoints, placeNames } from '../../../../src/app/map/country-labels';
import { mercator } from '../../../../src/app/map/discs';

const topo = JSON.parse(readFileSync('node_modules/world-atlas/countries-110m.json', 'utf8')) as Topology;
const countries = shapesFromGeoJSON(countriesFromTopology(topo));
// A 580x350 map centred on Central Asia, as the embed opens (MapLibre's world is 512 px at zoom 0).
const at = (lng: number, lat: number, zoom: number) => {
  const worldSize = 512 * 2 ** zoom;
  const [mx, my] = mercator(lng, lat);
  return { width: 580, height: 350, worldSize, originX: 290 - mx * worldSize, originY: 175 - my * worldSize };
};
const zoom = 2;
const view = at(80, 50, zoom);
const measure = (text: string, size: number) => text.length * size * 0.55;

describe('country and sea names', () => {
  it('names the big countries of the view, each inside the map and none over another', () => {
    const names = placeNames(namePoints(countries), view, zoom, 'en', measure);
    const texts = names.map((n) => n.text);
    expect(texts).toEqual(expect.arrayContaining(['Russia', 'China', 'Kazakhstan', 'Mongolia']));
    const boxes = names.map((n) => {
      const w = measure(n.text, n.size);
      return [n.x - w / 2, n.y - n.size / 2, n.x + w / 2, n.y + n.size / 2] as const;
    });
    for (const [i, a] of boxes.entries()) {
      expect(a[0]).toBeGreaterThanOrEqual(0);
      expect(a[2]).toBeLessThanOrEqual(view.width);
      for (const b of boxes.slice(i + 1)) expect(a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]).toBe(false);
    }
    // Small countries wait for a closer zoom: Kyrgyzstan's name does not fit it at zoom 2.
    expect(texts).not.toContain('Kyrgyzstan');
    const closer = placeNames(namePoints(countries), at(74.6, 41.5, 5.5), 5.5, 'en', measure);
    expect(closer.map((n) => n.text)).toContain('Kyrgyzstan');
  });

  it('speaks Russian and Chinese, with short names, and writes seas from data/seas.json', async () => {
    // English until a language's country names are in (fetched when the interface language is chosen).
    expect(placeNames(namePoints(countries), view, zoom, 'ru', measure).map((n) => n.text)).toContain('Russia');
    await Promise.all([loadCountryNames('ru'), loadCountryNames('zh')]);
    const ru = placeNames(namePoints(countries), view, zoom, 'ru', measure).map((n) => n.text);
    expect(ru).toEqual(expect.arrayContaining(['Россия', 'Казахстан']));
    expect(ru).not.toContain('Российская Федерация');
    const zh = placeNames(namePoints(countries), view, zoom, 'zh', measure).map((n) => n.text);
    expect(zh).toEqual(expect.arrayContaining(['俄罗斯', '中国']));
    const seas = namePoints(countries).filter((p) => p.kind === 'sea');
    expect(seas.map((s) => s.names.en)).toEqual(expect.arrayContaining(['Caspian Sea', 'Black Sea', 'Arabian Sea']));
  });
});
