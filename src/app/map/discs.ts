/**
 * The city discs, drawn on a 2D canvas laid over the MapLibre canvas instead of as a MapLibre circle
 * layer.
 *
 * Why by hand: the discs are the only part of the map that changes while someone drags the brush or
 * plays the timeline. As a circle layer, every change (feature state) makes MapLibre repaint the
 * whole WebGL map; on a machine without a GPU (SwiftShader, software WebGL) one repaint blocks the
 * page for 70–120 ms while the compositor reads the pixels back, so a drag ran at ~10 frames per
 * second. A 2D canvas redraw of ~500 discs costs well under a millisecond, and the basemap (which
 * did not change) is not repainted at all. MapLibre offers no way to redraw one layer alone; its
 * custom layers also draw inside the WebGL frame. The overlay is a projection (Web Mercator, no
 * rotation or pitch: both are turned off in the adapter) and a loop of `arc` calls: short enough to
 * own. MapLibre still does the rest (basemap, membership colours, summit path, hit-testing through
 * an invisible static circle layer, labels as markers).
 */

import { TAP_RADIUS } from './tap';

/** Web Mercator x and y of a longitude/latitude, in world units (0..1), as MapLibre computes them. */
export function mercator(lng: number, lat: number): [number, number] {
  return [(180 + lng) / 360, mercatorY(lat)];
}

/** Web Mercator y of a latitude (0 at the top of the world, 1 at the bottom), clamped as MapLibre clamps it. */
export function mercatorY(lat: number): number {
  const clamped = Math.max(-85.051129, Math.min(85.051129, lat));
  return (180 - (180 / Math.PI) * Math.log(Math.tan(Math.PI / 4 + (clamped * Math.PI) / 360))) / 360;
}

/** Disc radii: area grows with the count, relative to the busiest city, rounded to half pixels. */
export function radii(events: ArrayLike<number>, statements: ArrayLike<number>, count: number): { n: Float64Array; r: Float64Array } {
  const n = new Float64Array(count);
  let max = 0;
  for (let i = 0; i < count; i++) {
    n[i] = (events[i] ?? 0) + (statements[i] ?? 0);
    if (n[i]! > max) max = n[i]!;
  }
  const rMax = Math.min(24, 8 + Math.sqrt(max) * 2);
  const r = new Float64Array(count);
  for (let i = 0; i < count; i++) r[i] = n[i]! > 0 ? Math.round((4 + (rMax - 4) * Math.sqrt(n[i]! / max)) * 2) / 2 : 0;
  return { n, r };
}

/** The looks the circle layer had: a city with events, one without (faint), hovered, selected. */
export const DISC_STYLE = {
  plain: { fill: '#c0392b', stroke: '#ffffff', strokeWidth: 1 },
  highlighted: { fill: '#e07b00', stroke: '#1b1b1b', strokeWidth: 2.5 },
  selected: { fill: '#b4232c', stroke: '#1b1b1b', strokeWidth: 3 },
  /** Fill opacity of a city with events in the window, and of one without (a small faint dot). */
  opacity: 0.72,
  emptyOpacity: 0.25,
  emptyRadius: 3,
} as const;

/**
 * Where world x = 0..1 and y = 0..1 land on the canvas (CSS pixels): x = originX + mx * worldSize,
 * y = originY + my * worldSize. Copies of the world repeat every `worldSize` pixels along x.
 */
export interface DiscView {
  width: number;
  height: number;
  originX: number;
  originY: number;
  worldSize: number;
}

/** The subset of CanvasRenderingContext2D the discs use (a fake in unit tests). */
export type DiscContext = Pick<
  CanvasRenderingContext2D,
  'setTransform' | 'clearRect' | 'beginPath' | 'arc' | 'fill' | 'stroke' | 'fillStyle' | 'strokeStyle' | 'lineWidth' | 'globalAlpha'
>;

export class Discs {
  private mx: Float64Array = new Float64Array(0);
  private my: Float64Array = new Float64Array(0);
  private n: Float64Array = new Float64Array(0);
  private r: Float64Array = new Float64Array(0);
  /** Plain discs, largest first, so small cities stay visible on top of big ones (sorted when drawn). */
  private order: number[] = [];
  private sorted = false;
  selected = -1;
  highlighted: number[] = [];

  get size(): number {
    return this.mx.length;
  }

  setPlaces(coords: ReadonlyArray<readonly [number, number] | readonly number[]>): void {
    this.mx = new Float64Array(coords.length);
    this.my = new Float64Array(coords.length);
    coords.forEach((c, i) => {
      const [x, y] = mercator(c[0]!, c[1]!);
      this.mx[i] = x;
      this.my[i] = y;
    });
    this.n = new Float64Array(coords.length);
    this.r = new Float64Array(coords.length);
    this.sorted = false;
    this.selected = -1;
    this.highlighted = [];
  }

  /** Returns false when nothing visible changed (no redraw needed). */
  setCounts(events: ArrayLike<number>, statements: ArrayLike<number>): boolean {
    const { n, r } = radii(events, statements, this.size);
    let changed = false;
    for (let i = 0; i < n.length && !changed; i++) if (r[i] !== this.r[i] || n[i]! > 0 !== this.n[i]! > 0) changed = true;
    this.n = n;
    this.r = r;
    // Sorted in draw(), once per frame, not on every brush move (this runs inside the scrub).
    if (changed) this.sorted = false;
    return changed;
  }

  /** Events + statements of place i in the window, and its disc radius (0: a faint dot). */
  count(i: number): { n: number; r: number } {
    return { n: this.n[i] ?? 0, r: this.r[i] ?? 0 };
  }

