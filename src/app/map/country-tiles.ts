/**
 * The countries and the summit path as vector tiles, made when MapLibre asks for one, from the typed
 * shapes the page already keeps (basemap.ts CountryShape) and the path's lines as typed arrays. GeoJSON
 * sources would be simpler, but MapLibre keeps a GeoJSON source's data on the page as GeoJSON (one
 * array per point: 0.49 MB of the page's heap for the coarse world at 1,000 events, with a URL too);
 * a tile answered here is bytes MapLibre hands to its worker, and nothing is kept but typed arrays.
 *
 * A tile: each country's rings that reach it, clipped to the tile with a margin (MapLibre draws fills
 * and lines only inside the tile, so the cut edges never show), in whole tile units, outer rings
 * clockwise and holes the other way (as the vector tile format says), with the country's ISO numeric
 * code as its one property (the source promotes it to the feature id for the membership colours).
 * Not simplified: the 2D first screen draws every point too, so the two maps agree. The summit path's
 * lines are a second layer, clipped the same way.
 */
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import { clipPolygon, clipPolyline } from 'lineclip';
import type { CountryShapes } from './basemap';
import { mercatorY } from './discs';

/** The tiles' layers (a style layer's `source-layer`). */
export const COUNTRY_LAYER = 'countries';
export const SUMMIT_LAYER = 'summits';
/** Tile units per tile side (the vector tile format's usual 4096). */
export const EXTENT = 4096;
/** Margin around a tile, in tile units, that clipped rings keep. */
const BUFFER = 64;

type TileLayers = Parameters<typeof fromGeojsonVt>[0];

/** Latitude of a Web Mercator y (0 at the top of the world, 1 at the bottom). */
function latOf(y: number): number {
  return (360 / Math.PI) * Math.atan(Math.exp(Math.PI * (1 - 2 * y))) - 90;
}

/** West, south, east, north of a flat [lng, lat, ...] ring. */
function ringBox(ring: Float64Array): [number, number, number, number] {
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  for (let k = 0; k + 1 < ring.length; k += 2) {
    const x = ring[k]!;
    const y = ring[k + 1]!;
    if (x < w) w = x;
    if (x > e) e = x;
    if (y < s) s = y;
    if (y > n) n = y;
  }
  return [w, s, e, n];
}

/** Twice the signed area (> 0: clockwise on screen, y pointing down). */
function area2(r: number[][]): number {
  let a = 0;
  for (let i = 0, j = r.length - 1; i < r.length; j = i++) a += r[j]![0]! * r[i]![1]! - r[i]![0]! * r[j]![1]!;
  return a;
}

/**
 * One ring in tile units of tile (z, x, y), shifted by `shift` degrees of longitude (a ring past the
 * antimeridian drawn on the other side), clipped, rounded, without repeated points; null when nothing
 * with an area is left.
 */
function tileRing(ring: Float64Array, shift: number, z: number, x: number, y: number, outer: boolean): number[][] | null {
  const flat = toTile(ring, shift, z, x, y);
  // Most rings at low zooms lie wholly in the tile: rounded straight from the projected numbers.
  const out = inside(flat) ? rounded(flat) : rounded(clipPolygon(pairs(flat), [-BUFFER, -BUFFER, EXTENT + BUFFER, EXTENT + BUFFER]).flat());
  while (out.length > 1 && out[0]![0] === out[out.length - 1]![0] && out[0]![1] === out[out.length - 1]![1]) out.pop();
  const a = area2(out);
  if (out.length < 3 || a === 0) return null;
  if (a > 0 !== outer) out.reverse();
  return out;
}

/** Whether every point is within the tile and its margin (nothing to clip). */
function inside(flat: Float64Array): boolean {
  for (let k = 0; k < flat.length; k++) if (flat[k]! < -BUFFER || flat[k]! > EXTENT + BUFFER) return false;
  return true;
}

/** Flat [x, y, ...] as [x, y] points, rounded to whole tile units, repeated points left out. */
function rounded(flat: ArrayLike<number>): number[][] {
  const out: number[][] = [];
  let lx = NaN;
  let ly = NaN;
  for (let k = 0; k + 1 < flat.length; k += 2) {
    const px = Math.round(flat[k]!);
    const py = Math.round(flat[k + 1]!);
    if (px === lx && py === ly) continue;
    out.push([px, py]);
    lx = px;
    ly = py;
  }
  return out;
}

/** Flat [x, y, ...] as [x, y] points (what lineclip takes). */
function pairs(flat: Float64Array): number[][] {
  const out: number[][] = [];
  for (let k = 0; k + 1 < flat.length; k += 2) out.push([flat[k]!, flat[k + 1]!]);
  return out;
}

/** A ring's or line's flat [lng, lat, ...] points as flat tile units of tile (z, x, y), `shift` degrees east. */
function toTile(line: Float64Array, shift: number, z: number, x: number, y: number): Float64Array {
  const scale = EXTENT * 2 ** z;
  const out = new Float64Array(line.length & ~1);
  for (let k = 0; k + 1 < line.length; k += 2) {
    out[k] = ((line[k]! + shift + 180) / 360) * scale - x * EXTENT;
    out[k + 1] = mercatorY(line[k + 1]!) * scale - y * EXTENT;
  }
  return out;
}

