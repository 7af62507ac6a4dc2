/**
 * One document, text in → its events, statements and places out. Pure: no I/O.
 * Wires the stages together: segment → dates + places per sentence → clause attachment → events.
 */
import type { Event, Statement } from '../contract/schema.ts';
import { assemble, isFewDays, type Mention } from './assemble.ts';
import { readHeader, type DocHeader } from './doc-header.ts';
import { attach } from './clauses.ts';
import {
  findDates,
  findPeriods,
  findYears,
  mayContainDate,
  noDateWordsEn,
  parseIso,
  precisionOf,
  type DateMention,
  type DateValue,
} from './dates.ts';
import type { Gazetteer } from './gazetteer.ts';
import { MetaSideFile, type DocMeta } from './meta.ts';
import { mentionOf, type SentenceScope } from './mention.ts';
import type { Dateline, PlaceMention, RejectedPlace } from './places.ts';
import { sentences, type Span } from './segment.ts';
import { isHeading, type TopicMatcher } from './topics.ts';
import { forClauses, placeNameAsListed, type Lang } from './lang/index.ts';
import type { Attachment } from './clauses.ts';

export interface Context {
  gaz: Gazetteer;
  topics: TopicMatcher;
}
export interface Skip {
  text: string;
  offset: number;
  why: string;
}
export interface DocResult {
  meta: DocMeta;
  /** The document's language: front matter or side file `lang`, else detected (lang/index.ts). */
  lang: Lang;
  events: Event[];
  statements: Statement[];
  /** Place id → names the text used for it. */
  placeNames: Map<string, Set<string>>;
  found: { dates: number; places: number; events: number; statements: number };
  skipped: Skip[];
  messages: string[];
}

const MAX_SKIPPED = 200;
/** A comma and a word after it (a module constant: see titles.ts on patterns with \p{…}). */
const COMMA_THEN_WORD = /,\s+\p{L}/u;
/** Words that say something happened, which a year alone needs in its clause to be an event. */
const HAPPENED =
  /\b(?:summits?|meetings?|met|held|hosted|founded|established|created|set\s+up|signed|adopted|joined|became|admitted|launched|started|began|opened|took\s+place|received|granted|applied|expanded|entered\s+into\s+force|(?:came|entered)\s+into\s+effect|took\s+effect|assumed|(?:are|became|become|as)\s+(?:full\s+)?members?|anniversary|accession|visit(?:ed)?|sessions?|conferences?|forums?|exercises?)\b/i;
/**
 * A place another date of the clause claims first: that date stands between the place and this one, and the
 * clause goes on past a comma before this date ("talks in Goa on Friday, agreeing on ... at the summit in July").
 * Dates written together ("in Beijing on 5 and 7 June") keep it.
 */
function placeOfNearerDate(a: Attachment, all: Attachment[], text: string): boolean {
  const at = a.place!.start;
  return all.some((b) => {
    if (b === a || b.place !== a.place) return false;
    const [from, to] = at < a.date.start ? [b.date.end, a.date.start] : [a.date.end, b.date.start];
    const nearer = at < a.date.start ? b.date.start > at && b.date.end <= a.date.start : b.date.end < at && b.date.start >= a.date.end;
    return nearer && to - from > 30 && COMMA_THEN_WORD.test(text.slice(from, to));
  });
}

/**
 * "On 10 July the heads of state adopted the Ufa Declaration", under a page stamped in another year: a day
 * written without a year that falls in a meeting of a few days the text already dated ("9–10 July 2015")
 * is in that meeting's year.
 */
function inMeetingYear(d: DateMention, before: Mention[]): void {
  if (d.value.precision !== 'day') return;
  for (const m of before) {
    if (!m.value.end || !isFewDays(m.value)) continue;
    const y = m.value.start.slice(0, 4);
    const start = y + d.value.start.slice(4);
    if (start === d.value.start || start < m.value.start || start > m.value.end) continue;
    d.value = { ...d.value, start, ...(d.value.end ? { end: y + d.value.end.slice(4) } : {}) };
    return;
  }
}

