/**
 * The country shapes the map draws: the coarse ones (preloaded with the page, see world.ts), kept as
 * typed arrays (basemap.ts CountryShape) for the 2D map, the names, a city's country frame and
 * MapLibre's tiles (country-tiles.ts), and the finer 1:50m shapes, fetched once someone zooms in and
 * kept as typed arrays too.
 */
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { Topology } from 'topojson-specification';
import { bbox, booleanPointInPolygon, point, polygon } from '@turf/turf';
import { alpha2ToNumeric } from '../i18n/country-codes';
import {
  countriesFromTopology,
  shapePolygons,
  shapesFromCompact,
  shapesFromGeoJSON,
  type CompactWorld,
  type CountryProps,
  type CountryShape,
  type CountryShapes,
} from './basemap';
import { forgetWorld, preloadWorld, worldUrl } from './world';

/** Countries as GeoJSON (what world-atlas files become, and what tests write by hand). */
export type Countries = FeatureCollection<Polygon | MultiPolygon, CountryProps>;

let coarse: CountryShape[] | null = null;
let loading: Promise<void> | null = null;

/**
 * Reads the coarse shapes once they are in (fetching them if nobody preloaded them), so the map can be
 * created with them and draw the world once, instead of drawing an empty background first and
 * redrawing when the shapes arrive. Never rejects: without shapes the map shows its plain background.
 */
export function loadCoarseCountries(): Promise<void> {
  loading ??= preloadWorld()
    .then((w) => w ?? fetch(worldUrl).then((r) => r.json() as Promise<CompactWorld>))
    .then((w) => {
      coarse = shapesFromCompact(w);
      forgetWorld();
      performance.mark('map:countries');
    })
    .catch(() => {});
  return loading;
}

/** The coarse shapes if they are in, else null. */
export function coarseCountries(): readonly CountryShape[] | null {
  return coarse;
}

const fetched = new Map<string, Promise<CountryShapes>>();

/** Fetches a world-atlas topology once and turns it into country shapes (typed arrays). */
export function fetchCountries(url: string): Promise<CountryShapes> {
  let p = fetched.get(url);
  if (!p) {
    p = fetch(url)
      .then((r) => r.json() as Promise<Topology>)
      .then((t) => shapesFromGeoJSON(countriesFromTopology(t)));
    fetched.set(url, p);
    p.catch(() => fetched.delete(url)); // a later zoom tries again
  }
  return p;
}

/**
 * The bounds of the country a city lies in (its ISO alpha-2 code, as places.geojson gives it), from the
 * coarse shapes: only the part of the country the city is on (France's bounds would otherwise reach
 * French Guiana), or null when the shapes are not in or the code is unknown.
 */
/** West, south, east, north. */
export type BBox = [number, number, number, number];

export function countryBounds(alpha2: string | null | undefined, city: readonly [number, number]): BBox | null {
  if (!coarse || !alpha2) return null;
  const iso = alpha2ToNumeric(alpha2.toUpperCase());
  const f = iso ? coarse.find((c) => c.iso === iso) : undefined;
  if (!f) return null;
  const parts = shapePolygons(f);
  const pt = point([city[0], city[1]]);
  let best: { box: BBox; score: number } | null = null;
  for (const rings of parts) {
    const poly = polygon(rings);
    const box = bbox(poly) as BBox;
    // Inside the part first; else (a coastal city the 1:110m outline misses) the nearest part's box.
    const dx = Math.max(box[0] - city[0], 0, city[0] - box[2]);
    const dy = Math.max(box[1] - city[1], 0, city[1] - box[3]);
    const score = booleanPointInPolygon(pt, poly) ? -1 : Math.hypot(dx, dy);
    if (!best || score < best.score) best = { box, score };
  }
  return best && best.score < 5 ? best.box : null;
}
