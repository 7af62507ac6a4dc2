/**
 * Where city labels go without sitting on each other, on other discs, or off the map: a pure function
 * of projected discs and label sizes, so the MapLibre map (labels.ts), the 2D renderer and the PNG
 * export place the same labels in the same spots.
 *
 * Greedy placement in priority order (the usual way for a few dozen point labels): each label tries a
 * few anchor positions around its disc and takes the first whose box is inside the map and touches no
 * box already taken (placed labels and the discs that carry events); a label that fits nowhere hides.
 * The boxes taken are kept in a grid of square cells (`BoxGrid`), so a label's tries look only at the
 * boxes near it: a frame with hundreds of discs stays well under a millisecond. (An R-tree, rbush, did
 * this before; its code, compiled and kept by the page, was ~40 KB of the heap for what a grid does.)
 */

/** Where the label sits relative to its disc (the side of the disc the text is on). */
export type LabelAnchor = 'right' | 'left' | 'top' | 'bottom' | 'top-right' | 'bottom-right' | 'top-left' | 'bottom-left';

/** Tried in this order: right of the disc reads best (as the labels always sat), then left, above, below, corners. */
export const ANCHORS: readonly LabelAnchor[] = ['right', 'left', 'top', 'bottom', 'top-right', 'bottom-right', 'top-left', 'bottom-left'];

/** A disc as drawn on screen (CSS pixels): centre and radius (stroke included). */
export interface PlacedDisc {
  x: number;
  y: number;
  r: number;
}

export interface LabelRequest extends PlacedDisc {
  /** Whatever the caller uses to find the label again (a place index or id). */
  key: number | string;
  /** The text's box size in CSS pixels (measured by the caller: DOM or canvas `measureText`). */
  width: number;
  height: number;
  /** Higher goes first (hovered, selected, summit hosts, bigger discs); equal priorities keep input order. */
  priority: number;
}

