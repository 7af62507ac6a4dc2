/**
 * The timeline's pointer gestures, as d3 behaviours: zoom (wheel and pinch anywhere, drag on the axis
 * and density bands), the brush that chooses the window (a press that does not move picks the event
 * under the pointer instead, or zooms into a "+n" badge), and the playhead's drag handle.
 */
import {
  brushX,
  drag,
  pointer,
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
  /** The press ended where it started (a click) at this point. */
  click(at: [number, number] | null): void;
  /** A press ended (before its `click` or last `window`). */
  end(): void;
}

/** The brush over the marks band [top, bottom]. */
export function timelineBrush(innerW: number, top: number, bottom: number, host: BrushHost): BrushBehavior<unknown> {
  let pressAt: [number, number] | null = null;
  return brushX()
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
}

/** The playhead's handle: `onDrag` gets the pointer's x in the SVG. */
export function playheadDrag(on: { start(): void; drag(x: number): void; end(): void }) {
  return drag<SVGGElement, unknown>()
    .on('start', () => on.start())
    .on('drag', (ev) => on.drag(ev.x))
    .on('end', () => on.end());
}
