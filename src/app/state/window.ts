/**
 * The window the views show, from the view state and the data's extent. All ends are exclusive.
 * `from`/`to` is the brushed window (the whole extent when unset); the playhead (`cursor`) cuts the
 * window short while it is inside it, so playing reveals the window's events in time order.
 */
import { DAY } from '../days';

export interface EffectiveWindow {
  from: number;
  /** End of the brushed window (exclusive). */
  end: number;
  /** What the map counts: min(end, playhead + 1 day). */
  upTo: number;
  /** The playhead, clamped into the window. */
  cursor: number;
}

export function effectiveWindow(
  v: { from: number | null; to: number | null; cursor: number | null },
  extent: readonly [number, number],
): EffectiveWindow {
  const from = v.from ?? extent[0];
  const end = Math.max(from + DAY, v.to !== null ? v.to + DAY : extent[1]);
  const cursor = v.cursor === null ? end - DAY : Math.min(Math.max(v.cursor, from), end - DAY);
  return { from, end, upTo: Math.min(end, cursor + DAY), cursor };
}
