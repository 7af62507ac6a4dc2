/**
 * The timeline's pointer gestures, as d3 behaviours: zoom (wheel and pinch anywhere, drag on the axis
 * and density bands), the brush that chooses the window (a press that does not move picks the event
 * under the pointer instead, or zooms into a "+n" badge), and the playhead's drag handle.
 *
 * Touch (issue 13): d3-brush's own touch handling and d3-zoom's both claim a finger on the marks, and the
 * brush stops the zoom from seeing the first finger's moves, so a pinch over the marks drew a window and
 * panned at once. Here the brush takes the mouse only; one finger on the marks is read by `touchBrush`
 * (a drag draws the window, a tap picks the event a fingertip covers, `fingerHit`), and two fingers
 * anywhere, or one on the axis and density bands, are d3-zoom's pinch and pan.
 */
import {
  brushX,
  drag,
  pointer,
  select,
  zoom,
  type BrushBehavior,
  type D3BrushEvent,
  type D3ZoomEvent,
  type ZoomBehavior,
  type ZoomTransform,
} from 'd3';
import { MARGIN } from './layout';

export function timelineZoom(innerW: number, height: number, onZoom: (t: ZoomTransform) => void): ZoomBehavior<SVGSVGElement, unknown> {
  return zoom<SVGSVGElement, unknown>()
    .scaleExtent([1, 5000])
    .translateExtent([
      [MARGIN.left, 0],
      [MARGIN.left + innerW, height],
    ])
    .extent([
      [MARGIN.left, 0],
      [MARGIN.left + innerW, height],
    ])
    .filter((ev: Event) => {
      if (ev.type === 'wheel') return true;
      if (ev.type === 'dblclick') return false;
      const t = ev as TouchEvent;
      if (t.touches && t.touches.length >= 2) return true;
      const target = ev.target as Element | null;
      return !!target?.closest?.('.pan-band') && !(ev as MouseEvent).button;
    })
    .on('zoom', (ev: D3ZoomEvent<SVGSVGElement, unknown>) => onZoom(ev.transform));
}

/** Where a mouse or touch event is in the SVG's own coordinates. */
export function localPoint(e: Event, svg: SVGSVGElement): [number, number] | null {
  const t = (e as TouchEvent).changedTouches?.[0];
  const m = t ?? (e as MouseEvent);
  if (typeof m.clientX !== 'number') return null;
  // d3's pointer maps through the SVG's screen matrix, so a CSS transform on an ancestor (a reveal.js
  // slide scales the atlas) still gives the point under the finger, as hover already does.
  return pointer(m, svg) as [number, number];
}

export interface BrushHost {
  svg: SVGSVGElement;
  /** A drag started (by a person, not by code). */
  start(): void;
  /** The brush moved to pixels [a, b]. */
  window(a: number, b: number): void;
  /** The press ended where it started (a click, or a tap when `touch`) at this point. */
  click(at: [number, number] | null, touch?: boolean): void;
  /** A press ended (before its `click` or last `window`). */
  end(): void;
}

/** The brush over the marks band [top, bottom]. */
export function timelineBrush(innerW: number, top: number, bottom: number, host: BrushHost): BrushBehavior<unknown> {
  let pressAt: [number, number] | null = null;
  const brush = brushX()
    // Fingers are touchBrush's (below): d3-brush would otherwise take every touch on the marks.
    .touchable(() => false)
    .extent([
      [MARGIN.left, top],
      [MARGIN.left + innerW, bottom],
    ])
    .on('start', (ev: D3BrushEvent<unknown>) => {
      if (!ev.sourceEvent) return;
      pressAt = localPoint(ev.sourceEvent, host.svg);
      host.start();
    })
    .on('brush end', (ev: D3BrushEvent<unknown>) => {
      if (!ev.sourceEvent) return;
      const sel = ev.selection as [number, number] | null;
      const at = localPoint(ev.sourceEvent, host.svg);
      const still = !!pressAt && !!at && Math.abs(at[0] - pressAt[0]) < 3;
      if (ev.type === 'end') {
        host.end();
        if (still || !sel || sel[1] - sel[0] < 3) {
          host.click(at);
          return;
        }
      } else if (still || !sel) return;
      if (sel[1] - sel[0] >= 3) host.window(sel[0], sel[1]);
    });
  touchBrush(host, brush, [MARGIN.left, MARGIN.left + innerW], [top, bottom]);
  return brush;
}

