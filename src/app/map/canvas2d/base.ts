/**
 * What the 2D map draws under the discs, with the MapLibre style's own colours and widths (style.ts):
 * the sea, the countries filled by SCO status at a date, their outlines and the summit path (the
 * country and sea names have a canvas of their own, layer.ts). The shapes are drawn as MapLibre draws them: Web Mercator, straight edges
 * between the points (no resampling), world copies side by side. Each ring is turned into Mercator
 * units once per set of shapes and into a Path2D once per zoom; a pan only moves the canvas transform.
 * Written by hand rather than with d3-geo's projection and path: its rotation, antimeridian clipping
 * and stream pipeline cost ~100-200 ms of the first screen here, for a projection that, with no
 * rotation or resampling, is a multiplication (discs.ts `mercator`, the arithmetic the discs use).
 */
import type { FeatureCollection, LineString, MultiLineString, Position } from 'geojson';
import { LAND, STATUS_COLOURS } from '../../palette';
import type { CountryShapes } from '../basemap';
import { mercator } from '../discs';
import type { Status } from '../membership';
import { viewOf, type Camera } from './camera';

/** The colours and widths of style.ts (background, countries-line, summits), for the 2D copy of the map. */
export const BASE_STYLE = {
  sea: '#d7e3ea',
  outline: '#a9a59b',
  outlineWidth: 0.6,
  summit: '#6b4c9a',
  summitWidth: 1.8,
  summitOpacity: 0.75,
  /** MapLibre's line-dasharray [2, 1.5] is in line widths. */
  summitDash: [2 * 1.8, 1.5 * 1.8],
} as const;

export interface BaseScene {
  countries: CountryShapes | null;
  /** Country id (ISO numeric) → SCO status at the date shown. */
  statuses: ReadonlyMap<string, Status>;
  summits: FeatureCollection<LineString | MultiLineString>;
}

/** The subset of CanvasRenderingContext2D used here. */
export type BaseContext = CanvasRenderingContext2D;

/** Where paths are traced: a Path2D, or the context itself where there is no Path2D (a test canvas). */
interface Sink {
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  closePath(): void;
}

/**
 * Each country's rings in Web Mercator world units (x, y pairs, 0..1 across the world), once per set of
 * shapes, until the 2D map is gone (`forgetShapes`): kept per set of shapes, which the MapLibre map goes
 * on using, they stayed in the heap after the swap (37 KB of arrays besides their numbers, heap snapshot
 * at 1,000 events).
 */
let unitCache: { shapes: CountryShapes; rings: Float64Array[][] } | null = null;
function unitRings(shapes: CountryShapes): Float64Array[][] {
  let rings = unitCache?.shapes === shapes ? unitCache.rings : null;
  if (!rings) {
    rings = shapes.map((c) =>
      c.polygons.flat().map((ring) => {
        const out = new Float64Array(ring.length);
        for (let k = 0; k + 1 < ring.length; k += 2) {
          const [x, y] = mercator(ring[k]!, ring[k + 1]!);
          out[k] = x;
          out[k + 1] = y;
        }
        return out;
      }),
    );
    unitCache = { shapes, rings };
  }
  return rings;
}

/** Traces rings at a world size (pixels), with the world's top-left corner at 0, 0. */
function traceRings(sink: Sink, rings: readonly Float64Array[], size: number): void {
  for (const r of rings) {
    if (r.length < 6) continue;
    sink.moveTo(r[0]! * size, r[1]! * size);
    for (let i = 2; i < r.length; i += 2) sink.lineTo(r[i]! * size, r[i + 1]! * size);
    sink.closePath();
  }
}

function traceLines(sink: Sink, fc: FeatureCollection<LineString | MultiLineString>, size: number): void {
  for (const f of fc.features) {
    const lines: Position[][] = f.geometry.type === 'LineString' ? [f.geometry.coordinates] : f.geometry.coordinates;
    for (const line of lines)
      line.forEach(([lng, lat], i) => {
        const [x, y] = mercator(lng!, lat!);
        if (i === 0) sink.moveTo(x * size, y * size);
        else sink.lineTo(x * size, y * size);
      });
  }
}

