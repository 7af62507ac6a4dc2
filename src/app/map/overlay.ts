/**
 * The discs' canvas over the WebGL map, and its frame loop: the city discs (discs.ts) are drawn here,
 * so a change of counts, selection or hover never repaints the WebGL map.
 */
import type { Map as MLMap } from 'maplibre-gl';
import { Discs, mercator, type DiscView } from './discs';

/** Web Mercator with no rotation or pitch (both are turned off): where world x/y 0..1 land. */
export function discView(map: MLMap, width: number, height: number) {
  const c = map.getCenter();
  const a = map.project([c.lng, c.lat]);
  // 90° of longitude is a quarter of the world's width, at any latitude in Mercator.
  const worldSize = (map.project([c.lng + 90, c.lat]).x - a.x) * 4;
  const [mx, my] = mercator(c.lng, c.lat);
  return { width, height, originX: a.x - mx * worldSize, originY: a.y - my * worldSize, worldSize };
}

export interface DiscOverlay {
  readonly discs: Discs;
  readonly canvas: HTMLCanvasElement;
  /** Draws now; the bench reads the `map:discs` measures (time per draw). */
  draw(): void;
  /** Something changed: one draw in a coming frame, however many changes came. */
  schedule(): void;
  /** Nothing changed since the last draw. */
  readonly clean: boolean;
  /** The data's discs have been drawn at least once since `resetDrawn`. */
  readonly drawnOnce: boolean;
  resetDrawn(): void;
  /** The disc under a point of the map's canvas (CSS pixels), or -1. */
  hit(x: number, y: number): number;
  /** Every disc a fingertip at a point may mean, nearest first (Discs.near). */
  near(x: number, y: number): number[];
  /** The view of every draw, after the discs (the city labels are placed then); returns a remover. */
  onDraw(fn: (v: DiscView) => void): () => void;
  destroy(): void;
}

/** `hasData`: whether the discs are the data's (a map created before the data has none). */
export function discOverlay(map: MLMap, container: HTMLElement, hasData: () => boolean): DiscOverlay {
  const discs = new Discs();
  // Right above the WebGL canvas, below the HTML labels (markers come later in the same container).
  // Decoration only: clicks go through to the map, and screen readers use the City picker.
  const overlay = document.createElement('canvas');
  overlay.className = 'atlas-discs';
  overlay.setAttribute('aria-hidden', 'true');
  overlay.style.cssText = 'position:absolute;left:0;top:0;pointer-events:none;';
  map.getCanvas().after(overlay);
  const ctx = overlay.getContext('2d');
  let cssW = 0;
  let cssH = 0;
  let destroyed = false;
  let dirty = false;
  let drawnOnce = false;
  const after = new Set<(v: DiscView) => void>();
  const size = () => {
    const src = map.getCanvas();
    const w = src.clientWidth || container.clientWidth;
    const h = src.clientHeight || container.clientHeight;
    const pr = map.getPixelRatio();
    if (w === cssW && h === cssH && overlay.width === Math.round(w * pr) && overlay.height === Math.round(h * pr)) return;
    cssW = w;
    cssH = h;
    // The same backing size as the map's canvas (its pixel ratio is capped at 1.5), so a PNG export can
    // lay one over the other pixel for pixel.
    overlay.width = Math.round(w * pr);
    overlay.height = Math.round(h * pr);
    overlay.style.width = `${w}px`;
    overlay.style.height = `${h}px`;
  };
  const draw = () => {
    dirty = false;
    if (!ctx || destroyed) return;
    const t0 = performance.now();
    size();
    const v = discView(map, cssW, cssH);
    discs.draw(ctx, v, map.getPixelRatio());
    if (hasData()) drawnOnce = true;
    const t1 = performance.now();
    performance.measure('map:discs', { start: t0, end: t1 });
    if (!after.size) return;
    for (const fn of after) fn(v);
    performance.measure('map:labels', { start: t1, end: performance.now() });
  };
  // The frame loop stays alive for half a second after the last change, so during a drag a brush move
  // only marks the discs dirty and does not request an animation frame itself (a request from an
  // input handler cost ~0.9 ms of each scrub in bench/profile.ts on this machine).
  let loop = 0;
  let quiet = 0;
  const tick = () => {
    loop = 0;
    if (destroyed) return;
    if (dirty) {
      draw();
      quiet = 0;
    } else quiet++;
    if (quiet < 30) loop = requestAnimationFrame(tick);
  };
  // Kept glued to the camera: MapLibre fires `render` in each frame it draws (pan, zoom, flyTo, resize).
  map.on('render', draw);
  map.on('resize', draw);
  return {
    discs,
    canvas: overlay,
    draw,
    schedule() {
      dirty = true;
      quiet = 0;
      if (!loop && !destroyed) loop = requestAnimationFrame(tick);
    },
    get clean() {
      return !dirty;
    },
    get drawnOnce() {
      return drawnOnce;
    },
    resetDrawn() {
      drawnOnce = false;
    },
    onDraw(fn) {
      after.add(fn);
      return () => after.delete(fn);
    },
    hit(x, y) {
      return discs.hit(x, y, discView(map, cssW || container.clientWidth, cssH || container.clientHeight));
    },
    near(x, y) {
      return discs.near(x, y, discView(map, cssW || container.clientWidth, cssH || container.clientHeight));
    },
    destroy() {
      destroyed = true;
      cancelAnimationFrame(loop);
      overlay.remove();
    },
  };
}
