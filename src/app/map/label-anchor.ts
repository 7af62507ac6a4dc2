/**
 * Where a country's name goes: the pole of inaccessibility of its largest part (polylabel: the point
 * farthest from its edges, so a name sits inside Chile or Vietnam and not on a neighbour), and that
 * part's width and height in Web Mercator units (0..1 of the world), which decide from which zoom the
 * name fits. Pure; run ahead of time for the bundled shapes (src/build/world-shapes.ts) and at run time
 * only for shapes that come without it.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';
import polylabel from 'polylabel';
import { mercator } from './discs';

/** Longitude, latitude, span x, span y. */
export type LabelAnchor = [number, number, number, number];

const ringArea = (ring: Position[]) => {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) a += (ring[j]![0]! + ring[i]![0]!) * (ring[j]![1]! - ring[i]![1]!);
  return Math.abs(a / 2);
};

export function labelAnchor(g: Polygon | MultiPolygon): LabelAnchor | null {
  const parts = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  let best: Position[][] | null = null;
  let bestArea = 0;
  for (const p of parts) {
    const a = ringArea(p[0] ?? []);
    if (a > bestArea) [best, bestArea] = [p, a];
  }
  if (!best) return null;
  const [lng, lat] = polylabel(best as number[][][], 0.2);
  let x0 = Infinity;
  let x1 = -Infinity;
  let y0 = Infinity;
  let y1 = -Infinity;
  for (const [x, y] of best[0]!) {
    const [mx, my] = mercator(x!, y!);
    x0 = Math.min(x0, mx);
    x1 = Math.max(x1, mx);
    y0 = Math.min(y0, my);
    y1 = Math.max(y1, my);
  }
  return [lng!, lat!, x1 - x0, y1 - y0];
}
