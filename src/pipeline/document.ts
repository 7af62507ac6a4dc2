/**
 * One document, text in → its events, statements and places out. Pure: no I/O.
 * Wires the stages together: segment → dates + places per sentence → clause attachment → events.
 */
import type { Event, Statement } from '../contract/schema.ts';
import { assemble, isFewDays, type Mention } from './assemble.ts';
import { readHeader } from './doc-header.ts';
import { attach, type Attachment } from './clauses.ts';
import { findDates, findPeriods, findYears, mayContainDate, precisionOf, type DateMention, type DateValue } from './dates.ts';
import type { Gazetteer } from './gazetteer.ts';
import { MetaSideFile, type DocMeta } from './meta.ts';
import { type PlaceMention } from './places.ts';
import { sentences, type Span } from './segment.ts';
import { titleFromLine, titleFromPrefix, titleFromSuffix, unblank } from './titles.ts';
import { atDateline, inForceEn, inThisCity, INFOBOX_DATE_EN, infoboxPlaceRowEn } from './dates-en.ts';
import { isHeading, type TopicMatcher } from './topics.ts';
import {
  cityOfDocumentName,
  forClauses,
  isOnlineLang,
  isOnlineLeadLang,
  onReportDayLang,
  isInfoboxDateLang,
  infoboxPlaceLang,
  inForceLang,
  atReportDayLang,
  placeNameAsListed,
  type Lang,
} from './lang/index.ts';
import { titleCore } from './lang/titles.ts';

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
/** An event title that is a text or meeting named after a city: "Tianjin Declaration", "Shanghai Convention ...". */
const NAMED_AFTER_CITY =
  /^(?:The\s+)?(\p{Lu}[\p{L}-]+(?:\s\p{Lu}[\p{L}-]+)?)\s+(?:Declaration|(?:Joint\s+)?Communiqu[eé]|Convention|Summit)(?![\p{L}])/u;
/** Words that say something happened, which a year alone needs in its clause to be an event. */
const HAPPENED =
  /\b(?:summits?|meetings?|met|held|hosted|founded|established|created|set\s+up|signed|adopted|joined|became|admitted|launched|started|began|opened|took\s+place|received|granted|applied|expanded|entered\s+into\s+force|(?:came|entered)\s+into\s+effect|took\s+effect|assumed|(?:are|became|become|as)\s+(?:full\s+)?members?|anniversary|accession|visit(?:ed)?|sessions?|conferences?|forums?|exercises?)\b/i;
/** "Done at St. Petersburg on 7 June 2002": the line that signs the document itself. */
const SIGNED_HERE = /^\W*(?:Done|Signed|Adopted|Made)\s+(?:at|in)\b/i;
/** Round brackets and what they hold, so "Council of Heads of Government (Prime Ministers) of" reads on. */
const withoutBrackets = (s: string) => s.replace(/\([^()]*\)/g, ' ');
/** A sentence's words as a short title when nothing better names the event. */
function plainTitle(s: string): string {
  const t = unblank(s)
    .replace(/\s+([,.;:])/g, '$1')
    .replace(/(?:,\s*)+,/g, ',')
    .replace(/^[\s,;:.]+/, '')
    .split(/\s+/)
    .slice(0, 10)
    .join(' ')
    .replace(/[\s,;:.–—-]+$/, '')
    .replace(/(?:\s+(?:at|in|on|of|the|to|for|and|with|by|from|a|an))+$/i, '');
  return t ? t[0]!.toUpperCase() + t.slice(1) : t;
}

/** Replaces the given spans with commas so a title never reads a date or a place as a name. */
function blank(text: string, from: number, to: number, spans: Span[]): string {
  let out = '';
  let at = from;
  for (const s of [...spans].sort((a, b) => a.start - b.start)) {
    if (s.end <= from || s.start >= to) continue;
    out += text.slice(at, Math.max(at, s.start)) + ' | ';
    at = Math.max(at, s.end);
  }
  return out + text.slice(at, to);
}

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
    return nearer && to - from > 30 && /,\s+\p{L}/u.test(text.slice(from, to));
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

