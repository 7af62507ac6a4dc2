/**
 * The event half of the indexes: events in time order with their spans and places as typed arrays,
 * and per place the sorted start and end times with statement weights. Pure and free of DOM and
 * Svelte, so the loading worker can build it next to the validation and hand it over as transferable
 * arrays (the main thread then only wraps them).
 */
import type { Event } from '../../contract/schema';
import { spanOf } from '../../contract/event-index-file';
import { DAY } from '../days';

/** The span a partial date covers: [start, endExclusive) in UTC ms. `2021` covers all of 2021. */
export function interval(start: string, end?: string): [number, number] {
  const [s, days] = spanOf(start, end); // the contract's reading, as event-index.json has it, in days
  return [s * DAY, (s + days) * DAY];
}

/** The data's extent [first start, last end) in ms; a one-year span from this year's start when there are no events. */
export function extentOf(evStart: Float64Array, evEnd: Float64Array): [number, number] {
  if (evStart.length === 0) {
    const now = Date.UTC(new Date().getUTCFullYear(), 0, 1);
    return [now, now + 365 * DAY];
  }
  let last = 0;
  for (let i = 0; i < evEnd.length; i++) last = Math.max(last, evEnd[i]!);
  return [evStart[0]!, last];
}

export interface PlaceTimes {
  starts: Float64Array;
  /** prefix sums of statement counts in `starts` order: startW[i] = sum of the first i. */
  startW: Float64Array;
  ends: Float64Array;
  endW: Float64Array;
}

/**
 * Everything as flat typed arrays. Place p's times are `starts[off[p] .. off[p+1])` (likewise `ends`);
 * its prefix sums, one longer, are `startW[off[p] + p .. off[p+1] + p + 1)` (likewise `endW`).
 */
export interface PackedEventIndex {
  /** Event positions in the input, in time order (start, then id). */
  order: Uint32Array;
  evStart: Float64Array;
  evEnd: Float64Array;
  /** Index into the places, or -1 when the event has no place (or an unknown one). */
  evPlace: Int32Array;
  off: Uint32Array;
  starts: Float64Array;
  startW: Float64Array;
  ends: Float64Array;
  endW: Float64Array;
  /** The summit host cities in date order (summits.ts), when whoever packed the index also found them. */
  summits?: string[];
}

/** The arrays of a packed index, for `postMessage(..., transfer)`. */
export function transferables(p: PackedEventIndex): ArrayBuffer[] {
  return [p.order, p.evStart, p.evEnd, p.evPlace, p.off, p.starts, p.startW, p.ends, p.endW].map((a) => a.buffer as ArrayBuffer);
}

export function packEventIndex(events: readonly Event[], places: readonly { properties: { id: string } }[]): PackedEventIndex {
  const n = events.length;
  const placeIndex = new Map(places.map((f, i) => [f.properties.id, i]));
  // Many events share a date (100,000 events over ~20 years have a few thousand distinct spans):
  // parse each distinct start/end pair once.
  const spans = new Map<string, [number, number]>();
  const s0 = new Float64Array(n);
  const e0 = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const e = events[i]!;
    const key = e.end === undefined ? e.start : `${e.start}/${e.end}`;
    let t = spans.get(key);
    if (!t) spans.set(key, (t = interval(e.start, e.end)));
    s0[i] = t[0];
    e0[i] = t[1];
  }
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => s0[a]! - s0[b]! || (events[a]!.id < events[b]!.id ? -1 : events[a]!.id > events[b]!.id ? 1 : 0));

  const evStart = new Float64Array(n);
  const evEnd = new Float64Array(n);
  const evPlace = new Int32Array(n);
  const np = places.length;
  for (let i = 0; i < n; i++) {
    const j = order[i]!;
    evStart[i] = s0[j]!;
    evEnd[i] = e0[j]!;
    const pid = events[j]!.placeId;
    evPlace[i] = pid === null ? -1 : (placeIndex.get(pid) ?? -1);
  }

  return { order, evStart, evEnd, evPlace, ...packPlaces(evStart, evEnd, evPlace, np, (i) => events[order[i]!]!.statementIds.length) };
}

/**
 * The per-place part of the index from the events' spans and places in time order; `weight(i)` is the
 * statement count of the i-th event in that order.
 */
export function packPlaces(
  evStart: Float64Array,
  evEnd: Float64Array,
  evPlace: Int32Array,
  np: number,
  weight: (i: number) => number,
): Pick<PackedEventIndex, 'off' | 'starts' | 'startW' | 'ends' | 'endW'> {
  const n = evStart.length;
  const count = new Uint32Array(np);
  for (let i = 0; i < n; i++) if (evPlace[i]! >= 0) count[evPlace[i]!]!++;
  const off = new Uint32Array(np + 1);
  for (let p = 0; p < np; p++) off[p + 1] = off[p]! + count[p]!;
  const m = off[np]!;
  // Per place, the event positions (in time order, so already sorted by start).
  const members = new Uint32Array(m);
  const fill = off.slice(0, np);
  for (let i = 0; i < n; i++) {
    const p = evPlace[i]!;
    if (p >= 0) members[fill[p]!++] = i;
  }
  const starts = new Float64Array(m);
  const ends = new Float64Array(m);
  const startW = new Float64Array(m + np);
  const endW = new Float64Array(m + np);
  for (let p = 0; p < np; p++) {
    const a = off[p]!;
    const b = off[p + 1]!;
    // Starts: members are in start order already.
    let w = 0;
    startW[a + p] = 0;
    for (let k = a; k < b; k++) {
      starts[k] = evStart[members[k]!]!;
      w += weight(members[k]!);
      startW[k + p + 1] = w;
    }
    // Ends: sort this place's members by end.
    const byEnd = Array.from(members.subarray(a, b)).sort((x, y) => evEnd[x]! - evEnd[y]!);
    w = 0;
    endW[a + p] = 0;
    for (let k = a; k < b; k++) {
      const i = byEnd[k - a]!;
      ends[k] = evEnd[i]!;
      w += weight(i);
      endW[k + p + 1] = w;
    }
  }
  return { off, starts, startW, ends, endW };
}

/** Per-place views into a packed index (no copies). */
export function placeTimesOf(p: PackedEventIndex): PlaceTimes[] {
  const np = p.off.length - 1;
  const out: PlaceTimes[] = new Array(np);
  for (let i = 0; i < np; i++) {
    const a = p.off[i]!;
    const b = p.off[i + 1]!;
    out[i] = {
      starts: p.starts.subarray(a, b),
      startW: p.startW.subarray(a + i, b + i + 1),
      ends: p.ends.subarray(a, b),
      endW: p.endW.subarray(a + i, b + i + 1),
    };
  }
  return out;
}
