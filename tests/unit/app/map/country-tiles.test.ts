// @vitest-environment node
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { describe, expect, it } from 'vitest';
import type { CountryShape } from '../../../../src/app/map/basemap';
import {
  COUNTRY_LAYER,
  EXTENT,
  SUMMIT_LAYER,
  countryTile,
  countryTileResponse,
  countryTilesUrl,
  forgetLines,
  keepLines,
  sameLines,
} from '../../../../src/app/map/country-tiles';
import { atlasStyle } from '../../../../src/app/map/style';

/** A country of one polygon from rings of [lng, lat]. */
const country = (iso: string, ...rings: number[][][]): CountryShape => ({
  iso,
  name: iso,
  polygons: [rings.map((r) => Float64Array.from(r.flat()))],
});
const square = (w: number, s: number, e: number, n: number) => [
  [w, s],
  [e, s],
  [e, n],
  [w, n],
  [w, s],
];

function read(bytes: Uint8Array, name = COUNTRY_LAYER) {
  const layer = new VectorTile(new PbfReader(bytes)).layers[name];
  const features = [];
  for (let i = 0; i < (layer?.length ?? 0); i++) features.push(layer!.feature(i));
  return features;
}
/** Twice the signed area in tile units (> 0: clockwise on screen). */
const area2 = (r: Array<{ x: number; y: number }>) =>
  r.reduce((a, p, i) => a + r[(i + r.length - 1) % r.length]!.x * p.y - p.x * r[(i + r.length - 1) % r.length]!.y, 0);

describe('the country tiles MapLibre draws', () => {
  // A square country round a lake, in the northern and eastern quarter of the world.
  const lake = country('398', square(10, 10, 50, 50), square(20, 20, 30, 30));

  it('put a country where Web Mercator puts it, with its ISO code, its outline clockwise and its hole the other way', () => {
    const [f, ...rest] = read(countryTile([lake], 0, 0, 0));
    expect(rest).toHaveLength(0);
    expect(f!.properties['iso']).toBe('398');
    expect(f!.type).toBe(3);
    const [outer, hole] = f!.loadGeometry();
    // 10° east is at (180 + 10) / 360 of the world's width; 50° north at 0.339 of its height from the top.
    const xs = outer!.map((p) => p.x);
    const ys = outer!.map((p) => p.y);
    expect(Math.min(...xs)).toBe(Math.round((190 / 360) * EXTENT));
    expect(Math.max(...xs)).toBe(Math.round((230 / 360) * EXTENT));
    expect(Math.min(...ys)).toBe(Math.round((0.5 - Math.log(Math.tan((70 * Math.PI) / 180)) / (2 * Math.PI)) * EXTENT));
    expect(area2(outer!)).toBeGreaterThan(0);
    expect(area2(hole!)).toBeLessThan(0);
  });

  it('leave a country out of the tiles it does not reach, and cut it at the tiles it crosses', () => {
    // z1: four tiles; the lake lies in the north-east one (x 1, y 0) only.
    expect(read(countryTile([lake], 1, 0, 0))).toHaveLength(0);
    expect(read(countryTile([lake], 1, 1, 1))).toHaveLength(0);
    expect(read(countryTile([lake], 1, 1, 0))).toHaveLength(1);
    // A country across the equator is cut at the edge of each tile, with a small margin beyond it.
    const band = country('100', square(10, -20, 50, 20));
    for (const y of [0, 1]) {
      const [ring] = read(countryTile([band], 1, 1, y))[0]!.loadGeometry();
      const ys = ring!.map((p) => p.y);
      expect(y === 0 ? Math.max(...ys) : Math.min(...ys)).toBe(y === 0 ? EXTENT + 64 : -64);
    }
  });

  it('draw a country past the antimeridian on the other side of the world too', () => {
    // Chukotka-like: from 170° east to 190° (that is, -170°), as the repaired shapes keep it.
    const east = country('643', square(170, 60, 190, 70));
    const west = read(countryTile([east], 1, 0, 0));
    expect(west).toHaveLength(1);
    const xs = west[0]!.loadGeometry()[0]!.map((p) => p.x);
    // Its part west of -170° begins at the tile's west edge (clipped to the margin).
    expect(Math.min(...xs)).toBe(-64);
    expect(Math.max(...xs)).toBe(Math.round((10 / 180) * EXTENT));
  });

  it('carry the summit path as lines, cut at the tile', () => {
    // Moscow to Beijing (both in the z1 tile x 1, y 0), then on to Sydney, which leaves it southwards.
    const path = Float64Array.from([37.62, 55.75, 116.4, 39.9, 151.2, -33.87]);
    const [line, ...rest] = read(countryTile([], 1, 1, 0, [path]), SUMMIT_LAYER);
    expect(rest).toHaveLength(0);
    expect(line!.type).toBe(2);
    const [part] = line!.loadGeometry();
    expect(part).toHaveLength(3);
    expect(part![0]!.x).toBe(Math.round(((37.62 + 180) / 360 - 0.5) * 2 * EXTENT));
    expect(part![2]!.y).toBe(EXTENT + 64); // cut at the margin below the tile
    expect(read(countryTile([], 1, 0, 1, [path]), SUMMIT_LAYER)).toHaveLength(0);
  });

  it('answer a tile URL with the tile, and a malformed URL with an error naming it', async () => {
    const url = countryTilesUrl('coarse').replace('{z}', '0').replace('{x}', '0').replace('{y}', '0');
    const asked: string[] = [];
    const { data } = await countryTileResponse(url, async (set) => (asked.push(set), [lake]));
    expect(asked).toEqual(['coarse']);
    expect(read(new Uint8Array(data))[0]!.properties['iso']).toBe('398');
    const empty = await countryTileResponse(url, async () => null);
    expect(read(new Uint8Array(empty.data))).toHaveLength(0);
    await expect(countryTileResponse('atlas-countries://coarse/none/0/0', async () => [lake])).rejects.toThrow(
      /atlas-countries:\/\/coarse\/none\/0\/0/,
    );
    // The summit path kept under a key is drawn while it is kept, and not once it is forgotten.
    const key = keepLines([Float64Array.from([37.62, 55.75, 116.4, 39.9])]);
    expect(sameLines(key, [Float64Array.from([37.62, 55.75, 116.4, 39.9])])).toBe(true);
    expect(sameLines(key, [Float64Array.from([37.62, 55.75, 116.4, 40])])).toBe(false);
    const withPath = countryTilesUrl('coarse', key).replace('{z}', '0').replace('{x}', '0').replace('{y}', '0');
    expect(read(new Uint8Array((await countryTileResponse(withPath, async () => [lake])).data), SUMMIT_LAYER)).toHaveLength(1);
    forgetLines(key);
    expect(read(new Uint8Array((await countryTileResponse(withPath, async () => [lake])).data), SUMMIT_LAYER)).toHaveLength(0);
  });
});

describe("the WebGL map's style", () => {
  it('has no GeoJSON source, whose data MapLibre would keep in the page as one array per point', () => {
    const style = atlasStyle(countryTilesUrl('coarse', 'p1'), Date.UTC(2020, 0, 1));
    const sources = Object.values(style.sources);
    expect(sources.map((s) => s.type)).toEqual(['vector']);
    // Countries and the summit path are both layers of the tiles made in the page.
    const layers = style.layers.filter((l) => 'source' in l).map((l) => [l.id, (l as { 'source-layer'?: string })['source-layer']]);
    expect(layers).toEqual([
      ['countries-fill', COUNTRY_LAYER],
      ['countries-line', COUNTRY_LAYER],
      ['summits', SUMMIT_LAYER],
    ]);
  });
});
