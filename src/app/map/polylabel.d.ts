// polylabel 2 ships no types: the one function the country names use (country-labels.ts).
declare module 'polylabel' {
  /** The pole of inaccessibility of a polygon (rings of [x, y]), to within `precision`; `distance` is its distance to the edge. */
  export default function polylabel(polygon: number[][][], precision?: number, debug?: boolean): [number, number] & { distance: number };
}