/** Listeners of the last touchBrush on each SVG (the brush is rebuilt when the timeline is resized). */
const attached = new WeakMap<SVGSVGElement, AbortController>();

/**
 * One finger on the marks band: a horizontal drag of more than a few pixels draws the window from where
 * it started to where the finger is (the brush shows it as it goes); a tap selects what `host.click`
 * finds there. A second finger hands over to d3-zoom's pinch and ends the window where it was.
 */
export function touchBrush(host: BrushHost, brush: BrushBehavior<unknown>, xs: [number, number], ys: [number, number]): void {
  attached.get(host.svg)?.abort();
  const ac = new AbortController();
  attached.set(host.svg, ac);
  const opts = { signal: ac.signal, passive: false };
  const svg = host.svg;
  const clampX = (x: number) => Math.max(xs[0], Math.min(xs[1], x));
  let from: [number, number] | null = null;
  let drawing = false;
  const stop = () => {
    if (drawing) host.end();
    drawing = false;
    from = null;
  };
  svg.addEventListener(
    'touchstart',
    (e) => {
      if (e.touches.length > 1) return stop(); // a pinch: d3-zoom's
      const p = localPoint(e, svg);
      from = p && p[0] >= xs[0] && p[0] <= xs[1] && p[1] >= ys[0] && p[1] <= ys[1] ? p : null;
    },
    opts,
  );
  svg.addEventListener(
    'touchmove',
    (e) => {
      if (!from || e.touches.length !== 1) return;
      const p = localPoint(e, svg);
      if (!p) return;
      if (!drawing) {
        if (Math.abs(p[0] - from[0]) < 6) return;
        drawing = true;
        host.start();
      }
      e.preventDefault(); // no scroll, no compatibility mouse events
      const a = clampX(Math.min(from[0], p[0]));
      const b = clampX(Math.max(from[0], p[0]));
      if (b - a < 3) return;
      const g = svg.querySelector<SVGGElement>('g.brush');
      // A move by code (no source event): the brush's own handlers ignore it.
      if (g) select(g).call(brush.move, [a, b]);
      host.window(a, b);
    },
    opts,
  );
  svg.addEventListener(
    'touchend',
    (e) => {
      if (!from || e.touches.length) return;
      if (drawing) {
        e.preventDefault();
        return stop();
      }
      const p = localPoint(e, svg);
      from = null;
      // The tap is handled here; preventDefault keeps the browser from sending the same tap as a click.
      e.preventDefault();
      host.click(p, true);
    },
    opts,
  );
  svg.addEventListener('touchcancel', stop, opts);
}

/** Around a tap: the point itself, then up to a lane or 12 px away, so a 4 px mark takes a fingertip. */
const PROBES: readonly (readonly [number, number])[] = [
  [0, 0],
  [-6, 0],
  [6, 0],
  [0, -7],
  [0, 7],
  [-6, -7],
  [6, -7],
  [-6, 7],
  [6, 7],
  [0, -12],
  [0, 12],
];

/**
 * The mark a fingertip means: the one under the tap, else the first found a few pixels around it
 * (`hit` finds marks within 6 px along their lane; the probes widen that to ~28 x 38 px where the
 * neighbours are empty, above the 24 x 24 px WCAG 2.2 asks for).
 */
export function fingerHit(hit: (x: number, y: number) => number | null, at: readonly [number, number]): number | null {
  for (const [dx, dy] of PROBES) {
    const h = hit(at[0] + dx, at[1] + dy);
    if (h !== null) return h;
  }
  return null;
}

/** The playhead's handle: `onDrag` gets the pointer's x in the SVG. */
export function playheadDrag(on: { start(): void; drag(x: number): void; end(): void }) {
  return drag<SVGGElement, unknown>()
    .on('start', () => on.start())
    .on('drag', (ev) => on.drag(ev.x))
    .on('end', () => on.end());
}
