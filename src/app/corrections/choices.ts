/**
 * What the event editor offers to link or merge with: the chronology's meetings, or the atlas's other
 * events, those matching what was typed (any of their names, case and accents aside) or, with nothing
 * typed, those nearest the event's date. Pure; hand-written, as a sort by date distance over a few
 * hundred meetings or a filtered list of events needs no library.
 */
import type { Meeting } from '../../contract/chronology';

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();
/** A partial date's first day, in ms (2019 → 1 Jan 2019). */
const dayOf = (s: string) => {
  const [y, m = 1, d = 1] = s.split('-').map(Number);
  return Date.UTC(y!, m - 1, d);
};
/** How far a span lies from a date, in days (0 inside it). */
const away = (date: number, start: string, end: string | undefined) => {
  const a = dayOf(start);
  const b = end ? dayOf(end) : a;
  return date < a ? a - date : date > b ? date - b : 0;
};

/** Meetings for the link picker: those whose names or aliases contain `query`, else the nearest in time to `start`. */
export function meetingChoices(meetings: readonly Meeting[], start: string, query: string, limit: number): Meeting[] {
  const date = dayOf(start);
  const q = fold(query.trim());
  const hits = q
    ? meetings.filter((m) =>
        [m.id, ...Object.values(m.names), ...m.aliases.en, ...m.aliases.ru, ...m.aliases.zh].some((n) => fold(n).includes(q)),
      )
    : [...meetings];
  return hits
    .map((m) => ({ m, d: away(date, m.start, m.end) }))
    .sort((a, b) => a.d - b.d || (a.m.start < b.m.start ? -1 : a.m.start > b.m.start ? 1 : a.m.id < b.m.id ? -1 : 1))
    .slice(0, limit)
    .map(({ m }) => m);
}

export interface EventChoice {
  id: string;
  start: string;
  end?: string;
  title: string;
}

/**
 * Other events for the merge picker: those whose title (`titleOf`, in the interface language) or date
 * contains `query`, nearest in time to `self` first; never `self`.
 */
export function eventChoices<E extends EventChoice>(
  events: readonly E[],
  self: EventChoice,
  query: string,
  titleOf: (e: E) => string,
  limit: number,
): E[] {
  const date = dayOf(self.start);
  const q = fold(query.trim());
  return events
    .filter((e) => e.id !== self.id && (!q || fold(titleOf(e)).includes(q) || e.start.includes(q)))
    .map((e) => ({ e, d: away(date, e.start, e.end) }))
    .sort((a, b) => a.d - b.d || (a.e.id < b.e.id ? -1 : 1))
    .slice(0, limit)
    .map(({ e }) => e);
}