/** The parts of a line inside the tile (with its margin), rounded, without repeated points. */
function tileLine(line: Float64Array, shift: number, z: number, x: number, y: number): number[][][] {
  const parts: number[][][] = [];
  for (const part of clipPolyline(pairs(toTile(line, shift, z, x, y)), [-BUFFER, -BUFFER, EXTENT + BUFFER, EXTENT + BUFFER])) {
    const out = rounded(part.flat());
    if (out.length > 1) parts.push(out);
  }
  return parts;
}

/**
 * The vector tile (z, x, y) of these countries and lines: layer `COUNTRY_LAYER` with one feature per
 * country, layer `SUMMIT_LAYER` with one per line (flat [lng, lat, ...]).
 */
export function countryTile(shapes: CountryShapes, z: number, x: number, y: number, lines: readonly Float64Array[] = []): Uint8Array {
  const n = 2 ** z;
  const pad = BUFFER / EXTENT;
  const west = ((x - pad) / n) * 360 - 180;
  const east = ((x + 1 + pad) / n) * 360 - 180;
  const north = latOf((y - pad) / n);
  const south = latOf((y + 1 + pad) / n);
  const features: Array<{ type: 3; geometry: number[][][]; tags: { iso: string } }> = [];
  for (const c of shapes) {
    const rings: number[][][] = [];
    for (const polygon of c.polygons) {
      if (!polygon[0]) continue;
      const [w, s, e, nn] = ringBox(polygon[0]);
      if (s > north || nn < south) continue;
      for (const shift of [-360, 0, 360]) {
        if (w + shift > east || e + shift < west) continue;
        for (let k = 0; k < polygon.length; k++) {
          const r = tileRing(polygon[k]!, shift, z, x, y, k === 0);
          if (r) rings.push(r);
          else if (k === 0) break; // no outer ring here: its holes are not here either
        }
      }
    }
    if (rings.length) features.push({ type: 3, geometry: rings, tags: { iso: c.iso } });
  }
  const paths: Array<{ type: 2; geometry: number[][][]; tags: Record<string, never> }> = [];
  for (const line of lines) {
    const [w, s, e, nn] = ringBox(line);
    if (s > north || nn < south) continue;
    for (const shift of [-360, 0, 360]) {
      if (w + shift > east || e + shift < west) continue;
      const parts = tileLine(line, shift, z, x, y);
      if (parts.length) paths.push({ type: 2, geometry: parts, tags: {} });
    }
  }
  // The encoder reads only `features` of a geojson-vt tile (rings or lines of [x, y] in tile units).
  const layer = (f: unknown[]) => ({ features: f }) as unknown as TileLayers[string];
  return fromGeojsonVt({ [COUNTRY_LAYER]: layer(features), [SUMMIT_LAYER]: layer(paths) }, { version: 2, extent: EXTENT });
}

/** The shapes a tile URL names ('coarse', 'detail'), or null when they cannot be had. */
export type ShapeSets = (set: string) => Promise<CountryShapes | null>;

/** The URL scheme of the country tiles, for MapLibre's `addProtocol`. */
export const COUNTRY_SCHEME = 'atlas-countries';

/** Summit paths the tile URLs name, by key (`keepLines`). */
const kept = new Map<string, readonly Float64Array[]>();
let keys = 0;

/** Keeps lines for the tiles to draw until `forgetLines(key)`; returns their key for `countryTilesUrl`. */
export function keepLines(lines: readonly Float64Array[]): string {
  const key = `p${++keys}`;
  kept.set(key, lines);
  return key;
}

/** Whether the lines kept under `key` are these, point for point. */
export function sameLines(key: string, lines: readonly Float64Array[]): boolean {
  const known = kept.get(key);
  return (
    !!known &&
    known.length === lines.length &&
    known.every((l, i) => l.length === lines[i]!.length && l.every((v, k) => v === lines[i]![k]))
  );
}

export function forgetLines(key: string): void {
  kept.delete(key);
}

/** The tile URL template of a set of shapes with the lines kept under `lines` (none: no path). */
export function countryTilesUrl(set: string, lines = 'none'): string {
  return `${COUNTRY_SCHEME}://${set}/${lines}/{z}/{x}/{y}`;
}

/**
 * The answer to a `countryTilesUrl` URL (MapLibre's `addProtocol` handler): the tile's bytes. A set
 * that cannot be had gives empty tiles: the map shows its plain background; lines no longer kept (a
 * tile asked for just before the path changed) are left out.
 */
export async function countryTileResponse(url: string, sets: ShapeSets): Promise<{ data: ArrayBuffer }> {
  const m = /^[\w-]+:\/\/([\w-]+)\/([\w-]+)\/(\d+)\/(\d+)\/(\d+)$/.exec(url);
  if (!m) throw new Error(`country tiles: not a tile URL: ${url}`);
  const shapes = await sets(m[1]!);
  const bytes = countryTile(shapes ?? [], Number(m[3]), Number(m[4]), Number(m[5]), kept.get(m[2]!) ?? []);
  // A copy the exact size of the tile (the encoder's buffer is larger), handed to MapLibre's worker.
  return { data: bytes.slice().buffer };
}
