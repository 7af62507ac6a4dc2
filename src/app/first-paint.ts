/**
 * Work that can wait until the first screen is on the glass (issue 16): `afterFirstPaint(f)` runs `f`
 * in a task after the frame after next, so the map and the timeline (drawn in or before the next
 * frame) are painted, and that frame is on screen, before what is not needed to see them (the side
 * panel's list of statements) is built. Where there are no frames (a component test), `f` runs at once.
 */
export function afterFirstPaint(f: () => void): void {
  if (typeof requestAnimationFrame !== 'function') return f();
  requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(f, 0)));
}
