/**
 * Where the map looks: the opening view (every place of the window, clear of the map's own overlays)
 * and the view of one city (a story step or a chosen event), which never zooms past the level where
 * the country around the city is still in the frame: an audience needs the country to know where
 * the disc is (issue 13: a story step on Moscow showed plain colour and one disc).
 */
import type { LngLatBoundsLike, Map as MLMap, PaddingOptions } from 'maplibre-gl';

export type BBox = [west: number, south: number, east: number, north: number];

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

/**
 * The country's frame as the map would fit it now: its centre and the zoom at which its bounds (and
 * the city, in case the shapes are coarse) fit inside the map with the usual padding.
 */
export function countryFrame(
  map: MLMap,
  city: readonly [number, number],
  country: BBox | null,
): { center: [number, number]; fitZoom: number } | null {
  if (!country) return null;
  const b: BBox = [
    Math.min(country[0], city[0]),
    Math.min(country[1], city[1]),
    Math.max(country[2], city[0]),
    Math.max(country[3], city[1]),
  ];
  const el = map.getContainer();
  const cam = map.cameraForBounds(lngLatBounds(b), { padding: fitPadding(el.clientWidth, el.clientHeight) });
  if (!cam?.center || cam.zoom === undefined) return null;
  const c = cam.center as { lng: number; lat: number };
  return { center: [c.lng, c.lat], fitZoom: cam.zoom };
}

/** Fits the given places (all the data's, or the window's) into the map, clear of its overlays. */
export function fitPlaces(map: MLMap, bounds: BBox, animate = false): void {
  const el = map.getContainer();
  const padding = fitPadding(el.clientWidth, el.clientHeight);
  const [w, s, e, n] = bounds;
  if (w === e && s === n) map.jumpTo({ center: [w, s], zoom: CITY_ZOOM });
  else map.fitBounds(lngLatBounds(bounds), { padding, maxZoom: 5, animate });
}