/** A span of paragraph `p` as a span of its sentence `s`. */
const rel = <T extends Span>(x: T, p: Span, s: Span): T => ({ ...x, start: x.start + p.start - s.start, end: x.end + p.start - s.start });

/**
 * The dates of sentence `s` that may be events: what findDates reads (less publication stamps), with a
 * year alone whose clause says what happened then; in text order. Skipped ones are noted.
 * (Each step of a sentence is a function of its own: as one body, V8 re-optimised it at length in a cold run.)
 */
function datesOf(doc: DocRun, s: Span, sText: string, places: PlaceMention[]): DateMention[] {
  const { mentions, enCarry } = doc;
  const { lang, docDate, carry, stampAt } = doc.h;
  if (lang === 'en' && noDateWordsEn(sText)) return []; // most sentences: nothing below would find a date in them
  const { mentions: found, skipped: sk } = findDates(sText, docDate, lang, lang === 'en' ? enCarry : carry);
  for (let i = 0; i < sk.length; i++) skip(doc, sk[i]!.text, s.start + sk[i]!.start, sk[i]!.why);
  const dates = found.filter((d) => !stampAt.has(s.start + d.start));
  // A feed's day heading ("——— 4 июля 2024 ———" over a channel's posts, a live page's next day): what follows
  // says "сегодня", "今天" of that day, not of the feed's first day. Only forward, and within a month of it.
  const own = carry.anchor;
  if (lang !== 'en' && own && dates.length === 1 && doc.h.actAt.has(s.start + dates[0]!.start)) {
    const day = parseIso(dates[0]!.value.start);
    const ahead = day ? Date.UTC(day.y, day.m - 1, day.d) - Date.UTC(own.y, own.m - 1, own.d) : 0;
    if (day && ahead > 0 && ahead <= 31 * 86_400_000) carry.anchor = day;
  }
  if (lang === 'en' && !/(?<![\d-–])(?<!\b(?:until|till|through|by|to|for|before)\s)(?:19|20)\d{2}/.test(sText))
    for (const d of dates) inMeetingYear(d, mentions);
  // A year alone is an event when its clause says what happened then ("In 2001 the SCO was founded").
  for (const y of attach(sText, findYears(sText, found, enCarry.anchor ?? null), places)) {
    if (HAPPENED.test(sText.slice(0, y.clause.end))) dates.push(y.date);
    else skip(doc, y.date.text, s.start + y.date.start, 'a year alone, and its clause names no event');
  }
  dates.sort((a, b) => a.start - b.start);
  return dates;
}

/** The statement of sentence `s`: its text, places, topics and the marks of its dates and places. */
function addStatement(
  doc: DocRun,
  para: ParaRun,
  s: Span,
  sText: string,
  places: PlaceMention[],
  dates: DateMention[],
  inHeader: boolean,
  id: string,
): void {
  const { lang } = doc.h;
  const { p, dateline } = para;
  const marks: Statement['marks'] = [];
  for (let i = 0; i < places.length; i++) marks.push({ kind: 'place', start: places[i]!.start, end: places[i]!.end });
  for (let i = 0; i < dates.length; i++) marks.push({ kind: 'date', start: dates[i]!.start, end: dates[i]!.end });
  const placeIds: string[] = [];
  for (let i = 0; i < places.length; i++) placeIds.push(places[i]!.place.id);
  if (inHeader) {
    const dl = rel(dateline!, p, s);
    marks.push({ kind: 'place', start: dl.start, end: dl.end });
    placeIds.unshift(dateline!.place.id);
  }
  for (let i = 0; i < places.length; i++)
    notePlaceName(doc, places[i]!.place.id, placeNameAsListed(lang, places[i]!.text, places[i]!.place));
  if (inHeader) notePlaceName(doc, dateline!.place.id, dateline!.place.name);
  const stTopics = [...new Set([...para.headingTopics, ...doc.topics.forText(sText)])].sort();
  doc.statements.push({
    id,
    docId: doc.docId,
    text: sText,
    start: s.start,
    end: s.end,
    placeIds: [...new Set(placeIds)],
    eventIds: [],
    topics: stTopics,
    marks: marks.sort((a, b) => a.start - b.start || a.end - b.end),
  });
}

