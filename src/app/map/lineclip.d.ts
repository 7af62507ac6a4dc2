// lineclip 2 ships no types: the two functions the map's tiles use (country-tiles.ts).
declare module 'lineclip' {
  /** Sutherland-Hodgman: the part of a polygon ring ([x, y] points) inside bbox [minX, minY, maxX, maxY]. */
  export function clipPolygon(points: number[][], bbox: readonly [number, number, number, number]): number[][];
  /** Cohen-Sutherland: the parts of a polyline inside bbox, pushed onto `result` (returned). */
  export function clipPolyline(points: number[][], bbox: readonly [number, number, number, number], result?: number[][][]): number[][][];
}
