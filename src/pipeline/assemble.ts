/**
 * Stage: one document's date mentions → its events (events.json records). The same date span in one
 * document is one event, a day inside a meeting of a few days joins it, a year alone gives way to a
 * more precise date; titles in the document's language. Pure. Called by document.ts.
 */
import type { Event, Statement } from '../contract/schema.ts';
import type { DateValue } from './dates.ts';
import type { GazetteerPlace } from './gazetteer.ts';
import type { Lang } from './lang/index.ts';
import { eventTitleIn } from './lang/titles.ts';
import { eventTitle } from './titles.ts';

/** One date of the text with the place, title words and statement it came with. */
export interface Mention {
  value: DateValue;
  place: GazetteerPlace | null;
  online: boolean;
  core: string;
  /** The title when `core` is empty; a function because only the chosen mention of each event needs it. */
  fallback: () => string;
  score: number;
  statementId: string;
  offset: number;
  dateText: string;
  /** From a signature or date-only line ("Islamabad, 16 October 2024", "Done at ... on 7 June 2002"). */
  signature?: boolean;
  /** The date of a dateline's header ("БИШКЕК, 14 июня. /ТАСС/."): Russian and Chinese fold it into its meeting when nothing else names that day. */
  dateline?: boolean;
}

/** A day-precise date or span of at most a week: the length of a meeting, not of a programme. */
export function isFewDays(v: DateValue): boolean {
  return v.precision === 'day' && Date.parse(v.end ?? v.start) - Date.parse(v.start) <= 7 * 86_400_000;
}

/**
 * The days that fold into the meeting of a few days they fall in, and the places mentions take from it
 * (`assemble`'s first step, a function of its own as each step here: as one body, V8 re-optimised it at length in a cold run).
 */
function foldIntoMeetings(mentions: Mention[], lang: Lang): void {
  const meetings = mentions.filter((m) => m.value.end && isFewDays(m.value));
  // "МОСКВА, 4 июля. /ТАСС/. Лидеры ШОС сегодня в Астане …": the dateline's day is where the text places that day
  if (lang !== 'en') {
    // The days placed elsewhere in the text, looked up once (asked of every mention for each dateline
    // one, it grew with the square of a long document's mentions).
    const placedDays = new Set(mentions.filter((o) => !o.dateline && o.place && !o.value.end).map((o) => o.value.start));
    for (const m of mentions) if (m.dateline && placedDays.has(m.value.start)) m.place = null;
  }
  for (const m of mentions) {
    const inside = (r: Mention) => r.value.start <= m.value.start && m.value.start <= r.value.end!;
    // (a dateline's day that nothing else in the text names is only the report's date: it joins its meeting)
    const alone = m.dateline && !mentions.some((o) => o !== m && !o.value.end && o.value.start === m.value.start);
    if (lang !== 'en' && !m.signature && !alone && !m.value.end && m.value.precision === 'day') {
      // Russian and Chinese: a day a text names ("сегодня подписали", "16 октября — заседание", "16日，元首理事會會議") is its
      // own happening, not folded into the meeting's span; with no place of its own it is where the meeting it falls in was
      if (!m.place && !m.online) m.place = meetings.find((r) => r.place && !r.online && inside(r))?.place ?? null;
      continue;
    }
    // a programme's row ("31 August | Arrival of delegations") under "31 August – 1 September 2025, Tianjin": where the meeting was
    if (!m.signature && !m.dateline && !m.place && !m.online && !m.value.end && m.value.precision === 'day')
      m.place = meetings.find((r) => r.place && !r.online && inside(r))?.place ?? null;
    // English as Russian and Chinese: a day the text dates on its own inside a meeting ("On 10 June the heads of
    // state signed the Qingdao Declaration" under "9–10 June 2018") is its own happening; a signature or date-only
    // line is not, and closes the meeting it falls in, whatever city it was issued from ("New Delhi, May 05, 2023"
    // under a release on the Goa meeting of 4–5 May)
    // (so does a dateline's day inside the meeting it reports, at its city: "TASHKENT, June 11" over "met here on Thursday and Friday")
    if (m.value.end || m.value.precision !== 'day' || !(m.signature || m.dateline)) continue;
    const meeting =
      meetings.find((r) => r.place && m.place && r.place.id === m.place.id && inside(r)) ??
      (m.signature ? meetings.find((r) => inside(r)) : undefined);
    if (meeting) {
      m.value = meeting.value;
      m.dateText = meeting.dateText;
    } // the words that gave the whole span
  }
}

