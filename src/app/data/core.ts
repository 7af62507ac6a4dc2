/**
 * The core files once checked: the events put in time order, their packed index and the summit path,
 * computed once — in the loading worker when there is one, so the page has nothing left to compute for
 * the events. Kept apart from check.ts so that checking only checks (and data/ has no import circle).
 */
import type { Event, TimeSeries } from '../../contract/schema';
import { checkCore, type CoreChecked } from './check';
import { packEventIndex, type PackedEventIndex } from './event-index';
import { findSummitHosts } from './summits';

/** When events and places are valid: sorts the events (in place in `c`) and fills `c.index`. */
export function orderCore(c: CoreChecked): CoreChecked {
  const { events, places } = c;
  if (!events?.ok || !places?.ok) return c;
  const { sorted, index } = ordered(events.data, places.data.features);
  events.data = sorted;
  c.index = index;
  return c;
}

/** The events in time order, their packed index and the summit path (places: only their ids are read). */
export function ordered(events: Event[], places: Parameters<typeof packEventIndex>[1]): { sorted: Event[]; index: PackedEventIndex } {
  const index = packEventIndex(events, places);
  const sorted: Event[] = new Array(events.length);
  for (let i = 0; i < sorted.length; i++) sorted[i] = events[index.order[i]!]!;
  // The summit path too (one pass over every title, ~50 ms at 100,000 events), while this is the worker.
  index.summits = findSummitHosts(sorted);
  return { sorted, index };
}

/** Checks the four core files, then orders and indexes the events (see `orderCore`). */
export async function checkAndOrderCore(bytes: Parameters<typeof checkCore>[0]): Promise<CoreChecked> {
  return orderCore(await checkCore(bytes));
}

/**
 * What the page keeps of timeseries.json once it is checked: the months and the monthly totals (the
 * timeline's density strip is all that reads it). The rows per place and per topic stay in the file
 * for other readers of the data; in the page they were the largest part of the heap at 1,000 events
 * (371 places × 305 months = 113,000 row objects, ~3.5 MB of the 15 MB measured by bench/heap.ts).
 */
export function slimTimeSeries(ts: TimeSeries): TimeSeries {
  return { months: ts.months, total: ts.total, byTopic: {}, byPlace: {} };
}
