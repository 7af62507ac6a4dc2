/** The journey of the summits: great circles (turf) between consecutive summit host cities. */
import { greatCircle, point } from '@turf/turf';
import type { Feature, FeatureCollection, LineString, MultiLineString } from 'geojson';
import type { PlaceFeature } from '../../contract/schema';

export type SummitLines = FeatureCollection<LineString | MultiLineString>;

export function summitLines(places: readonly PlaceFeature[], index: ReadonlyMap<string, number>, ids: readonly string[]): SummitLines {
  const features: Array<Feature<LineString | MultiLineString>> = [];
  for (let i = 1; i < ids.length; i++) {
    const a = places[index.get(ids[i - 1]!) ?? -1];
    const b = places[index.get(ids[i]!) ?? -1];
    if (!a || !b || a === b) continue;
    features.push(
      greatCircle(point(a.geometry.coordinates), point(b.geometry.coordinates), { npoints: 64 }) as Feature<LineString | MultiLineString>,
    );
  }
  return { type: 'FeatureCollection', features };
}
