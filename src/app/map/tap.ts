/**
 * Taps by a finger, told apart from mouse clicks: a fingertip covers ~10 mm (about 40 CSS px on a
 * phone), so a tap near several cities asks which one was meant instead of taking the nearest centre.
 */

/** How far from a tap (CSS px) a city's centre may be and still be offered in the chooser. */
export const TAP_RADIUS = 22;

/** Whether a click came from a touch screen (the click of a tap is a PointerEvent of type 'touch'). */
export function isTouch(ev: Event | undefined): boolean {
  if (!ev) return false;
  const pt = (ev as PointerEvent).pointerType;
  if (pt) return pt === 'touch' || pt === 'pen';
  // Older engines: a click that touch events caused says so through its source capabilities.
  return !!(ev as UIEvent & { sourceCapabilities?: { firesTouchEvents?: boolean } }).sourceCapabilities?.firesTouchEvents;
}
