/**
 * The timeline's three stacked canvases: every mark dimmed, every mark lit, and on top the outlines
 * and "+n" badges. The marks are grouped into one path per colour and precision so 100k marks cost a
 * few fills, and they are painted only when the layout (scale, size, filters) changes. A brush or
 * playhead move then only moves the lit canvas's CSS clip to the window (`clipToWindow`): no pixels are
 * drawn by script (drawing the two layers on every move cost ~0.5-1 ms of each scrub at 10,000 events,
 * bench/profile.ts), and the outlines are redrawn only when the selection, hover or keyboard cursor changes.
 */
import { NO_TOPIC, TOPIC_COLOURS } from '../palette';
import { LANE, laneY, MARKS_TOP, type Layout } from './layout';

const STYLE_COLOURS = [...TOPIC_COLOURS, NO_TOPIC];

/** One Path2D per style key (see layout.ts `eventStyles`). */
export function markPaths(L: Layout, style: Uint16Array): Map<number, Path2D> {
  const paths = new Map<number, Path2D>();
  for (let k = 0; k < L.n; k++) {
    const key = style[L.idx[k]!]!;
    let p = paths.get(key);
    if (!p) paths.set(key, (p = new Path2D()));
    p.rect(L.x0[k]!, laneY(L.lane[k]!) + 2, L.x1[k]! - L.x0[k]!, LANE - 4);
  }
  return paths;
}

/** Fills the marks, dimmed or lit. */
export function paintMarks(c: CanvasRenderingContext2D, paths: Map<number, Path2D>, lit: boolean): void {
  for (const [key, p] of paths) {
    const fz = key % 2 === 1;
    const colour = STYLE_COLOURS[key >> 1]!;
    c.fillStyle = colour;
    // Month/year precision: a faded span over the whole month/year, never a day-exact tick.
    c.globalAlpha = (lit ? 1 : 0.22) * (fz ? 0.35 : 1);
    c.fill(p);
    if (fz) {
      c.globalAlpha = lit ? 0.9 : 0.25;
      c.strokeStyle = colour;
      c.setLineDash([2, 2]);
      c.lineWidth = 1;
      c.stroke(p);
      c.setLineDash([]);
    }
  }
  c.globalAlpha = 1;
}

/** What the outline layer marks: event indexes (-1/null: none) and the place index of events. */
export interface Outlines {
  evPlace: Int32Array;
  place: number;
  hoverPlace: number;
  hover: number;
  selected: number;
  active: number | null;
}

/** Outlines (the selected city's events, hovered, selected, keyboard cursor) and the "+n" badges. */
export function paintOverlay(ctx: CanvasRenderingContext2D, L: Layout, o: Outlines): void {
  const outline = (k: number, colour: string, lw: number) => {
    ctx.strokeStyle = colour;
    ctx.lineWidth = lw;
    ctx.strokeRect(L.x0[k]! - 1, laneY(L.lane[k]!), L.x1[k]! - L.x0[k]! + 2, LANE - 1);
  };
  const { evPlace, place: pl, hoverPlace: hpl, hover: hov, selected: sel, active: act } = o;
  if (pl >= 0 || hpl >= 0 || hov >= 0 || sel >= 0 || act !== null) {
    for (let k = 0; k < L.n; k++) {
      const i = L.idx[k]!;
      if ((pl >= 0 && evPlace[i] === pl) || (hpl >= 0 && evPlace[i] === hpl)) outline(k, '#e07b00', 2);
      if (i === hov) outline(k, '#111', 1.5);
      if (i === sel) outline(k, '#111', 2.5);
      if (i === act) {
        ctx.setLineDash([3, 2]);
        outline(k, '#111', 1.5);
        ctx.setLineDash([]);
      }
    }
  }
  ctx.font = '10px system-ui, sans-serif';
  ctx.textBaseline = 'middle';
  for (const b of L.badges) {
    const label = b.n >= 1000 ? `+${(b.n / 1000).toFixed(b.n >= 10_000 ? 0 : 1)}k` : `+${b.n}`;
    const w = ctx.measureText(label).width + 6;
    ctx.fillStyle = '#374151';
    ctx.fillRect(b.x, MARKS_TOP, w, LANE - 1);
    ctx.fillStyle = '#fff';
    ctx.fillText(label, b.x + 3, MARKS_TOP + LANE / 2);
  }
}

const dpr = () => Math.min((typeof window !== 'undefined' && window.devicePixelRatio) || 1, 2);

/** Sizes a canvas for the device pixels and returns its context, cleared, in CSS pixels. */
export function prepare(el: HTMLCanvasElement | undefined, w: number, h: number): CanvasRenderingContext2D | null {
  const c = el?.getContext('2d');
  if (!el || !c) return null;
  const r = dpr();
  const pw = Math.round(w * r);
  const ph = Math.round(h * r);
  if (el.width !== pw || el.height !== ph) {
    el.width = pw;
    el.height = ph;
  }
  c.setTransform(1, 0, 0, 1, 0, 0);
  c.clearRect(0, 0, pw, ph);
  c.setTransform(r, 0, 0, r, 0, 0);
  return c;
}

/** Lights the window [a, b) (px) of the lit canvas: a CSS clip, no drawing. */
export function clipToWindow(lit: HTMLCanvasElement, width: number, a: number, b: number): void {
  lit.style.clipPath = b > a ? `inset(0px ${(width - b).toFixed(2)}px 0px ${a.toFixed(2)}px)` : 'inset(0px 0px 0px 100%)';
  // The PNG export (present/snapshot.ts) copies canvases by pixels, so it reads the lit span here.
  lit.dataset.clip = b > a ? `${a.toFixed(2)},${b.toFixed(2)}` : '0,0';
}
