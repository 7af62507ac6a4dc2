/**
 * Where the map looks: the opening view (every place of the window, clear of the map's own overlays)
 * and the view of one city (a story step or a chosen event), which never zooms past the level where
 * the country around the city is still in the frame: an audience needs the country to know where
 * the disc is (issue 13: a story step on Moscow showed plain colour and one disc).
 */
import type { LngLatBoundsLike, Map as MLMap, PaddingOptions } from 'maplibre-gl';

import { countryBounds, type BBox } from './countries';

export type { BBox };

/** The zoom a chosen city is shown at when its country is small enough to allow it. */
export const CITY_ZOOM = 4;
/** Never closer than this for a city, whatever its country (a city-state would otherwise fill the frame). */
export const MAX_CITY_ZOOM = 6;

/**
 * Room kept free round the fitted places, in CSS pixels, scaled to the map's size: the online badge
 * and zoom buttons sit at the top, the legend and attribution at the bottom, and city labels run to
 * the right of their discs (so the right side keeps room for a name like "Qingdao").
 */
export function fitPadding(width: number, height: number): Required<PaddingOptions> {
  const side = Math.round(Math.min(48, Math.max(16, width / 20)));
  const top = Math.round(Math.min(56, Math.max(24, height / 7)));
  const bottom = Math.round(Math.min(64, Math.max(24, height / 6)));
  const right = Math.round(Math.min(96, Math.max(48, width / 9)));
  // Padding larger than the map would make MapLibre refuse to fit: keep at least half of each axis.
  const sx = Math.min(1, (width * 0.5) / (side + right));
  const sy = Math.min(1, (height * 0.5) / (top + bottom));
  return { top: top * sy, bottom: bottom * sy, left: side * sx, right: right * sx };
}

/** The bounding box of a set of points, or null for none. */
export function boundsOf(points: readonly (readonly [number, number] | readonly number[])[]): BBox | null {
  if (!points.length) return null;
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  for (const p of points) {
    const x = p[0]!;
    const y = p[1]!;
    if (x < w) w = x;
    if (x > e) e = x;
    if (y < s) s = y;
    if (y > n) n = y;
  }
  return [w, s, e, n];
}

const lngLatBounds = (b: BBox): LngLatBoundsLike => [
  [b[0], b[1]],
  [b[2], b[3]],
];

/**
 * The camera that shows a city: at `wanted` zoom (the current one, at least CITY_ZOOM) unless its
 * country would not fit, in which case the zoom that frames the country (with the city in it) and
 * the country's centre. `fitZoom` is the zoom at which the country's bounds fit the map, or null when
 * the country is not known (then only MAX_CITY_ZOOM caps it). Pure, so it is tested without a map.
 */
export function cityCamera(
  city: readonly [number, number],
  wanted: number,
  country: { center: readonly [number, number]; fitZoom: number } | null,
): { center: [number, number]; zoom: number } {
  const zoom = Math.min(Math.max(wanted, CITY_ZOOM), MAX_CITY_ZOOM);
  if (country && country.fitZoom < zoom) return { center: [country.center[0], country.center[1]], zoom: country.fitZoom };
  return { center: [city[0], city[1]], zoom };
}

/** Web Mercator x and y of a point, 0..1 across the world (y down). */
function mercator(lng: number, lat: number): [number, number] {
  const s = Math.sin((Math.max(-85, Math.min(85, lat)) * Math.PI) / 180);
  return [(lng + 180) / 360, 0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)];
}

/**
 * The frame of a city's country in a map of `width` × `height` CSS pixels: the centre of its bounds
 * (widened to take in the city, in case the coarse shapes miss a coastal city) and the zoom at which
 * they fit with the usual padding. MapLibre's world is 512 px wide at zoom 0. Computed here rather
 * than with map.cameraForBounds, which gives nothing for bounds past 180° (Russia's Chukotka).
 */
export function countryFrame(
  width: number,
  height: number,
  city: readonly [number, number],
  country: BBox | null,
): { center: [number, number]; fitZoom: number } | null {
  if (!country || width <= 0 || height <= 0) return null;
  const w = Math.min(country[0], city[0]);
  const e = Math.max(country[2], city[0]);
  const s = Math.min(country[1], city[1]);
  const n = Math.max(country[3], city[1]);
  const [x0, y0] = mercator(w, n);
  const [x1, y1] = mercator(e, s);
  const pad = fitPadding(width, height);
  const room = Math.min(
    (width - pad.left - pad.right) / Math.max(1e-9, x1 - x0),
    (height - pad.top - pad.bottom) / Math.max(1e-9, y1 - y0),
  );
  const fitZoom = Math.log2(room / 512);
  // The centre in longitude and latitude: back from the Mercator midpoint.
  const cy = (y0 + y1) / 2;
  const lat = (Math.atan(Math.sinh(Math.PI * (1 - 2 * cy))) * 180) / Math.PI;
  const lng = (((w + e) / 2 + 540) % 360) - 180;
  return { center: [lng, lat], fitZoom };
}

/**
 * The view of a place for a map of `width` × `height`: `cityCamera` with the frame of the place's
 * country (from its ISO alpha-2 code and the bundled shapes). Both map engines use it (adapter.ts and
 * the 2D first screen), so a story step frames the same whichever is showing.
 */
export function placeCamera(
  place: { geometry: { coordinates: readonly number[] }; properties: { countryCode?: string | null } },
  zoomNow: number,
  width: number,
  height: number,
): { center: [number, number]; zoom: number } {
  const city: [number, number] = [place.geometry.coordinates[0]!, place.geometry.coordinates[1]!];
  return cityCamera(city, zoomNow, countryFrame(width, height, city, countryBounds(place.properties.countryCode, city)));
}

/** Fits the given places (all the data's, or the window's) into the map, clear of its overlays. */
export function fitPlaces(map: MLMap, bounds: BBox, animate = false): void {
  const el = map.getContainer();
  const padding = fitPadding(el.clientWidth, el.clientHeight);
  const [w, s, e, n] = bounds;
  if (w === e && s === n) map.jumpTo({ center: [w, s], zoom: CITY_ZOOM });
  else map.fitBounds(lngLatBounds(bounds), { padding, maxZoom: 5, animate });
}
