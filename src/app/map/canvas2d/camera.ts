/**
 * The 2D map's camera, the same as MapLibre's with no rotation or pitch: Web Mercator on a world of
 * 512 × 2^zoom pixels (MapLibre's tile size), the centre at the middle of the canvas. Pure functions,
 * so the first screen drawn here lands on the pixels the MapLibre map draws later, and the fallback
 * map pans and zooms as MapLibre would. The projection for drawing is d3-geo's Mercator fitted to
 * this camera (projection.ts); this module is the arithmetic both it and the discs share.
 */
import { mercator } from '../discs';
import type { DiscView } from '../discs';

export interface Camera {
  lng: number;
  lat: number;
  zoom: number;
}

/** MapLibre's world size at zoom 0 (its tiles are 512 px). */
export const TILE = 512;
/** MapLibre's limit on zoom (the app never needs more; its fit stops at 5). */
export const MAX_ZOOM = 22;

export function worldSize(zoom: number): number {
  return TILE * 2 ** zoom;
}

/** Longitude/latitude of a Web Mercator world point (0..1), the inverse of `mercator`. */
export function unmercator(x: number, y: number): [number, number] {
  const lng = x * 360 - 180;
  const lat = (360 / Math.PI) * Math.atan(Math.exp(((180 - y * 360) * Math.PI) / 180)) - 90;
  return [lng, lat];
}

/** Where world x/y 0..1 land on a canvas of this size (CSS pixels): the discs' view. */
export function viewOf(cam: Camera, width: number, height: number): DiscView {
  const size = worldSize(cam.zoom);
  const [mx, my] = mercator(cam.lng, cam.lat);
  return { width, height, originX: width / 2 - mx * size, originY: height / 2 - my * size, worldSize: size };
}

/** Canvas pixel (CSS) of a longitude/latitude on the world copy nearest the centre. */
export function project(cam: Camera, width: number, height: number, lng: number, lat: number): { x: number; y: number } {
  const v = viewOf(cam, width, height);
  const [mx, my] = mercator(lng, lat);
  let x = v.originX + mx * v.worldSize;
  x += Math.round((width / 2 - x) / v.worldSize) * v.worldSize;
  return { x, y: v.originY + my * v.worldSize };
}

/** The longitude/latitude under a canvas pixel (CSS), the inverse of `project` (longitude wrapped to -180..180). */
export function unproject(cam: Camera, width: number, height: number, x: number, y: number): { lng: number; lat: number } {
  const v = viewOf(cam, width, height);
  const [lng, lat] = unmercator((x - v.originX) / v.worldSize, (y - v.originY) / v.worldSize);
  return { lng: ((((lng + 180) % 360) + 360) % 360) - 180, lat };
}

/**
 * Keeps the camera inside what MapLibre allows: zoom between the level where the world's height fills
 * the canvas and MAX_ZOOM, and the centre's latitude such that no space beyond ±85° shows above or
 * below the world (MapLibre constrains its transform the same way). Longitude wraps to -180..180.
 */
export function constrain(cam: Camera, width: number, height: number): Camera {
  const minZoom = height > 0 ? Math.max(0, Math.log2(height / TILE)) : 0;
  const zoom = Math.min(MAX_ZOOM, Math.max(minZoom, cam.zoom));
  const size = worldSize(zoom);
  const [, my] = mercator(cam.lng, cam.lat);
  const half = height / 2 / size;
  const y = Math.min(1 - half, Math.max(half, my));
  const [, lat] = unmercator(0, y);
  const lng = ((((cam.lng + 180) % 360) + 360) % 360) - 180;
  return { lng, lat, zoom };
}

/** The camera moved by a drag of (dx, dy) CSS pixels (the world follows the pointer). */
export function panBy(cam: Camera, dx: number, dy: number): Camera {
  const size = worldSize(cam.zoom);
  const [mx, my] = mercator(cam.lng, cam.lat);
  const [lng, lat] = unmercator(mx - dx / size, my - dy / size);
  return { lng, lat, zoom: cam.zoom };
}

/** The camera zoomed by `dz` levels around a canvas point, which stays under the pointer. */
export function zoomAround(cam: Camera, width: number, height: number, px: number, py: number, dz: number): Camera {
  const v = viewOf(cam, width, height);
  const wx = (px - v.originX) / v.worldSize;
  const wy = (py - v.originY) / v.worldSize;
  const zoom = Math.min(MAX_ZOOM, cam.zoom + dz);
  const size = worldSize(zoom);
  const [lng, lat] = unmercator(wx - (px - width / 2) / size, wy - (py - height / 2) / size);
  return { lng, lat, zoom };
}

export interface Padding {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/**
 * The camera that shows a bounding box [west, south, east, north] inside the padding (pixels on each
 * side), zoomed in no further than `maxZoom`: MapLibre's `fitBounds` with no bearing (the box's
 * corners in Mercator, the scale that fits both sides, the box's Mercator middle shifted by half the
 * difference of opposite paddings). One point: that point at `pointZoom`. Before MapLibre has taken
 * over, the 2D map frames the data with this, and the WebGL map fits itself the same way.
 */
export function fitCamera(
  box: readonly [number, number, number, number],
  width: number,
  height: number,
  padding: number | Padding,
  maxZoom: number,
  pointZoom = 4,
): Camera {
  const [w, s, e, n] = box;
  if (w === e && s === n) return { lng: w, lat: s, zoom: pointZoom };
  const pad = typeof padding === 'number' ? { top: padding, bottom: padding, left: padding, right: padding } : padding;
  const [x0, y0] = mercator(w, n);
  const [x1, y1] = mercator(e, s);
  const dx = Math.max(1e-12, (x1 - x0) * TILE);
  const dy = Math.max(1e-12, (y1 - y0) * TILE);
  const scale = Math.min((width - pad.left - pad.right) / dx, (height - pad.top - pad.bottom) / dy);
  const zoom = Math.min(maxZoom, Math.log2(Math.max(scale, 1e-9)));
  const size = worldSize(zoom);
  const cx = (x0 + x1) / 2 - (pad.left - pad.right) / 2 / size;
  const cy = (y0 + y1) / 2 - (pad.top - pad.bottom) / 2 / size;
  const [lng, lat] = unmercator(cx, cy);
  return { lng, lat, zoom };
}
