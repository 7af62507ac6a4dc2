/**
 * Where the timeline puts things: the fixed bands (density strip, marks, axis) and the lane layout of
 * the event marks. Pure: no DOM, no Svelte, so the layout is tested alone.
 */
import type { AtlasData } from '../data/indexes';
import { notSco } from '../data/layer';
import { topicSlot } from '../palette';
import { piecewise } from './fit';

export const LANE = 14;
export const DENSITY_H = 18;
export const AXIS_H = 22;
export const TOP = 4;
export const MARGIN = { left: 12, right: 12 };
/** Top of the marks band (the "+n" badge row); lane 0 sits under it. */
export const MARKS_TOP = TOP + DENSITY_H + 4;

/** Lane l's top edge; lanes stack downwards under the badge row. */
export const laneY = (l: number): number => MARKS_TOP + (l + 1) * LANE;

/** Lanes that fit a marks band of height h (one row kept for "+n" badges). */
export const lanesFor = (marksH: number): number => Math.max(2, Math.floor(marksH / LANE) - 1);

/** Marks laid out in lanes: k-th mark is event idx[k], spanning x0..x1 in lane[k]. */
export interface Layout {
  idx: Int32Array;
  x0: Float32Array;
  x1: Float32Array;
  lane: Int16Array;
  n: number;
  /** Where the lanes were full: "+n" badges, with the first event they hide. */
  badges: Array<{ x: number; n: number; first: number }>;
}

/**
 * Greedy lane layout in time order. Depends on the scale and filters only, not on the window, so a
 * brush move only repaints. `domain`/`range`: the time scale's breakpoints (ms, px), two or more
 * (fit.ts squeezes long empty stretches).
 */
export function layoutLanes(
  d: Pick<AtlasData, 'evStart' | 'evEnd'>,
  mask: Uint8Array | null,
  domain: readonly number[],
  range: readonly number[],
  lanes: number,
): Layout {
  const n = d.evStart.length;
  const idx = new Int32Array(n);
  const x0 = new Float32Array(n);
  const x1 = new Float32Array(n);
  const lane = new Int16Array(n);
  const laneEnd = new Float64Array(lanes).fill(-Infinity);
  const badges: Layout['badges'] = [];
  const d0 = domain[0]!;
  const d1 = domain[domain.length - 1]!;
  // A UTC time scale is (piecewise) linear in milliseconds: a multiply-add per end instead of two
  // scale calls per event (at 100,000 events the calls were ~60% of this loop on the first screen).
  const at = piecewise(domain, range);
  let k = 0;
  for (let i = 0; i < n; i++) {
    if (mask && !mask[i]) continue;
    const s = d.evStart[i]!;
    const e = d.evEnd[i]!;
    if (e < d0 || s > d1) continue;
    const a = at(s);
    const b = Math.max(at(e), a + 4);
    let l = 0;
    while (l < lanes && laneEnd[l]! > a) l++;
    if (l === lanes) {
      const last = badges[badges.length - 1];
      // Wide enough that a badge's label ("+1.2k") never hides under the next one.
      if (last && a - last.x < 34) last.n++;
      else badges.push({ x: a, n: 1, first: i });
      continue;
    }
    laneEnd[l] = b + 1.5;
    idx[k] = i;
    x0[k] = a;
    x1[k] = b;
    lane[k] = l;
    k++;
  }
  return { idx, x0, x1, lane, n: k, badges };
}

/** Per event: topic colour slot * 2 + (1 when month/year precision), computed once per data set. */
export function eventStyles(d: Pick<AtlasData, 'events' | 'topicIndex' | 'styles'>): Uint16Array {
  // The first screen's, from event-index.json, before the events are in (data/first-index.ts).
  if (d.styles) return d.styles;
  const out = new Uint16Array(d.events.length);
  for (let i = 0; i < out.length; i++) {
    const e = d.events[i]!;
    // An event no source ties to the SCO is drawn muted, in the no-topic grey.
    const slot = notSco(e) ? topicSlot(d.topicIndex, undefined) : topicSlot(d.topicIndex, e.topics[0]);
    out[i] = slot * 2 + (e.precision !== 'day' ? 1 : 0);
  }
  return out;
}

/** The mark under a point, within 6 px along the lane; null when none. */
export function hitTest(L: Layout, px: number, py: number): number | null {
  let best: number | null = null;
  let bestD = 6;
  for (let k = 0; k < L.n; k++) {
    const y = laneY(L.lane[k]!);
    if (py < y - 2 || py > y + LANE + 1) continue;
    const dx = px < L.x0[k]! ? L.x0[k]! - px : px > L.x1[k]! ? px - L.x1[k]! : 0;
    if (dx < bestD) {
      bestD = dx;
      best = L.idx[k]!;
    }
  }
  return best;
}

/** A "+n" badge under the pointer (clicking it zooms in there so its marks get room). */
export function badgeAt(L: Layout, px: number, py: number): Layout['badges'][number] | null {
  if (py < MARKS_TOP - 2 || py > MARKS_TOP + LANE) return null;
  return L.badges.find((b) => px >= b.x - 2 && px <= b.x + 32) ?? null;
}