/** One sentence: its statement (when it has a date, a place or the dateline) and a mention per date. */
function readSentence(doc: DocRun, para: ParaRun, s: Span): void {
  const { docId, h, mentions } = doc;
  const { text, lang, docDate, meta, docTitle } = h;
  const { p, dateline, places: placeScan } = para;
  const sText = text.slice(s.start, s.end);
  const places: PlaceMention[] = [];
  while (para.nextPlace < placeScan.mentions.length && placeScan.mentions[para.nextPlace]!.start + p.start < s.start) para.nextPlace++;
  for (let k = para.nextPlace; k < placeScan.mentions.length && placeScan.mentions[k]!.start + p.start < s.end; k++) {
    const m = placeScan.mentions[k]!;
    if (m.end + p.start <= s.end) places.push(rel(m, p, s));
  }
  let dates = datesOf(doc, s, sText, places);
  const inHeader = !!dateline && s.start <= p.start + dateline.start && s.end > p.start + dateline.start;
  // an overview's or a dossier's dateline ("新华社北京12月20日电 综述：", "МОСКВА, 29 августа. /ТАСС/." over a
  // ТАСС-ДОСЬЕ) is when it was filed: the piece recalls meetings, it reports none of that day (lang/index.ts)
  if (inHeader && doc.h.overview) dates = dates.filter((d) => d.start >= p.start + dateline.headerEnd - s.start);
  if (dates.length === 0 && places.length === 0 && !inHeader) return;
  doc.dateCount += dates.length;
  const id = `${docId}:s:${s.start}`;
  const headerEnd = inHeader ? p.start + dateline.headerEnd - s.start : -1;
  addStatement(doc, para, s, sText, places, dates, inHeader, id);

  // Dates, places and a place's country ("Ufa, Russia,") are never part of a title.
  const blanks: Span[] = [...dates, ...places];
  for (const m of places) {
    const after = /^,\s*(?:the\s+)?([\p{Lu}][\p{L}' ]*?)(?=[,.;)]|\s+(?:on|in|from)\b)/u.exec(sText.slice(m.end, m.end + 60));
    if (after && after[1] === m.place.country) blanks.push({ start: m.end, end: m.end + after[0].length });
  }
  const attached = attach(forClauses(lang, sText), dates, places);
  // "talks in Goa on Friday, agreeing on what leaders will sign at the summit in July": the place is Friday's, not July's
  if (lang === 'en') for (const a of attached) if (a.place && placeOfNearerDate(a, attached, sText)) a.place = null;
  const sen: SentenceScope = {
    start: s.start,
    end: s.end,
    text: sText,
    para: para.text,
    dateline,
    inHeader,
    headerEnd,
    id,
    blanks,
    core: undefined,
  };
  for (const a of attached) mentions.push(mentionOf(h, doc.gaz, mentions, sen, a));
  if (inHeader && !h.overview && docDate && meta.published && !dates.some((d) => d.start < headerEnd)) {
    mentions.push({
      value: { start: meta.published, precision: 'day' },
      place: dateline.place,
      online: false,
      core: '',
      fallback: docTitle,
      score: 1,
      statementId: id,
      offset: s.start,
      dateText: meta.published,
    });
  }
}

/** One document's reading: its header, and what its sentences have added so far (one shape for every document). */
interface DocRun {
  docId: string;
  h: DocHeader;
  gaz: Gazetteer;
  topics: TopicMatcher;
  statements: Statement[];
  mentions: Mention[];
  skipped: Skip[];
  placeNames: Map<string, Set<string>>;
  /** English counts "last year", "in July" from the report's own date: its publication day, else its dated dateline's. */
  enCarry: DocHeader['carry'];
  dateCount: number;
}

/** A paragraph being read: its text, dateline and place mentions, and the first mention not yet behind the sentences read. */
interface ParaRun {
  p: Span;
  text: string;
  dateline: Dateline | null;
  places: { mentions: PlaceMention[]; rejected: RejectedPlace[] };
  nextPlace: number;
  headingTopics: string[];
}

const notePlaceName = (doc: DocRun, id: string, name: string) =>
  doc.placeNames.set(id, (doc.placeNames.get(id) ?? new Set<string>()).add(name));
const skip = (doc: DocRun, text: string, offset: number, why: string) => {
  if (doc.skipped.length < MAX_SKIPPED) doc.skipped.push({ text, offset, why });
};

export function extractDocument(docId: string, original: string, side: MetaSideFile | null, ctx: Context): DocResult {
  const { gaz, topics } = ctx;
  const h = readHeader(original, side, ctx);
  const { text, messages, paras, lang, placesIn, datelines, firstDateline, meta, docDate, carry, titleCity, titlePlace, docTitle } = h;
  const doc: DocRun = {
    docId,
    h,
    gaz,
    topics,
    statements: [],
    mentions: [],
    skipped: [],
    placeNames: new Map(),
    enCarry: { anchor: carry.anchor ?? (firstDateline && docDate ? docDate : undefined) },
    dateCount: 0,
  };
  const { statements, mentions, skipped } = doc;
  let headingTopics: string[] = [];

  for (const [pi, p] of paras.entries()) {
    const paraText = text.slice(p.start, p.end);
    if (pi > 0 && isHeading(paraText)) {
      headingTopics = topics.forHeading(paraText);
      continue;
    }
    const dateline = datelines.get(p.start) ?? null;
    const placeScan = placesIn(paraText);
    for (const r of placeScan.rejected) skip(doc, r.text, p.start + r.start, `not a place here: ${r.why}`);
    if (!dateline && placeScan.mentions.length === 0 && !mayContainDate(paraText, lang)) {
      // nothing to extract here (most paragraphs): only say which periods of years were passed over
      for (const k of findPeriods(paraText)) skip(doc, k.text, p.start + k.start, k.why);
      continue;
    }
    // Sentences and place mentions both come in text order: one pointer walks the mentions, so a long
    // paragraph costs its length, not its sentences times its places (a one-line 1 MB file took 24 s).
    const para: ParaRun = { p, text: paraText, dateline, places: placeScan, nextPlace: 0, headingTopics };
    for (const s of sentences(text, p, lang)) readSentence(doc, para, s);
  }

  // A document titled "<City> Declaration ..." records a meeting chaired from that city on its date.
  if (titlePlace && meta.published) {
    const pub = meta.published;
    // the document's date, or a meeting of a few days that includes it
    const covers = (v: DateValue) => v.start === pub || (pub.length === 10 && isFewDays(v) && v.start <= pub && (v.end ?? v.start) >= pub);
    for (const m of mentions) if (!m.place && covers(m.value)) m.place = titlePlace;
    // (not a page's stamp: "22.05.2024 09:10" under "Ministers meet in Astana" is when the report was put up)
    if (!h.publishedByStamp && !mentions.some((m) => covers(m.value))) {
      const first = statements[0];
      if (first)
        mentions.push({
          value: { start: meta.published, precision: precisionOf(meta.published) },
          place: titlePlace,
          online: false,
          core: '',
          fallback: docTitle,
          score: 1,
          statementId: first.id,
          offset: first.start,
          dateText: meta.published,
        });
    }
    notePlaceName(doc, titlePlace.id, titleCity!);
  }

  const events = assemble(docId, mentions, statements, lang);
  const placeIds = new Set<string>([...statements.flatMap((s) => s.placeIds), ...events.flatMap((e) => (e.placeId ? [e.placeId] : []))]);
  if (doc.dateCount === 0) messages.push('no dates found');
  skipped.sort((a, b) => a.offset - b.offset);
  return {
    meta,
    lang,
    events,
    statements,
    placeNames: doc.placeNames,
    found: { dates: doc.dateCount, places: placeIds.size, events: events.length, statements: statements.length },
    skipped,
    messages,
  };
}
