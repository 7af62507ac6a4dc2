/**
 * What the 2D map draws under the discs, with the MapLibre style's own colours and widths (style.ts):
 * the sea, the countries filled by SCO status at a date, their outlines, the summit path, and the country and sea names. d3-geo
 * draws the shapes (its Mercator fitted to the camera, resampling off so edges are straight in
 * Mercator, as MapLibre draws them); this module only chooses colours and repeats the world where the
 * canvas is wider than one copy of it.
 */
import { geoMercator, geoPath, type GeoPermissibleObjects, type GeoProjection } from 'd3';
import type { FeatureCollection, LineString, MultiLineString } from 'geojson';
import { LAND, STATUS_COLOURS } from '../../palette';
import { getLocale } from '../../i18n';
import type { Countries } from '../countries';
import { drawNames, nameMeasure, namePoints, placeNames } from '../country-labels';
import type { Status } from '../membership';
import { viewOf, worldSize, type Camera } from './camera';

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

/**
 * d3's Mercator for a camera: scale so the world is 512 × 2^zoom pixels wide, the camera's centre at
 * the canvas's middle, rotated so the world copy drawn is the one around the centre.
 */
export function projectionFor(cam: Camera, width: number, height: number): GeoProjection {
  return geoMercator()
    .rotate([-cam.lng, 0])
    .center([0, cam.lat])
    .scale(worldSize(cam.zoom) / (2 * Math.PI))
    .translate([width / 2, height / 2])
    .precision(0);
}

export interface BaseScene {
  countries: Countries | null;
  /** Country id (ISO numeric) → SCO status at the date shown. */
  statuses: ReadonlyMap<string, Status>;
  summits: FeatureCollection<LineString | MultiLineString>;
}

/** The subset of CanvasRenderingContext2D used here. */
export type BaseContext = CanvasRenderingContext2D;

/** Draws sea, countries and summit path for a camera on a canvas of `width` × `height` CSS pixels. */
export function drawBase(ctx: BaseContext, scene: BaseScene, cam: Camera, width: number, height: number, pixelRatio: number): void {
  ctx.setTransform(pixelRatio, 0, 0, pixelRatio, 0, 0);
  ctx.globalAlpha = 1;
  ctx.fillStyle = BASE_STYLE.sea;
  ctx.fillRect(0, 0, width, height);
  const size = worldSize(cam.zoom);
  // Copies of the world to the left and right when the canvas is wider than one (zoomed far out).
  const copies = Math.ceil((width - size) / 2 / size);
  for (let k = -Math.max(0, copies); k <= Math.max(0, copies); k++) {
    ctx.setTransform(pixelRatio, 0, 0, pixelRatio, k * size * pixelRatio, 0);
    drawWorld(ctx, scene, projectionFor(cam, width, height));
  }
  ctx.setTransform(pixelRatio, 0, 0, pixelRatio, 0, 0);
  // Country and sea names over the shapes and the summit path, under the discs, placed and written as
  // on the MapLibre map (country-labels.ts, in the interface language).
  const names = placeNames(namePoints(scene.countries), viewOf(cam, width, height), cam.zoom, getLocale(), nameMeasure(ctx));
  drawNames(ctx, names);
}

/**
 * Each country's outline projected once per camera and canvas size, as a Path2D: a change of colours
 * (the date moves, the data arrives) or of the summit path redraws from these without projecting the
 * ~10,600 points again, and the fills and the outline stroke share one projection (d3-geo drew every
 * shape twice per draw before: 0.1-0.7 s of the first screen's redraws in load profiles at 10,000 events).
 */
let shapeCache: { countries: Countries; key: string; paths: Path2D[]; all: Path2D } | null = null;

/** Lets the projected shapes go (the 2D map is gone). */
export function forgetShapes(): void {
  shapeCache = null;
}

function countryPaths(fc: Countries, projection: GeoProjection): { paths: Path2D[]; all: Path2D } {
  const key = [...projection.rotate(), ...projection.center(), projection.scale(), ...projection.translate()].join(',');
  if (shapeCache?.countries === fc && shapeCache.key === key) return shapeCache;
  const all = new Path2D();
  const paths = fc.features.map((f) => {
    const p = new Path2D();
    geoPath(projection, p as unknown as CanvasRenderingContext2D)(f);
    all.addPath(p);
    return p;
  });
  shapeCache = { countries: fc, key, paths, all };
  return shapeCache;
}

function drawWorld(ctx: BaseContext, scene: BaseScene, projection: GeoProjection): void {
  const path = geoPath(projection, ctx);
  const fc = scene.countries;
  if (fc && typeof Path2D === 'function') {
    const { paths, all } = countryPaths(fc, projection);
    // One fill per colour (a few fills instead of ~180), then the outlines in one stroke.
    const byColour = new Map<string, Path2D>();
    fc.features.forEach((f, i) => {
      const st = scene.statuses.get(f.properties.iso);
      const colour = st ? STATUS_COLOURS[st] : LAND;
      let p = byColour.get(colour);
      if (!p) byColour.set(colour, (p = new Path2D()));
      p.addPath(paths[i]!);
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
    const byColour = new Map<string, GeoPermissibleObjects[]>();
    for (const f of fc.features) {
      const st = scene.statuses.get(f.properties.iso);
      const colour = st ? STATUS_COLOURS[st] : LAND;
      let list = byColour.get(colour);
      if (!list) byColour.set(colour, (list = []));
      list.push(f);
    }
    for (const [colour, list] of byColour) {
      ctx.beginPath();
      for (const f of list) path(f);
      ctx.fillStyle = colour;
      ctx.fill();
    }
    ctx.beginPath();
    for (const f of fc.features) path(f);
    ctx.strokeStyle = BASE_STYLE.outline;
    ctx.lineWidth = BASE_STYLE.outlineWidth;
    ctx.stroke();
  }
  if (scene.summits.features.length) {
    ctx.save();
    ctx.beginPath();
    for (const f of scene.summits.features) path(f);
    ctx.globalAlpha = BASE_STYLE.summitOpacity;
    ctx.strokeStyle = BASE_STYLE.summit;
    ctx.lineWidth = BASE_STYLE.summitWidth;
    ctx.setLineDash([...BASE_STYLE.summitDash]);
    ctx.stroke();
    ctx.restore();
  }
}
