// @vitest-environment node
import { distance, greatCircle, point } from '@turf/turf';
import type { LineString } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { PlaceFeature } from '../../../../src/contract/schema';
import { summitLines } from '../../../../src/app/map/paths';

const place = (id: string, lng: number, lat: number) =>
  ({ type: 'Feature', geometry: { type: 'Point', coordinates: [lng, lat] }, properties: { id } }) as unknown as PlaceFeature;
const places = [
  place('moscow', 37.62, 55.75),
  place('beijing', 116.4, 39.9),
  place('tashkent', 69.24, 41.3),
  place('dushanbe', 68.78, 38.56),
];
const index = new Map(places.map((p, i) => [p.properties.id, i]));

describe('the summit path', () => {
  it('draws a long hop and a short one along their great circles, with points no more than 1.5 degrees apart', () => {
    const lines = summitLines(places, index, ['moscow', 'beijing', 'tashkent', 'dushanbe']);
    expect(lines.features).toHaveLength(3);
    const [long, , short] = lines.features.map((f) => (f.geometry as LineString).coordinates);
    // The hop from Tashkent to Dushanbe (~3 degrees) needs a handful of points, Moscow to Beijing (~52) more.
    expect(short!.length).toBeLessThanOrEqual(4);
    expect(long!.length).toBeGreaterThan(30);
    for (const line of [long!, short!])
      for (let i = 1; i < line.length; i++)
        expect(distance(point(line[i - 1]!), point(line[i]!), { units: 'degrees' })).toBeLessThanOrEqual(1.5);
    // Every point lies on the great circle: near the finest line turf draws between the same cities.
    const fine = (greatCircle(point([37.62, 55.75]), point([116.4, 39.9]), { npoints: 1000 }).geometry as LineString).coordinates;
    for (const c of long!) expect(Math.min(...fine.map((f) => distance(point(c), point(f), { units: 'degrees' })))).toBeLessThan(0.05);
    expect(long![0]).toEqual([37.62, 55.75]);
    expect(long![long!.length - 1]).toEqual([116.4, 39.9]);
  });
});
