/**
 * The country shapes the map draws: the coarse ones (preloaded with the page, see world.ts) as GeoJSON
 * for the first frame, and any world-atlas file fetched later (the finer 1:50m shapes on zoom).
 */
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { Topology } from 'topojson-specification';
import { countriesFromTopology, type CountryProps } from './basemap';
import { preloadWorld, worldUrl } from './world';

export type Countries = FeatureCollection<Polygon | MultiPolygon, CountryProps>;

let coarse: Countries | null = null;
let loading: Promise<void> | null = null;

/**
 * Turns the coarse shapes into GeoJSON once they are in (fetching them if nobody preloaded them), so
 * the map can be created with them in its style and draw the world once, instead of drawing an empty
 * background first and redrawing when the shapes arrive. Never rejects: without shapes the map shows
 * its plain background.
 */
export function loadCoarseCountries(): Promise<void> {
  loading ??= preloadWorld()
    .then((topo) => topo ?? fetch(worldUrl).then((r) => r.json() as Promise<Topology>))
    .then((topo) => {
      coarse = countriesFromTopology(topo);
      performance.mark('map:countries');
    })
    .catch(() => {});
  return loading;
}

/** The coarse shapes if they are in, else null. */
export function coarseCountries(): Countries | null {
  return coarse;
}

/** Fetches a world-atlas topology and turns it into GeoJSON country shapes. */
export function fetchCountries(url: string): Promise<Countries> {
  return fetch(url)
    .then((r) => r.json() as Promise<Topology>)
    .then(countriesFromTopology);
}
