/** The journey of the summits: great circles (turf) between consecutive summit host cities. */
import { distance, greatCircle, point } from '@turf/turf';
import type { Feature, FeatureCollection, LineString, MultiLineString, Position } from 'geojson';
import type { PlaceFeature } from '../../contract/schema';

export type SummitLines = FeatureCollection<LineString | MultiLineString>;

/**
 * Points along an arc of `deg` degrees: one per 1.5 degrees, 4 to 64. Every arc had 64 before; most
 * summit hops are a few hundred to a few thousand km, and the lines (the WebGL map keeps its copy,
 * the 2D map its own) were 0.25 MB of coordinates at 1,000 events. Straight in Mercator between
 * points 1.5 degrees apart, an arc is off its great circle by a few hundredths of a degree.
 */
export function pointsFor(deg: number): number {
  return Math.min(64, Math.max(4, Math.ceil(deg / 1.5) + 1));
}

export function summitLines(places: readonly PlaceFeature[], index: ReadonlyMap<string, number>, ids: readonly string[]): SummitLines {
  const features: Array<Feature<LineString | MultiLineString>> = [];
  for (let i = 1; i < ids.length; i++) {
    const a = places[index.get(ids[i - 1]!) ?? -1];
    const b = places[index.get(ids[i]!) ?? -1];
    if (!a || !b || a === b) continue;
    const [pa, pb] = [point(a.geometry.coordinates), point(b.geometry.coordinates)];
    const arc = greatCircle(pa, pb, { npoints: pointsFor(distance(pa, pb, { units: 'degrees' })) }) as Feature<
      LineString | MultiLineString
    >;
    features.push({ type: 'Feature', properties: {}, geometry: compact(arc.geometry) });
  }
  return { type: 'FeatureCollection', features };
}

/**
 * The arc's points as new two-number arrays. The arcs' own point arrays are grown point by point and
 * keep room for 17 numbers each: kept by the WebGL map and the 2D map, the summit path at 1,000 events
 * held 0.17 MB of the page's heap, about 3.5 times what its 1,088 points need.
 */
function compact(g: LineString | MultiLineString): LineString | MultiLineString {
  const line = (l: Position[]): Position[] => l.map(([x, y]) => [x!, y!]);
  return g.type === 'LineString'
    ? { type: 'LineString', coordinates: line(g.coordinates) }
    : { type: 'MultiLineString', coordinates: g.coordinates.map(line) };
}

/** The path's lines as flat [lng, lat, ...] arrays (the WebGL map's tiles, country-tiles.ts). */
export function flatLines(lines: SummitLines): Float64Array[] {
  const out: Float64Array[] = [];
  for (const f of lines.features) {
    const g = f.geometry;
    for (const l of g.type === 'LineString' ? [g.coordinates] : g.coordinates) out.push(Float64Array.from(l.flatMap(([x, y]) => [x!, y!])));
  }
  return out;
}
