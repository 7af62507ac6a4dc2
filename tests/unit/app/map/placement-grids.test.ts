// @vitest-environment node
/**
 * The kept placements' collision grids after the map is idle (src/app/map/placement-grids.ts), with
 * MapLibre's own grid class: empty ones give way to one 1×1 grid that answers every query with nothing,
 * as the empty full-size grid did; a grid with symbols in it is left as it is.
 */
import { describe, expect, it } from 'vitest';
import type { Map as MLMap } from 'maplibre-gl';
import { releasePlacementGrids } from '../../../../src/app/map/placement-grids';

type Key = { bucketInstanceId: number; featureIndex: number; collisionGroupID: number; overlapMode: 'never' };
interface Grid {
  boxCells: unknown[];
  keysLength(): number;
  insert(key: Key, x1: number, y1: number, x2: number, y2: number): void;
  query(x1: number, y1: number, x2: number, y2: number): unknown[];
  hitTest(x1: number, y1: number, x2: number, y2: number, overlapMode: 'never'): boolean;
}
// MapLibre's grid class from the source its package ships (its exports name only the bundle, hence the
// path), loaded by a path TypeScript does not follow: its sources are not checked with this project's options.
const gridModule = '../../../../node_modules/maplibre-gl/src/symbol/grid_index.ts';
const { GridIndex } = (await import(/* @vite-ignore */ gridModule)) as { GridIndex: new (w: number, h: number, cell: number) => Grid };
// What MapLibre makes for a 1280×800 canvas: its size plus 100 px of padding on each side, 25 px cells.
const canvasGrid = () => new GridIndex(1480, 1000, 25);

/** A map as far as the release needs it: its idle event and the placements its style keeps. */
function mapWith(placement: unknown) {
  const idle: Array<() => void> = [];
  const map = { on: (type: string, f: () => void) => type === 'idle' && idle.push(f), style: { placement } };
  return { map: map as unknown as MLMap, idle: () => idle.forEach((f) => f()) };
}

describe('collision grids kept between frames', () => {
  it('are one tiny grid once the map is idle, when no symbol is in them', () => {
    const prev = { collisionIndex: { grid: canvasGrid(), ignoredGrid: canvasGrid() } };
    const now = { collisionIndex: { grid: canvasGrid(), ignoredGrid: canvasGrid() }, prevPlacement: prev };
    const { map, idle } = mapWith(now);
    releasePlacementGrids(map);
    expect(now.collisionIndex.grid.boxCells.length).toBe(60 * 40);
    idle();
    const grids = [now.collisionIndex.grid, now.collisionIndex.ignoredGrid, prev.collisionIndex.grid, prev.collisionIndex.ignoredGrid];
    expect(new Set(grids).size).toBe(1);
    expect(grids[0]!.boxCells.length).toBe(1);
    // What MapLibre asks of a kept placement's grid: nothing is there, wherever it looks.
    expect(grids[0]!.keysLength()).toBe(0);
    expect(grids[0]!.query(0, 0, 1480, 1000)).toEqual([]);
    expect(grids[0]!.hitTest(100, 100, 200, 200, 'never')).toBe(false);
  });

  it('stay as they are when a symbol is placed in them, or when MapLibre keeps none', () => {
    const grid = canvasGrid();
    grid.insert({ bucketInstanceId: 1, featureIndex: 0, collisionGroupID: 0, overlapMode: 'never' }, 10, 10, 50, 30);
    const kept = { collisionIndex: { grid, ignoredGrid: canvasGrid() } };
    const { map, idle } = mapWith(kept);
    releasePlacementGrids(map);
    idle();
    expect(kept.collisionIndex.grid).toBe(grid);
    expect(grid.query(0, 0, 100, 100)).toHaveLength(1);
    const none = mapWith(undefined);
    releasePlacementGrids(none.map);
    expect(() => none.idle()).not.toThrow();
  });
});
