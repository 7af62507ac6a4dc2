/**
 * Pan, zoom and pick on the 2D map with pointer events: a drag pans, a wheel turn or a pinch zooms
 * around the pointer, a double click zooms in, a press that does not move is a click (mouse, pen or
 * finger alike). Written by hand: d3-zoom keeps its own transform (scale k, translate) that would
 * have to be mapped back and forth to the camera MapLibre uses at every event; these few handlers
 * work on the camera directly (camera.ts) and are all the fallback map needs.
 */
import { panBy, zoomAround, type Camera } from './camera';

export interface GestureTarget {
  readonly element: HTMLElement;
  camera(): Camera;
  size(): { width: number; height: number };
  /** A camera from a gesture; `end` on the last step of it (the user moved the map). */
  move(cam: Camera, end: boolean): void;
  click(x: number, y: number): void;
  /** The pointer over the map (mouse only), or null when it left. */
  hover(p: { x: number; y: number } | null): void;
  /** Embedded in a page: the wheel zooms only with Ctrl (or ⌘) and one finger does not pan, so the page scrolls. */
  readonly cooperative?: boolean;
}

/** Wheel delta (pixels) per zoom level, MapLibre's rate for a mouse wheel, capped at one level a turn. */
const WHEEL_PX_PER_LEVEL = 450;
/** A press moving less than this (CSS px) is a click, not a drag. */
const CLICK_SLOP = 4;

export function attachGestures(t: GestureTarget): () => void {
  const el = t.element;
  const pointers = new Map<number, { x: number; y: number }>();
  let moved = 0;
  let pinch: { d: number; cam: Camera; cx: number; cy: number } | null = null;
  let wheelTimer: ReturnType<typeof setTimeout> | undefined;

  const local = (e: { clientX: number; clientY: number }) => {
    const r = el.getBoundingClientRect();
    // A CSS transform (a scaled slide) makes the box differ from the element's own size: undo it.
    const sx = r.width ? el.clientWidth / r.width : 1;
    const sy = r.height ? el.clientHeight / r.height : 1;
    return { x: (e.clientX - r.left) * sx, y: (e.clientY - r.top) * sy };
  };
  const pinchState = () => {
    const [a, b] = [...pointers.values()];
    return { d: Math.hypot(a!.x - b!.x, a!.y - b!.y), cx: (a!.x + b!.x) / 2, cy: (a!.y + b!.y) / 2 };
  };

  const down = (e: PointerEvent) => {
    if (e.button !== 0 && e.pointerType === 'mouse') return;
    el.setPointerCapture?.(e.pointerId);
    pointers.set(e.pointerId, local(e));
    if (pointers.size === 1) moved = 0;
    if (pointers.size === 2) pinch = { ...pinchState(), cam: t.camera() };
  };
  const move = (e: PointerEvent) => {
    const p = local(e);
    const prev = pointers.get(e.pointerId);
    if (!prev) {
      if (e.pointerType === 'mouse') t.hover(p);
      return;
    }
    pointers.set(e.pointerId, p);
    if (pinch && pointers.size >= 2) {
      const now = pinchState();
      const { width, height } = t.size();
      const dz = Math.log2(Math.max(1, now.d) / Math.max(1, pinch.d));
      const zoomed = zoomAround(pinch.cam, width, height, pinch.cx, pinch.cy, dz);
      t.move(panBy(zoomed, now.cx - pinch.cx, now.cy - pinch.cy), false);
      moved += CLICK_SLOP + 1;
      return;
    }
    moved += Math.abs(p.x - prev.x) + Math.abs(p.y - prev.y);
    if (t.cooperative && e.pointerType === 'touch') return;
    if (moved > CLICK_SLOP) t.move(panBy(t.camera(), p.x - prev.x, p.y - prev.y), false);
  };
  const up = (e: PointerEvent) => {
    const p = pointers.get(e.pointerId);
    if (!p) return;
    pointers.delete(e.pointerId);
    if (pointers.size < 2) pinch = null;
    if (pointers.size) return;
    if (moved > CLICK_SLOP) t.move(t.camera(), true);
    else if (e.type === 'pointerup') t.click(p.x, p.y);
  };
  const wheel = (e: WheelEvent) => {
    if (t.cooperative && !e.ctrlKey && !e.metaKey) return;
    e.preventDefault();
    const p = local(e);
    const px = e.deltaMode === 1 ? e.deltaY * 40 : e.deltaY;
    const dz = Math.max(-1, Math.min(1, -px / WHEEL_PX_PER_LEVEL));
    const { width, height } = t.size();
    t.move(zoomAround(t.camera(), width, height, p.x, p.y, dz), false);
    clearTimeout(wheelTimer);
    wheelTimer = setTimeout(() => t.move(t.camera(), true), 200);
  };
  const dbl = (e: MouseEvent) => {
    const p = local(e);
    const { width, height } = t.size();
    t.move(zoomAround(t.camera(), width, height, p.x, p.y, e.shiftKey ? -1 : 1), true);
  };
  const leave = () => t.hover(null);

  el.addEventListener('pointerdown', down);
  el.addEventListener('pointermove', move);
  el.addEventListener('pointerup', up);
  el.addEventListener('pointercancel', up);
  el.addEventListener('pointerleave', leave);
  el.addEventListener('wheel', wheel, { passive: false });
  el.addEventListener('dblclick', dbl);
  return () => {
    clearTimeout(wheelTimer);
    el.removeEventListener('pointerdown', down);
    el.removeEventListener('pointermove', move);
    el.removeEventListener('pointerup', up);
    el.removeEventListener('pointercancel', up);
    el.removeEventListener('pointerleave', leave);
    el.removeEventListener('wheel', wheel);
    el.removeEventListener('dblclick', dbl);
  };
}
