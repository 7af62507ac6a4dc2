/**
 * MapLibre places symbols (text, icons) in collision grids the size of the canvas, one cell array per
 * 25 px square, and keeps the last two placements with their grids between frames. This style has no
 * symbol layer (city labels are HTML, country names a canvas of their own), so the grids are always
 * empty, yet at 1280×800 the four of them held ~0.2 MB of the page's heap (heap snapshot at 1,000
 * events, dominator tree). Once the map is idle, the placements it keeps get one shared 1×1 grid in
 * their place: the next frame that places symbols makes new grids of its own, and the placements kept
 * are read afterwards only for their opacities and offsets, or to query symbols (none here; a grid
 * with no keys answers nothing, as the full empty one did).
 *
 * These are MapLibre's internals (maplibre-gl 6, style.placement): when they are not where this
 * expects them, nothing is changed.
 */
import type { Map as MLMap } from 'maplibre-gl';

interface Grid {
  keysLength(): number;
  constructor: new (width: number, height: number, cellSize: number) => Grid;
}
interface Placement {
  collisionIndex?: { grid?: Grid; ignoredGrid?: Grid };
  prevPlacement?: Placement;
}

let tiny: Grid | null = null;

function release(p: Placement | undefined): void {
  const c = p?.collisionIndex;
  if (!c?.grid || !c.ignoredGrid) return;
  // Only an empty grid is swapped: one with symbols in it still answers queries.
  if (c.grid.keysLength() !== 0 || c.ignoredGrid.keysLength() !== 0) return;
  tiny ??= new c.grid.constructor(1, 1, 25);
  c.grid = tiny;
  c.ignoredGrid = tiny;
}

/** After every idle, the kept placements' empty collision grids give way to one tiny grid. */
export function releasePlacementGrids(map: MLMap): void {
  map.on('idle', () => {
    const placement = (map as unknown as { style?: { placement?: Placement } }).style?.placement;
    release(placement);
    release(placement?.prevPlacement);
  });
}
