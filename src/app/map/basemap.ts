/**
 * The offline basemap: Natural Earth country shapes from the world-atlas package, turned into GeoJSON.
 */
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';

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