/** Draws sea, countries and summit path for a camera on a canvas of `width` × `height` CSS pixels. */
export function drawBase(ctx: BaseContext, scene: BaseScene, cam: Camera, width: number, height: number, pixelRatio: number): void {
  ctx.setTransform(pixelRatio, 0, 0, pixelRatio, 0, 0);
  ctx.globalAlpha = 1;
  ctx.fillStyle = BASE_STYLE.sea;
  ctx.fillRect(0, 0, width, height);
  const v = viewOf(cam, width, height);
  const size = v.worldSize;
  // The world copies that reach the canvas (shapes run a little past ±180°: Chukotka, Fiji).
  const first = Math.floor(-v.originX / size - 0.05);
  const last = Math.floor((width - v.originX) / size + 0.05);
  for (let k = first; k <= last; k++) {
    ctx.setTransform(pixelRatio, 0, 0, pixelRatio, (v.originX + k * size) * pixelRatio, v.originY * pixelRatio);
    drawWorld(ctx, scene, size);
  }
  ctx.setTransform(pixelRatio, 0, 0, pixelRatio, 0, 0);
}

/**
 * Each country's outline as a Path2D at one zoom, kept while the zoom stays: a pan, a change of
 * colours (the date moves, the data arrives) or of the summit path traces nothing again, and the fills
 * and the outline stroke share the paths.
 */
let shapeCache: { countries: CountryShapes; size: number; paths: Path2D[]; all: Path2D } | null = null;

/** Lets the traced shapes go (the 2D map is gone). */
export function forgetShapes(): void {
  shapeCache = null;
  unitCache = null;
}

function countryPaths(fc: CountryShapes, size: number): { paths: Path2D[]; all: Path2D } {
  if (shapeCache?.countries === fc && shapeCache.size === size) return shapeCache;
  const all = new Path2D();
  const paths = unitRings(fc).map((rings) => {
    const p = new Path2D();
    traceRings(p, rings, size);
    all.addPath(p);
    return p;
  });
  shapeCache = { countries: fc, size, paths, all };
  return shapeCache;
}

function drawWorld(ctx: BaseContext, scene: BaseScene, size: number): void {
  const fc = scene.countries;
  const colourOf = (i: number) => {
    const st = scene.statuses.get(fc![i]!.iso);
    return st ? STATUS_COLOURS[st] : LAND;
  };
  if (fc && typeof Path2D === 'function') {
    const { paths, all } = countryPaths(fc, size);
    // One fill per colour (a few fills instead of ~180), then the outlines in one stroke.
    const byColour = new Map<string, Path2D>();
    paths.forEach((p, i) => {
      const colour = colourOf(i);
      let group = byColour.get(colour);
      if (!group) byColour.set(colour, (group = new Path2D()));
      group.addPath(p);
    });
    for (const [colour, p] of byColour) {
      ctx.fillStyle = colour;
      ctx.fill(p);
    }
    ctx.strokeStyle = BASE_STYLE.outline;
    ctx.lineWidth = BASE_STYLE.outlineWidth;
    ctx.stroke(all);
  } else if (fc) {
    // Without Path2D (a test canvas): straight onto the context.
    const rings = unitRings(fc);
    const byColour = new Map<string, number[]>();
    rings.forEach((_, i) => {
      const colour = colourOf(i);
      const list = byColour.get(colour) ?? [];
      byColour.set(colour, [...list, i]);
    });
    for (const [colour, list] of byColour) {
      ctx.beginPath();
      for (const i of list) traceRings(ctx, rings[i]!, size);
      ctx.fillStyle = colour;
      ctx.fill();
    }
    ctx.beginPath();
    for (const r of rings) traceRings(ctx, r, size);
    ctx.strokeStyle = BASE_STYLE.outline;
    ctx.lineWidth = BASE_STYLE.outlineWidth;
    ctx.stroke();
  }
  if (scene.summits.features.length) {
    ctx.save();
    ctx.beginPath();
    traceLines(ctx, scene.summits, size);
    ctx.globalAlpha = BASE_STYLE.summitOpacity;
    ctx.strokeStyle = BASE_STYLE.summit;
    ctx.lineWidth = BASE_STYLE.summitWidth;
    ctx.setLineDash([...BASE_STYLE.summitDash]);
    ctx.stroke();
    ctx.restore();
  }
}
