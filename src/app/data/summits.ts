/**
 * Which events are summits, for the great-circle "journey of the summits". The rule reads the data
 * (topics and titles), not a list of cities, so new summits join the path as the corpus grows.
 */
import { findSummitRows, SUMMIT_RULE, type IndexSummit } from '../../contract/event-index-file';
import type { Event } from '../../contract/schema';

export { SUMMIT_RULE };

type Events = readonly Event[];

/**
 * Place ids of summit host cities in date order (repeats in a row skipped). A summit held by video
 * still has its host (chair) city when the text names one, so it stays on the path.
 *
 * The Council of Heads of State meets once a year, and a large corpus mentions each summit in many
 * documents (and mentions other "summits" in passing). So per year the path takes the summit named
 * most often (ties: the earlier date, then the city id). Without this, 100,000 generated events gave
 * 16,000 hops of 64-point great circles and the map needed 20 s to first idle (bench/profile.ts).
 */
export function summitHosts(d: { events: Events }, rule = SUMMIT_RULE): string[] {
  // Asked for by the map's first frame and again for its path, and again when the statements arrive
  // (a new AtlasData, the same events array): one pass over 100,000 titles is enough.
  const known = memo.get(d.events);
  if (known?.rule === rule) return [...known.hosts];
  const hosts = findSummitHosts(d.events, rule);
  memo.set(d.events, { rule, hosts });
  return [...hosts];
}

const memo = new WeakMap<Events, { rule: typeof SUMMIT_RULE; hosts: string[] }>();

/** Hosts found elsewhere (the loading worker, from the same events in the same order) for these events. */
export function rememberSummitHosts(events: Events, hosts: readonly string[]): void {
  memo.set(events, { rule: SUMMIT_RULE, hosts: [...hosts] });
}

/**
 * The summits of the event index (event-index.json) for the first screen's events array, before the
 * events themselves are in: the path and the legend's words are drawn from them.
 */
export function rememberSummits(events: Events, summits: readonly IndexSummit[]): void {
  const rows = summits as unknown as Event[];
  found.set(events, { rule: SUMMIT_RULE, summits: rows });
  const hosts: string[] = [];
  for (const s of rows) if (hosts[hosts.length - 1] !== s.placeId) hosts.push(s.placeId!);
  memo.set(events, { rule: SUMMIT_RULE, hosts });
}

export function findSummitHosts(events: Events, rule = SUMMIT_RULE): string[] {
  const out: string[] = [];
  for (const s of findSummits(events, rule)) if (out[out.length - 1] !== s.placeId) out.push(s.placeId!);
  return out;
}

/**
 * The summit of each year on the path (as `findSummitHosts` chooses it), in date order. Found once per
 * events array and rule: the map's legend asks for them in words as the first screen is drawn, after
 * the path already needed them (one pass over every title, ~10 ms at 10,000 events, on the first
 * screen's critical path when the events are checked in the page's thread).
 */
export function findSummits(events: Events, rule = SUMMIT_RULE): Event[] {
  const known = found.get(events);
  if (known?.rule === rule) return [...known.summits];
  const summits = scan(events, rule);
  found.set(events, { rule, summits });
  return [...summits];
}

const found = new WeakMap<Events, { rule: typeof SUMMIT_RULE; summits: Event[] }>();

/** With the event layer, the chronology says which events are summits; else their titles (contract). */
const scan = (events: Events, rule: typeof SUMMIT_RULE): Event[] => findSummitRows(events as readonly (Event & { meeting?: { body: string } })[], rule);

/**
 * "Summits in order" in words, as the map's legend says it: "Qingdao 2018 (9 Jun 2018 – 10 Jun 2018)
 * → … → Moscow 2020 (online, 10 Nov 2020) → …". `name` gives a place id's name.
 */
export function summitsInWords(events: Events, name: (placeId: string) => string, date: (e: Event) => string): string {
  return findSummits(events)
    .map((e) => `${name(e.placeId!)} ${e.start.slice(0, 4)} (${e.online ? 'online, ' : ''}${date(e)})`)
    .join(' → ');
}