export interface LabelBox {
  key: number | string;
  anchor: LabelAnchor;
  /** Top-left corner and size of the text's box, in the map's CSS pixels. */
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PlacementOptions {
  /** The map's size; every shown box lies inside [0, width] × [0, height]. */
  width: number;
  height: number;
  /** Discs that labels must not cover (each label's own disc is added; its anchors sit outside it). */
  obstacles?: readonly PlacedDisc[];
  /** Space kept free between the disc and its text, and around each text box (px). */
  gap?: number;
  /** Margin kept free along the map's edges (px). */
  inset?: number;
  /** Boxes over the map no label may go under (zoom buttons, legend, badges), in the map's pixels. */
  blocked?: readonly { x: number; y: number; width: number; height: number }[];
}

export interface Placement {
  shown: LabelBox[];
  /** Keys of the labels that did not fit (their discs still name the city on hover and in lists). */
  hidden: (number | string)[];
}

interface Box {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/** The box of a label of size w × h at `anchor` around disc d. */
export function anchorBox(d: PlacedDisc, w: number, h: number, anchor: LabelAnchor, gap: number): { x: number; y: number } {
  const off = d.r + gap;
  // Corners: the box's corner sits just outside the disc's obstacle square (discBox), so it clears the disc.
  const diag = d.r * 0.85 + gap + 0.5;
  switch (anchor) {
    case 'right':
      return { x: d.x + off, y: d.y - h / 2 };
    case 'left':
      return { x: d.x - off - w, y: d.y - h / 2 };
    case 'top':
      return { x: d.x - w / 2, y: d.y - off - h };
    case 'bottom':
      return { x: d.x - w / 2, y: d.y + off };
    case 'top-right':
      return { x: d.x + diag, y: d.y - diag - h };
    case 'bottom-right':
      return { x: d.x + diag, y: d.y + diag };
    case 'top-left':
      return { x: d.x - diag - w, y: d.y - diag - h };
    case 'bottom-left':
      return { x: d.x - diag - w, y: d.y + diag };
  }
}

/** Two boxes meet, touching edges included (what the R-tree this replaced counted as a collision). */
function meets(a: Box, b: Box): boolean {
  return b.minX <= a.maxX && b.minY <= a.maxY && b.maxX >= a.minX && b.maxY >= a.minY;
}

/**
 * Boxes by the square cells (CELL px) of the map they reach. Cells are counted from the map's top-left
 * corner and clamped to one ring of cells around the map: a box off the map is kept in the edge cells it
 * faces (it can still meet a probe there), and a huge one never walks more cells than the map has.
 */
const CELL = 64;
class BoxGrid {
  /** Cell (x, y), x and y from -1 to the last, at (x + 1) * rows + y + 1. */
  private readonly cells: (Box[] | undefined)[];
  private readonly nx: number;
  private readonly ny: number;
  constructor(width: number, height: number) {
    this.nx = Math.max(0, Math.ceil(width / CELL));
    this.ny = Math.max(0, Math.ceil(height / CELL));
    this.cells = new Array<Box[] | undefined>((this.nx + 2) * (this.ny + 2));
  }
  /** Calls `f` with the index of each cell `b` reaches, until it answers true; says whether it did. */
  private some(b: Box, f: (i: number) => boolean): boolean {
    const rows = this.ny + 2;
    const x0 = Math.min(this.nx, Math.max(-1, Math.floor(b.minX / CELL)));
    const x1 = Math.min(this.nx, Math.max(-1, Math.floor(b.maxX / CELL)));
    const y0 = Math.min(this.ny, Math.max(-1, Math.floor(b.minY / CELL)));
    const y1 = Math.min(this.ny, Math.max(-1, Math.floor(b.maxY / CELL)));
    for (let x = x0; x <= x1; x++) for (let y = y0; y <= y1; y++) if (f((x + 1) * rows + y + 1)) return true;
    return false;
  }
  insert(b: Box): void {
    this.some(b, (i) => {
      (this.cells[i] ??= []).push(b);
      return false;
    });
  }
  collides(b: Box): boolean {
    return this.some(b, (i) => {
      const cell = this.cells[i];
      if (cell) for (const c of cell) if (meets(b, c)) return true;
      return false;
    });
  }
}

/** A disc's square, shrunk a little: a text may graze a round disc's empty corner. */
function discBox(d: PlacedDisc): Box {
  const s = d.r * 0.85;
  return { minX: d.x - s, minY: d.y - s, maxX: d.x + s, maxY: d.y + s };
}

export function placeLabels(labels: readonly LabelRequest[], o: PlacementOptions): Placement {
  const gap = o.gap ?? 2;
  const inset = o.inset ?? 2;
  const tree = new BoxGrid(o.width, o.height);
  // Every disc is in the way of every label but its own (whose anchors clear it by construction), so a
  // label placed early never covers a city labelled later. Zero-radius points stop nothing.
  for (const d of [...(o.obstacles ?? []), ...labels]) if (d.r > 0) tree.insert(discBox(d));
  for (const b of o.blocked ?? []) tree.insert({ minX: b.x, minY: b.y, maxX: b.x + b.width, maxY: b.y + b.height });
  const order = labels.map((l, i) => ({ l, i })).sort((a, b) => b.l.priority - a.l.priority || a.i - b.i);
  const shown: LabelBox[] = [];
  const hidden: (number | string)[] = [];
  for (const { l } of order) {
    let put: LabelBox | null = null;
    for (const anchor of ANCHORS) {
      const { x, y } = anchorBox(l, l.width, l.height, anchor, gap);
      if (x < inset || y < inset || x + l.width > o.width - inset || y + l.height > o.height - inset) continue;
      // Padded by the gap, so two texts never touch.
      const probe = { minX: x - gap, minY: y - gap, maxX: x + l.width + gap, maxY: y + l.height + gap };
      if (tree.collides(probe)) continue;
      put = { key: l.key, anchor, x, y, width: l.width, height: l.height };
      break;
    }
    if (!put) {
      hidden.push(l.key);
      continue;
    }
    tree.insert({ minX: put.x, minY: put.y, maxX: put.x + put.width, maxY: put.y + put.height });
    shown.push(put);
  }
  return { shown, hidden };
}

/** Two boxes overlap (touching edges do not count). For tests and checks of a placement. */
export function boxesIntersect(a: { x: number; y: number; width: number; height: number }, b: typeof a): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}