export function extractDocument(docId: string, original: string, side: MetaSideFile | null, ctx: Context): DocResult {
  const { gaz, topics } = ctx;
  const skipped: Skip[] = [];
  const {
    text,
    messages,
    paras,
    lang,
    placesIn,
    datelines,
    firstDateline,
    meta,
    docDate,
    carry,
    titleCity,
    titlePlace,
    docTitle,
    stampAt,
    actAt,
  } = readHeader(original, side, ctx);

  const statements: Statement[] = [];
  const mentions: Mention[] = [];
  const placeNames = new Map<string, Set<string>>();
  const notePlaceName = (id: string, name: string) => placeNames.set(id, (placeNames.get(id) ?? new Set<string>()).add(name));
  // English counts "last year", "in July" from the report's own date: its publication day, else its dated dateline's
  const enCarry = { anchor: carry.anchor ?? (firstDateline && docDate ? docDate : undefined) };
  let dateCount = 0;
  let headingTopics: string[] = [];

  for (const [pi, p] of paras.entries()) {
    const paraText = text.slice(p.start, p.end);
    if (pi > 0 && isHeading(paraText)) {
      headingTopics = topics.forHeading(paraText);
      continue;
    }
    const dateline = datelines.get(p.start) ?? null;
    const placeScan = placesIn(paraText);
    for (const r of placeScan.rejected)
      if (skipped.length < MAX_SKIPPED) skipped.push({ text: r.text, offset: p.start + r.start, why: `not a place here: ${r.why}` });
    if (!dateline && placeScan.mentions.length === 0 && !mayContainDate(paraText, lang)) {
      // nothing to extract here (most paragraphs): only say which periods of years were passed over
      for (const k of findPeriods(paraText))
        if (skipped.length < MAX_SKIPPED) skipped.push({ text: k.text, offset: p.start + k.start, why: k.why });
      continue;
    }

    // Sentences and place mentions both come in text order: one pointer walks the mentions, so a long
    // paragraph costs its length, not its sentences times its places (a one-line 1 MB file took 24 s).
    let nextPlace = 0;
    for (const s of sentences(text, p, lang)) {
      const sText = text.slice(s.start, s.end);
      const rel = <T extends Span>(x: T): T => ({ ...x, start: x.start + p.start - s.start, end: x.end + p.start - s.start });
      const places: PlaceMention[] = [];
      while (nextPlace < placeScan.mentions.length && placeScan.mentions[nextPlace]!.start + p.start < s.start) nextPlace++;
      for (let k = nextPlace; k < placeScan.mentions.length && placeScan.mentions[k]!.start + p.start < s.end; k++) {
        const m = placeScan.mentions[k]!;
        if (m.end + p.start <= s.end) places.push(rel(m));
      }
      const { mentions: found, skipped: sk } = findDates(sText, docDate, lang, lang === 'en' ? enCarry : carry);
      for (const k of sk) if (skipped.length < MAX_SKIPPED) skipped.push({ text: k.text, offset: s.start + k.start, why: k.why });
      const dates = found.filter((d) => !stampAt.has(s.start + d.start));
      if (lang === 'en' && !/(?<![\d-–])(?<!\b(?:until|till|through|by|to|for|before)\s)(?:19|20)\d{2}/.test(sText))
        for (const d of dates) inMeetingYear(d, mentions);
      // A year alone is an event when its clause says what happened then ("In 2001 the SCO was founded").
      for (const y of attach(sText, findYears(sText, found, enCarry.anchor ?? null), places)) {
        if (HAPPENED.test(sText.slice(0, y.clause.end))) dates.push(y.date);
        else if (skipped.length < MAX_SKIPPED)
          skipped.push({ text: y.date.text, offset: s.start + y.date.start, why: 'a year alone, and its clause names no event' });
      }
      dates.sort((a, b) => a.start - b.start);
      const inHeader = dateline && s.start <= p.start + dateline.start && s.end > p.start + dateline.start;
      if (dates.length === 0 && places.length === 0 && !inHeader) continue;
      dateCount += dates.length;
      const id = `${docId}:s:${s.start}`;
      const marks: Statement['marks'] = [
        ...places.map((m) => ({ kind: 'place' as const, start: m.start, end: m.end })),
        ...dates.map((d) => ({ kind: 'date' as const, start: d.start, end: d.end })),
      ];
      const placeIds = places.map((m) => m.place.id);
      const seen = places.map((m) => [m.place.id, placeNameAsListed(lang, m.text, m.place)] as const);
      const headerEnd = inHeader ? p.start + dateline.headerEnd - s.start : -1;
      if (inHeader) {
        const dl = rel(dateline);
        marks.push({ kind: 'place', start: dl.start, end: dl.end });
        placeIds.unshift(dateline.place.id);
        seen.push([dateline.place.id, dateline.place.name]);
      }
      for (const [pid, name] of seen) notePlaceName(pid, name);
      const stTopics = [...new Set([...headingTopics, ...topics.forText(sText)])].sort();
      statements.push({
        id,
        docId,
        text: sText,
        start: s.start,
        end: s.end,
        placeIds: [...new Set(placeIds)],
        eventIds: [],
        topics: stTopics,
        marks: marks.sort((a, b) => a.start - b.start || a.end - b.end),
      });

      // Dates, places and a place's country ("Ufa, Russia,") are never part of a title.
      const blanks: Span[] = [...dates, ...places];
      for (const m of places) {
        const after = /^,\s*(?:the\s+)?([\p{Lu}][\p{L}' ]*?)(?=[,.;)]|\s+(?:on|in|from)\b)/u.exec(sText.slice(m.end, m.end + 60));
        if (after && after[1] === m.place.country) blanks.push({ start: m.end, end: m.end + after[0].length });
      }
      // a Russian or Chinese title is read from the whole sentence: once for all its dates
      let sentenceCore: string | undefined;
      const attached = attach(forClauses(lang, sText), dates, places);
      // "talks in Goa on Friday, agreeing on what leaders will sign at the summit in July": the place is Friday's, not July's
      if (lang === 'en') for (const a of attached) if (a.place && placeOfNearerDate(a, attached, sText)) a.place = null;
      for (const a of attached) {
        const d: DateMention = a.date;
        // "on Tuesday", "the day before", "met here": counted from the dateline, so at its city (dates-en.ts)
        let place = a.place?.place ?? (lang === 'en' && firstDateline && !a.online && atDateline(sText, d) ? firstDateline[1].place : null);
        if (!place && lang === 'en' && !a.online && inThisCity(sText.slice(a.clause.start, a.clause.end)))
          place = firstDateline?.[1].place ?? mentions.find((m) => m.place && m.value.start === meta.published)?.place ?? null;
        // "Саммит, который проходит 15-16 сентября", "本次峰会于…举行": the report's own meeting, at its dateline's city (lang/index.ts)
        // a treaty in force is in force nowhere in particular
        if (place && (lang === 'en' ? inForceEn(sText, d) : inForceLang(lang, sText, d))) place = null;
        if (!place && lang !== 'en' && !a.online && isInfoboxDateLang(lang, sText)) place = infoboxPlaceLang(lang, text.slice(s.end), gaz);
        if (!place && lang === 'en' && !a.online && INFOBOX_DATE_EN.test(sText.slice(0, d.start))) {
          // "When: 20–21 May 2024" over "Where: Astana, Palace of Independence": the fact table's place row
          const row = infoboxPlaceRowEn(text.slice(s.end));
          place = row ? (placesIn(row).mentions[0]?.place ?? null) : null;
        }
        if (!place && lang !== 'en' && !a.online && atReportDayLang(lang, sText, d, carry.anchor) && !isOnlineLeadLang(lang, paraText)) {
          // where the text placed the report's day ("сегодня в Астане", "1日在天津…举行"), else the dateline's city
          place =
            mentions.find((m) => m.place && !m.online && !m.dateline && onReportDayLang(m, carry.anchor))?.place ??
            firstDateline?.[1].place ??
            null;
        }
        const whole = blank(sText, 0, d.start, blanks);
        // "The Council ... Organisation (SCO) held its regular meeting in ...": the clause goes on over the brackets
        // Russian and Chinese titles come from their own module, in the document's language.
        let core =
          lang !== 'en'
            ? (sentenceCore ??= titleCore(lang, sText, blanks))
            : sText[a.clause.start - 1] === ')'
              ? titleFromPrefix(withoutBrackets(whole))
              : '';
        if (!core && lang === 'en') core = titleFromPrefix(blank(sText, a.clause.start, d.start, blanks));
        if (!core && lang === 'en') core = titleFromPrefix(whole);
        if (!core && lang === 'en') core = titleFromPrefix(withoutBrackets(whole));
        if (!core && lang === 'en' && /^\W*$/.test(sText.slice(0, d.start)) && /^[\s*_]*[:–—-]\s/.test(sText.slice(d.end))) {
          // a chronology line, "15 June 2001: the SCO is founded in Shanghai"
          core = titleFromLine(blank(sText, d.end, sText.length, blanks));
        }
        if (!core && lang === 'en') core = titleFromSuffix(blank(sText, d.end, a.clause.end, blanks));
        let score = core ? 2 : 0;
        // With nothing before the date in its clause, what follows it says what happened ("In 2001 | the SCO was founded ...").
        const clause = a.clause;
        let fallback =
          lang !== 'en'
            ? docTitle
            : () => {
                const after = /^\W*(?:(?:on|in|since|from|at|of|by|during|the\s+year)\W*)*$/i.test(
                  blank(sText, clause.start, d.start, blanks),
                )
                  ? plainTitle(blank(sText, d.end, clause.end, blanks))
                  : '';
                if (after.split(' ').length >= 2) return after;
                const clauseTitle = plainTitle(blank(sText, clause.start, clause.end, blanks));
                return clauseTitle.split(' ').length >= 3 ? clauseTitle : plainTitle(blank(sText, 0, sText.length, blanks));
              };
        if (lang === 'en' && /^(?:Dates?|When|Time|Held|Period|Date\s+and\s+place)$/i.test(core)) {
          // a fact table's row label ("Dates | 31 August – 1 September 2025") names no happening: the page's title does
          core = '';
          fallback = docTitle;
        }
        let signature = actAt.has(s.start + d.start);
        if (inHeader && d.start < headerEnd) {
          place = dateline.place;
          core = '';
          score = 1;
          fallback = docTitle;
        }
        // "в режиме видеоконференции", "以视频方式": held by video link, so not at the dateline's city
        const online =
          a.online ||
          (lang !== 'en' &&
            (isOnlineLang(lang, sText.slice(Math.max(0, d.start - 60), d.end + 60)) ||
              (!!dateline && ((inHeader && d.start < headerEnd) || onReportDayLang(d, carry.anchor)) && isOnlineLeadLang(lang, paraText))));
        if (online && lang !== 'en' && (!a.place?.preposition || (inHeader && d.start < headerEnd))) place = null;
        if (signature && !core) {
          score = 1;
          fallback = docTitle;
        }
        if (SIGNED_HERE.test(sText) && (!core || /^(?:Done|Signed|Adopted|Made)$/i.test(core))) {
          core = meta.title;
          score = 1;
          signature = true;
        }
        if (!place && !online) {
          // "signed the Tianjin Declaration on 1 September 2025": a text named after its city was made there
          const named = lang === 'en' ? NAMED_AFTER_CITY.exec(core) : null;
          if (named) place = gaz.lookup(named[1]!) ?? null;
          else if (lang !== 'en') {
            // only a name in the date's own clause: "伊朗於2023年7月4日成為…；白俄羅斯則於…在阿斯塔納峰會上加入" is not Iran's place
            const named = cityOfDocumentName(lang, core, gaz);
            place = named && cityOfDocumentName(lang, sText.slice(a.clause.start, a.clause.end), gaz)?.id === named.id ? named : null;
          }
        }
        mentions.push({
          value: d.value,
          place,
          online,
          core,
          fallback,
          score,
          statementId: id,
          offset: s.start + d.start,
          dateText: d.text,
          signature,
          ...(inHeader && d.start < headerEnd ? { dateline: true } : {}),
        });
      }
      if (inHeader && docDate && meta.published && !dates.some((d) => d.start < headerEnd)) {
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
  }

  // A document titled "<City> Declaration ..." records a meeting chaired from that city on its date.
  if (titlePlace && meta.published) {
    const pub = meta.published;
    // the document's date, or a meeting of a few days that includes it
    const covers = (v: DateValue) => v.start === pub || (pub.length === 10 && isFewDays(v) && v.start <= pub && (v.end ?? v.start) >= pub);
    for (const m of mentions) if (!m.place && covers(m.value)) m.place = titlePlace;
    if (!mentions.some((m) => covers(m.value))) {
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
    notePlaceName(titlePlace.id, titleCity!);
  }

  const events = assemble(docId, mentions, statements, lang);
  const placeIds = new Set<string>([...statements.flatMap((s) => s.placeIds), ...events.flatMap((e) => (e.placeId ? [e.placeId] : []))]);
  if (dateCount === 0) messages.push('no dates found');
  skipped.sort((a, b) => a.offset - b.offset);
  return {
    meta,
    lang,
    events,
    statements,
    placeNames,
    found: { dates: dateCount, places: placeIds.size, events: events.length, statements: statements.length },
    skipped,
    messages,
  };
}
