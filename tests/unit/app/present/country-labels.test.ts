/**
 * Country and sea names for bearings (issue 13): inside the map, never over each other, in the interface
 * language, and never under a city's disc or label (the walk: 'Казахстан' under Astana's disc,
 * 'Франция' under Geneva's label).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Topology } from 'topojson-specification';
import { countriesFromTopology, shapesFromGeoJSON } from '../../../../src/app/map/basemap';
import { loadCountryNames } from '../../../../src/app/i18n/country-names.svelte';
import { namePoints, placeNames } from '../../../../src/app/map/country-labels';
import { Discs, mercator } from '../../../../src/app/map/discs';
import { nameObstacles } from '../../../../src/app/map/labels';

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

  it('keep out from under the discs and city labels: a name moves a line down or up, or waits for another zoom', () => {
    const free = placeNames(namePoints(countries), view, zoom, 'en', measure);
    const kz = free.find((n) => n.text === 'Kazakhstan')!;
    const box = (n: (typeof free)[number]) => {
      const w = measure(n.text, n.size);
      return [n.x - w / 2, n.y - n.size / 2, n.x + w / 2, n.y + n.size / 2] as const;
    };
    // Astana's disc right on the name, and a city label across the middle of Russia's.
    const ru = free.find((n) => n.text === 'Russia')!;
    const disc = [kz.x - 12, kz.y - 12, kz.x + 12, kz.y + 12] as const;
    const label = [ru.x - 30, ru.y - 6, ru.x + 30, ru.y + 6] as const;
    const names = placeNames(namePoints(countries), view, zoom, 'en', measure, [disc, label]);
    const meets = (a: readonly number[], b: readonly number[]) => a[0]! < b[2]! && b[0]! < a[2]! && a[1]! < b[3]! && b[1]! < a[3]!;
    for (const n of names) {
      expect(meets(box(n), disc), `${n.text} under the disc`).toBe(false);
      expect(meets(box(n), label), `${n.text} under the label`).toBe(false);
    }
    // Both are tall enough at this zoom to move a line or two instead of going.
    const moved = names.find((n) => n.text === 'Kazakhstan')!;
    expect(moved.x).toBe(kz.x);
    expect(Math.abs(moved.y - kz.y)).toBeGreaterThan(0);
    expect(Math.abs(moved.y - kz.y)).toBeLessThanOrEqual(2.6 * kz.size);
    expect(names.map((n) => n.text)).toContain('Russia');
  });

  it('take as obstacles the discs with events in the window, the city labels shown and the map buttons', () => {
    const discs = new Discs();
    discs.setPlaces([
      [71.4, 51.2], // Astana: events in the window
      [74.6, 42.9], // Bishkek: none (a faint dot may sit under a name)
    ]);
    discs.setCounts([5, 0], [3, 0]);
    const label = { key: 0, anchor: 'right' as const, x: 300, y: 100, width: 50, height: 14 };
    const legend = { x: 8, y: 300, width: 200, height: 40 };
    const boxes = nameObstacles(discs, view, [label], [legend]);
    expect(boxes).toHaveLength(3);
    const [disc] = boxes;
    const [mx, my] = mercator(71.4, 51.2);
    const [cx, cy] = [view.originX + mx * view.worldSize, view.originY + my * view.worldSize];
    expect(disc![0]).toBeLessThan(cx);
    expect(disc![2]).toBeGreaterThan(cx);
    expect(disc![1]).toBeLessThan(cy);
    expect(disc![3]).toBeGreaterThan(cy);
    expect(boxes.slice(1)).toEqual([
      [300, 100, 350, 114],
      [8, 300, 208, 340],
    ]);
  });
});
