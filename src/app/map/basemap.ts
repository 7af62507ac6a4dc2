/**
 * The offline basemap: Natural Earth country shapes from the world-atlas package, turned into GeoJSON.
 */
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import type { LabelAnchor } from './label-anchor';

/**
 * Rings that cross the antimeridian (Russia's Chukotka, Fiji) come with longitudes jumping from +180 to
 * -180; drawn as is they streak across the whole map. Shifting the following points by ±360 keeps the
 * ring continuous (MapLibre draws longitudes beyond ±180 on the neighbouring world copy). Written by hand
 * because turf has no such repair and it is a short loop.
 */
export function unwrapRing(ring: Position[]): Position[] {
  let shift = 0;
  const out: Position[] = [];
  for (let i = 0; i < ring.length; i++) {
    const [x, y] = ring[i]!;
    if (i > 0) {
      const prev = ring[i - 1]![0]!;
      if (x! - prev > 180) shift -= 360;
      else if (prev - x! > 180) shift += 360;
    }
    out.push([x! + shift, y!]);
  }
  return out;
}

function fixGeometry(g: Polygon | MultiPolygon): Polygon | MultiPolygon {
  if (g.type === 'Polygon') return { type: 'Polygon', coordinates: g.coordinates.map(unwrapRing) };
  return { type: 'MultiPolygon', coordinates: g.coordinates.map((poly) => poly.map(unwrapRing)) };
}

export interface CountryProps {
  /** ISO 3166-1 numeric, as a 3-digit string. */
  iso: string;
  name: string;
  /** Where the name goes, when known ahead of time (label-anchor.ts). */
  label?: LabelAnchor;
}

/**
 * The bundled coarse shapes as src/build/world-shapes.ts writes them: each country's polygons as rings
 * of flat [dx, dy, dx, dy, ...] in 1e-4 degrees, each point's difference from the one before (the
 * antimeridian repaired), with its name anchor.
 */
export interface CompactWorld {
  source: string;
  countries: Array<{ iso: string; name: string; label: LabelAnchor | null; parts: number[][][] }>;
}

/**
 * A country as the page keeps it: each polygon's rings as flat [lng, lat, lng, lat, ...] typed arrays.
 * The 1:110m world as GeoJSON (one array per point, ~10,600 of them) held 0.82 MB of the page's JS heap
 * (Node, --expose-gc); as typed arrays the points live outside it. The MapLibre map draws them as vector
 * tiles made from these (country-tiles.ts); GeoJSON is made only to compare shapes (shapesToGeoJSON).
 */
export interface CountryShape {
  iso: string;
  name: string;
  label?: LabelAnchor;
  polygons: Float64Array[][];
}
export type CountryShapes = readonly CountryShape[];

/**
 * A country of the bundled shapes: every country's rings are stretches of one shared buffer, and this
 * keeps only where its own lie (`layout`: its number of polygons and where its first ring starts, then
 * for each polygon its number of rings and each ring's end). `polygons` makes the views when asked (a vector
 * tile, the 2D map's paths, a frame around a country), so the page does not keep ~290 typed arrays
 * and ~640 arrays of them: 59 KB of its heap at 1,000 events, against ~15 KB now (heap snapshots).
 */
class CompactShape implements CountryShape {
  constructor(
    readonly iso: string,
    readonly name: string,
    readonly label: LabelAnchor | undefined,
    private readonly all: Float64Array,
    private readonly layout: readonly number[],
  ) {}

  get polygons(): Float64Array[][] {
    const out: Float64Array[][] = [];
    let start = this.layout[1]!;
    let k = 2;
    for (let p = 0; p < this.layout[0]!; p++) {
      const rings: Float64Array[] = [];
      const n = this.layout[k++]!;
      for (let r = 0; r < n; r++) {
        const end = this.layout[k++]!;
        rings.push(this.all.subarray(start, end));
        start = end;
      }
      out.push(rings);
    }
    return out;
  }
}