  private sort(): void {
    const idx = Array.from({ length: this.size }, (_, i) => i);
    idx.sort((a, b) => this.r[b]! - this.r[a]! || a - b);
    this.order = idx;
    this.sorted = true;
  }

  /** Canvas position (CSS pixels) of place i on the world copy nearest the view's centre. */
  point(i: number, v: DiscView): { x: number; y: number } {
    let x = v.originX + this.mx[i]! * v.worldSize;
    const cx = v.width / 2;
    if (v.worldSize > 0) x += Math.round((cx - x) / v.worldSize) * v.worldSize;
    return { x, y: v.originY + this.my[i]! * v.worldSize };
  }

  /**
   * The city under a point (canvas CSS pixels), or -1: the nearest centre within its disc (stroke
   * included) or within `minRadius`, so small cities are easy to hit with a finger. On any world copy.
   */
  hit(px: number, py: number, v: DiscView, minRadius = 16): number {
    let best = -1;
    let bestD = Infinity;
    for (let i = 0; i < this.size; i++) {
      const y = v.originY + this.my[i]! * v.worldSize;
      let x = v.originX + this.mx[i]! * v.worldSize;
      if (v.worldSize > 0) x += Math.round((px - x) / v.worldSize) * v.worldSize;
      const d = Math.hypot(px - x, py - y);
      const reach = Math.max(minRadius, (this.n[i]! > 0 ? this.r[i]! : DISC_STYLE.emptyRadius) + DISC_STYLE.selected.strokeWidth);
      if (d <= reach && d < bestD) {
        best = i;
        bestD = d;
      }
    }
    return best;
  }

  /**
   * Every city a fingertip at (px, py) may mean, nearest first: those with events in the window whose
   * centre lies within `radius` (or whose disc reaches the point), and the one `hit` finds. A tap with
   * two or more asks which one (a finger cannot tell Tashkent, Bishkek and Dushanbe apart at zoom 3).
   * A tap inside one disc whose neighbours are clearly farther (by `clear` px) means that disc alone.
   */
  near(px: number, py: number, v: DiscView, radius = TAP_RADIUS, clear = 12): number[] {
    const found: { i: number; d: number }[] = [];
    for (let i = 0; i < this.size; i++) {
      if (!(this.n[i]! > 0)) continue;
      const y = v.originY + this.my[i]! * v.worldSize;
      let x = v.originX + this.mx[i]! * v.worldSize;
      if (v.worldSize > 0) x += Math.round((px - x) / v.worldSize) * v.worldSize;
      const d = Math.hypot(px - x, py - y);
      if (d <= Math.max(radius, this.r[i]! + DISC_STYLE.selected.strokeWidth)) found.push({ i, d });
    }
    const one = this.hit(px, py, v);
    if (one >= 0 && !found.some((f) => f.i === one)) found.push({ i: one, d: -1 });
    found.sort((a, b) => a.d - b.d || a.i - b.i);
    const [first, second] = found;
    if (first && second && first.d <= this.r[first.i]! && second.d - first.d > clear) return [first.i];
    return found.map((f) => f.i);
  }

  /**
   * Draws every disc (on each world copy that shows). `pixelRatio` scales CSS pixels to the canvas's
   * backing pixels. Returns the number of discs drawn.
   */
  draw(ctx: DiscContext, v: DiscView, pixelRatio: number): number {
    if (!this.sorted) this.sort();
    ctx.setTransform(pixelRatio, 0, 0, pixelRatio, 0, 0);
    ctx.clearRect(0, 0, v.width, v.height);
    let drawn = 0;
    const hl = new Set(this.highlighted);
    const one = (i: number, style: { fill: string; stroke: string; strokeWidth: number }) => {
      const has = this.n[i]! > 0;
      const r = has ? this.r[i]! : DISC_STYLE.emptyRadius;
      const outer = r + style.strokeWidth;
      const y = v.originY + this.my[i]! * v.worldSize;
      if (y < -outer || y > v.height + outer) return;
      const x0 = v.originX + this.mx[i]! * v.worldSize;
      // World copies: every x0 + k * worldSize inside the canvas (plus the disc's size).
      const kMin = v.worldSize > 0 ? Math.ceil((-outer - x0) / v.worldSize) : 0;
      const kMax = v.worldSize > 0 ? Math.floor((v.width + outer - x0) / v.worldSize) : 0;
      for (let k = kMin; k <= kMax; k++) {
        const x = x0 + k * v.worldSize;
        // The stroke lies outside the fill, as in MapLibre's circle layer.
        ctx.beginPath();
        ctx.arc(x, y, r, 0, 2 * Math.PI);
        ctx.globalAlpha = has ? DISC_STYLE.opacity : DISC_STYLE.emptyOpacity;
        ctx.fillStyle = style.fill;
        ctx.fill();
        ctx.beginPath();
        ctx.arc(x, y, r + style.strokeWidth / 2, 0, 2 * Math.PI);
        ctx.globalAlpha = 1;
        ctx.strokeStyle = style.stroke;
        ctx.lineWidth = style.strokeWidth;
        ctx.stroke();
        drawn++;
      }
    };
    for (const i of this.order) if (i !== this.selected && !hl.has(i)) one(i, DISC_STYLE.plain);
    for (const i of this.highlighted) if (i !== this.selected) one(i, DISC_STYLE.highlighted);
    if (this.selected >= 0 && this.selected < this.size) one(this.selected, DISC_STYLE.selected);
    ctx.globalAlpha = 1;
    return drawn;
  }
}