/** One date span's mentions → its events: one per place (the unplaced joining the place mentioned most), or one with no place. */
function eventsOfGroup(docId: string, group: Mention[], byStatement: Map<string, Statement>, lang: Lang, events: Event[]): void {
  const byPlace = new Map<string, Mention[]>();
  for (const m of group)
    if (m.place) {
      const b = byPlace.get(m.place.id);
      if (b) b.push(m);
      else byPlace.set(m.place.id, [m]);
    }
  const unplaced = group.filter((m) => !m.place);
  const buckets: [GazetteerPlace | null, Mention[]][] =
    byPlace.size === 0 ? [[null, unplaced]] : [...byPlace.values()].map((ms) => [ms[0]!.place, ms]);
  if (byPlace.size > 0 && unplaced.length > 0) {
    const main = [...buckets].sort((a, b) => b[1].length - a[1].length || a[1][0]!.offset - b[1][0]!.offset)[0]!;
    for (const m of unplaced) main[1].push(m); // not push(...): one date can be mentioned 100,000 times
  }
  for (const [place, ms] of buckets) {
    ms.sort((a, b) => a.offset - b.offset);
    const best = [...ms].sort((a, b) => b.score - a.score || a.offset - b.offset)[0]!;
    const first = ms.find((m) => m.place) ?? ms[0]!;
    const v = first.value;
    const id = `${docId}:${v.start}${v.end ? '..' + v.end : ''}${byPlace.size > 1 && place ? '@' + place.id : ''}`;
    const statementIds = [...new Set(ms.map((m) => m.statementId))];
    for (const sid of statementIds) {
      const st = byStatement.get(sid);
      if (!st) continue;
      st.eventIds.push(id);
      // A statement is about the place of its event even when that place was named elsewhere
      // (a dateline, the document's title, another mention of the same event).
      if (place && !st.placeIds.includes(place.id)) st.placeIds.push(place.id);
    }
    const eventTopics = [...new Set(statementIds.flatMap((sid) => byStatement.get(sid)?.topics ?? []))].sort();
    // A clock time and no word (", 11:30," of a stamp "4 июля 2024 года, 11:30, Астана") names nothing: the fallback does.
    const core = /\b\d{1,2}:\d{2}\b/.test(best.core) && !/\p{L}/u.test(best.core) ? '' : best.core;
    const ev: Event = {
      id,
      docId,
      start: v.start,
      ...(v.end ? { end: v.end } : {}),
      precision: v.precision,
      placeId: place?.id ?? null,
      online: ms.some((m) => m.online),
      title: oneLine(
        lang === 'en'
          ? eventTitle(core, core ? '' : best.fallback(), place?.name ?? null)
          : eventTitleIn(lang, core, core ? '' : best.fallback(), place),
      ),
      topics: eventTopics,
      statementIds,
      dateText: first.dateText,
      curated: false,
    };
    events.push(ev);
  }
}

/**
 * A title on one line: the words of a sentence that a hard-wrapped text or a PDF breaks over lines
 * ("Meeting of the SCO member\nstates") are joined by a space, Chinese characters by nothing; and the
 * commas left where a date was taken out of the words ("Накануне, 3 июля, лидеры") are not doubled.
 */
function oneLine(title: string): string {
  if (!title.includes('\n') && !/,\s*,/.test(title)) return title;
  return title
    .replace(/(\p{Script=Han})\s*\n\s*(?=\p{Script=Han})/gu, '$1')
    .replace(/\s*\n\s*/g, ' ')
    .replace(/,(?:\s*,)+/g, ',');
}

/**
 * Mentions → events. The same date span in one document is one event; a mention with a place beats
 * one without (the unplaced ones join the place mentioned most); two places on one span stay two events.
 */
export function assemble(docId: string, mentions: Mention[], statements: Statement[], lang: Lang = 'en'): Event[] {
  // A day inside a meeting of a few days at the same place is that meeting: a declaration's signature
  // line "Samarkand, 16 September 2022" closes the summit "held in Samarkand on 15–16 September 2022".
  // A signature or date-only line ("Islamabad, 16 October 2024", "5 May 2023" under a press release) also
  // closes a meeting of a few days that the text gives no place ("took place on 15–16 October 2024").
  foldIntoMeetings(mentions, lang);
  // A year alone is dropped when the document dates something in that year more precisely at the same
  // place ("in Shanghai in 2001" next to "Shanghai, 15 June 2001") or, for a year with no place, with no
  // place either. A year with no place beside a placed date is another happening of that year: "Mongolia
  // received observer status in 2004" is not the RATS opening in Tashkent on 17 June 2004.
  mentions = mentions.filter(
    (m) =>
      m.value.precision !== 'year' ||
      !mentions.some(
        (o) => o.value.precision !== 'year' && o.value.start.startsWith(m.value.start) && (o.place?.id ?? null) === (m.place?.id ?? null),
      ),
  );
  const groups = new Map<string, Mention[]>();
  for (const m of mentions) {
    const key = `${m.value.start}..${m.value.end ?? ''}`;
    const g = groups.get(key);
    if (g) g.push(m);
    else groups.set(key, [m]);
  }
  const events: Event[] = [];
  const byStatement = new Map(statements.map((s) => [s.id, s]));
  for (const group of groups.values()) eventsOfGroup(docId, group, byStatement, lang, events);
  for (const s of statements) s.eventIds = [...new Set(s.eventIds)].sort();
  return events.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.id < b.id ? -1 : 1));
}