/** The compact shapes (bundled file) as country shapes. Throws, naming the entry, on a malformed file. */
export function shapesFromCompact(w: CompactWorld): CountryShape[] {
  if (!w || !Array.isArray(w.countries)) throw new Error('country shapes: no "countries" list');
  let total = 0;
  for (const [i, c] of w.countries.entries()) {
    if (typeof c?.iso !== 'string' || !Array.isArray(c.parts)) throw new Error(`country shapes: countries[${i}] has no iso or parts`);
    for (const rings of c.parts) for (const flat of rings) total += flat.length & ~1;
  }
  const all = new Float64Array(total);
  let at = 0;
  return w.countries.map((c): CountryShape => {
    // [polygons, start, then per polygon: rings, each ring's end]
    const layout = [c.parts.length, at];
    for (const rings of c.parts) {
      layout.push(rings.length);
      for (const flat of rings) {
        let x = 0;
        let y = 0;
        for (let k = 0; k + 1 < flat.length; k += 2) {
          x += flat[k]!;
          y += flat[k + 1]!;
          all[at + k] = x / 1e4;
          all[at + k + 1] = y / 1e4;
        }
        at += flat.length & ~1;
        layout.push(at);
      }
    }
    return new CompactShape(c.iso, c.name ?? '', c.label ?? undefined, all, layout);
  });
}

/** GeoJSON country features as country shapes (shapes from a topology, tests). */
export function shapesFromGeoJSON(fc: FeatureCollection<Polygon | MultiPolygon, CountryProps>): CountryShape[] {
  return fc.features.map((f) => {
    const g = f.geometry;
    const polygons = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates).map((rings) =>
      rings.map((ring) => Float64Array.from(ring.flatMap(([x, y]) => [x!, y!]))),
    );
    const shape: CountryShape = { iso: f.properties.iso, name: f.properties.name, polygons };
    if (f.properties.label) shape.label = f.properties.label;
    return shape;
  });
}

/** A country's polygons as GeoJSON positions. */
export function shapePolygons(c: CountryShape): Position[][][] {
  return c.polygons.map((rings) =>
    rings.map((ring) => {
      const out: Position[] = [];
      for (let k = 0; k + 1 < ring.length; k += 2) out.push([ring[k]!, ring[k + 1]!]);
      return out;
    }),
  );
}

/** One country's geometry as GeoJSON. */
export function shapeGeometry(c: CountryShape): Polygon | MultiPolygon {
  const polygons = shapePolygons(c);
  return polygons.length === 1 ? { type: 'Polygon', coordinates: polygons[0]! } : { type: 'MultiPolygon', coordinates: polygons };
}

/** Country shapes as GeoJSON (the build's test compares the compact file's shapes with the topology's this way). */
export function shapesToGeoJSON(shapes: CountryShapes): FeatureCollection<Polygon | MultiPolygon, CountryProps> {
  return {
    type: 'FeatureCollection',
    features: shapes.map((c): Feature<Polygon | MultiPolygon, CountryProps> => {
      const properties: CountryProps = { iso: c.iso, name: c.name };
      if (c.label) properties.label = c.label;
      return { type: 'Feature', properties, geometry: shapeGeometry(c) };
    }),
  };
}

/** The compact shapes as GeoJSON. Throws, naming the entry, on a malformed file. */
export function countriesFromCompact(w: CompactWorld): FeatureCollection<Polygon | MultiPolygon, CountryProps> {
  return shapesToGeoJSON(shapesFromCompact(w));
}

export function countriesFromTopology(topology: Topology): FeatureCollection<Polygon | MultiPolygon, CountryProps> {
  const obj = topology.objects['countries'];
  if (!obj) throw new Error('world-atlas topology has no "countries" object');
  const fc = feature(topology, obj) as unknown as FeatureCollection<Polygon | MultiPolygon | null, { name?: string }>;
  const features: Array<Feature<Polygon | MultiPolygon, CountryProps>> = [];
  for (const f of fc.features) {
    if (!f.geometry) continue;
    features.push({
      type: 'Feature',
      properties: { iso: String(f.id ?? ''), name: f.properties?.name ?? '' },
      geometry: fixGeometry(f.geometry),
    });
  }
  return { type: 'FeatureCollection', features };
}
