/**
 * One document, text in → its events, statements and places out. Pure: no I/O.
 * Wires the stages together: segment → dates + places per sentence → clause attachment → events.
 */
import type { Event, Statement } from '../contract/schema.ts';
import { attach } from './clauses.ts';
import { findDates, findPeriods, findYears, mayContainDate, parseIso, precisionOf, type DateMention, type DateValue, type YMD } from './dates.ts';
import type { Gazetteer, GazetteerPlace } from './gazetteer.ts';
import { dateLines, frontMatter, inferMeta, inferSource, MetaSideFile, type DocMeta } from './meta.ts';
import { findDateline, findPlaces, type Dateline, type PlaceMention } from './places.ts';
import { paragraphs, sentences, type Span } from './segment.ts';
import { abbreviate, eventTitle, reportTitle, titleFromLine, titleFromPrefix, titleFromSuffix, unblank } from './titles.ts';
import { atDateline, datelineByWeekday } from './dates-en.ts';
import { isHeading, type TopicMatcher } from './topics.ts';
import { cityOfDocumentName, datelineMonthLang, detectLang, findDatelineLang, findPlacesLang, firstFullDateLang, forClauses, isOnlineLang, isOnlineLeadLang, onReportDayLang, isInfoboxDateLang, infoboxPlaceLang, inForceLang, atReportDayLang, reportDateLang, type DateCarry, type Lang } from './lang/index.ts';
import { eventTitleIn, placeNameIn, titleCore } from './lang/titles.ts';

export interface Context { gaz: Gazetteer; topics: TopicMatcher }
export interface Skip { text: string; offset: number; why: string }
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

interface Mention {
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

const MAX_SKIPPED = 200;
/** An event title that is a text or meeting named after a city: "Tianjin Declaration", "Shanghai Convention ...". */
const NAMED_AFTER_CITY = /^(?:The\s+)?(\p{Lu}[\p{L}-]+(?:\s\p{Lu}[\p{L}-]+)?)\s+(?:Declaration|(?:Joint\s+)?Communiqu[eé]|Convention|Summit)(?![\p{L}])/u;
/** Words that say something happened, which a year alone needs in its clause to be an event. */
const HAPPENED = /\b(?:summits?|meetings?|met|held|hosted|founded|established|created|set\s+up|signed|adopted|joined|became|admitted|launched|started|began|opened|took\s+place|received|granted|applied|expanded|entered\s+into\s+force|assumed|(?:are|became|become|as)\s+(?:full\s+)?members?|anniversary|accession|visit(?:ed)?|sessions?|conferences?|forums?|exercises?)\b/i;
/** "Done at St. Petersburg on 7 June 2002": the line that signs the document itself. */
const SIGNED_HERE = /^\W*(?:Done|Signed|Adopted|Made)\s+(?:at|in)\b/i;
/** Round brackets and what they hold, so "Council of Heads of Government (Prime Ministers) of" reads on. */
const withoutBrackets = (s: string) => s.replace(/\([^()]*\)/g, ' ');
/** A sentence's words as a short title when nothing better names the event. */
function plainTitle(s: string): string {
  const t = unblank(s).replace(/\s+([,.;:])/g, '$1').replace(/(?:,\s*)+,/g, ',').replace(/^[\s,;:.]+/, '').split(/\s+/).slice(0, 10).join(' ').replace(/[\s,;:.–—-]+$/, '')
    .replace(/(?:\s+(?:at|in|on|of|the|to|for|and|with|by|from|a|an))+$/i, '');
  return t ? t[0]!.toUpperCase() + t.slice(1) : t;
}
const TITLE_CITY = /^(?:The\s+)?(\p{Lu}[\p{L}-]+(?:\s\p{Lu}[\p{L}-]+)?)\s+(?:Declaration|(?:Joint\s+)?Communiqu[eé]|Statement|Appeal|Address|Initiative|Summit)\b/u;

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

export function extractDocument(docId: string, original: string, side: MetaSideFile | null, ctx: Context): DocResult {
  const { gaz, topics } = ctx;
  const messages: string[] = [];
  const skipped: Skip[] = [];
  // Front matter is metadata, not text: it is blanked out (same length, so offsets still index the
  // original) and its keys sit between what the text suggests and the side file.
  const fm = frontMatter(original);
  const text = fm.end ? original.slice(0, fm.end).replace(/[^\n]/g, ' ') + original.slice(fm.end) : original;
  let fmMeta: MetaSideFile = {};
  if (fm.end) {
    const r = MetaSideFile.safeParse({ ...fm.meta, ...(fm.meta.published === '' ? { published: null } : {}) });
    if (r.success) fmMeta = r.data;
    else messages.push(`front matter: ${r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}; those keys ignored`);
    if (fm.unknown.length) messages.push(`front matter: keys ${fm.unknown.join(', ')} are not used (title, kind, published, source are)`);
  }
  const paras = paragraphs(text);
  const lang: Lang = side?.lang ?? fmMeta.lang ?? detectLang(text).lang;
  const placesIn = (t: string) => (lang === 'en' ? findPlaces(t, gaz) : findPlacesLang(lang, t, gaz));

  const datelines = new Map<number, Dateline>();
  for (const p of paras) {
    const d = lang === 'en' ? findDateline(text.slice(p.start, p.end), gaz) : findDatelineLang(lang, text.slice(p.start, p.end), gaz);
    if (d) datelines.set(p.start, d);
  }
  const firstDateline = [...datelines.entries()][0];
  const datelineDate = firstDateline ? (findDates(text.slice(firstDateline[0], firstDateline[0] + firstDateline[1].headerEnd), null, lang, {}).mentions[0]?.value.start ?? null) : null;
  const lines = dateLines(text, lang);
  const inferred = inferMeta(text, datelines.size > 0, datelineDate, lines, lang);
  if (firstDateline) inferred.source = inferSource(text, text.slice(firstDateline[0], firstDateline[0] + firstDateline[1].headerEnd));
  else inferred.source = inferSource(text, '');
  const given = (m: MetaSideFile | null) => Object.fromEntries(Object.entries(m ?? {}).filter(([, v]) => v !== undefined));
  const meta: DocMeta = { ...inferred, ...given(fmMeta), ...given(side) } as DocMeta;
  let docDate: YMD | null = meta.published && meta.published.length === 10 ? parseIso(meta.published) : null;
  if (!docDate && lang === 'en' && firstDateline) {
    // "MOSCOW, November 10. /TASS/. ... on Tuesday": the year in which that day is that weekday (dates-en.ts)
    docDate = datelineByWeekday(text.slice(firstDateline[0], firstDateline[0] + firstDateline[1].headerEnd), text);
    if (docDate) messages.push(`no publication date: the dateline's day is taken in ${docDate.y}, the year near those the text names in which it falls on the weekday the text gives`);
  }
  let reportDay: YMD | undefined;
  if (!docDate && lang !== 'en') {
    // "新华社青岛6月10日电 ...元首理事会第十八次会议": the year a Russian or Chinese wire says without a date (lang/report-year.ts)
    const said = reportDateLang(lang, text, meta.title, firstDateline ? text.slice(firstDateline[0], firstDateline[0] + firstDateline[1].headerEnd) : null);
    if (said) { docDate = said.date; reportDay = said.day; messages.push(`no publication date: dates without a year take the year ${said.date.y} (${said.why})`); }
  }
  if (!docDate) {
    // Without a publication date, a day and month with no year ("on July 4") take the year of the
    // first full date in the text.
    const first = /\b(?:19|20)\d{2}\b/.exec(text);
    const full = lang !== 'en' ? firstFullDateLang(lang, text, datelineMonthLang(lang, firstDateline ? text.slice(firstDateline[0], firstDateline[0] + firstDateline[1].headerEnd) : '')) : first ? findDates(text.slice(Math.max(0, first.index - 40), first.index + 10), null, lang, {}).mentions.find((m) => m.value.precision === 'day') : undefined;
    if (full) { docDate = parseIso(full.value.start); messages.push(`no publication date: dates without a year take the year ${docDate!.y}`); }
  }
  if (!docDate && lang === 'en') {
    // Only a stamp dates the page ("Posted On: 04 JUL 2023"): no event, but the day its "today" means (dates-en.ts)
    const stamp = findDates(text.slice(0, 2000), null).skipped.find((k) => /publication stamp/.test(k.why));
    const day = stamp ? findDates(stamp.text, null).mentions.find((m) => m.value.precision === 'day') : undefined;
    if (day) { docDate = parseIso(day.value.start); messages.push(`no publication date: dates without a year take the page's stamp, ${day.value.start}`); }
  }
  // Year and month carried from date to date ("6月17日", "15日"); "вчера"/"昨天" count from the report's own day.
  const carry: DateCarry = docDate ? { y: docDate.y, m: docDate.m, ...(meta.published?.length === 10 ? { anchor: docDate } : {}) } : {};
  if (lang !== 'en' && !carry.anchor && docDate && firstDateline) {
    // "新华社青岛6月10日电": a dateline without a year takes the text's year, and "昨天" counts from it
    const day = findDates(text.slice(firstDateline[0], firstDateline[0] + firstDateline[1].headerEnd), docDate, lang, { y: docDate.y }).mentions[0];
    if (day?.value.precision === 'day') carry.anchor = parseIso(day.value.start)!;
  }
  if (reportDay && !carry.anchor) carry.anchor = reportDay;
  let titleCity = lang === 'en' ? TITLE_CITY.exec(meta.title)?.[1] : undefined;
  let titlePlace = titleCity ? gaz.lookup(titleCity) ?? null : lang === 'en' ? null : cityOfDocumentName(lang, meta.title, gaz);
  if (titlePlace && lang !== 'en') titleCity = placeNameIn(lang, titlePlace);
  // A headline, not a lead sentence standing in for one: short, no date, no full stop, more text below.
  const headline = meta.title.length <= 100 && !/[.!?…。！？]$/.test(meta.title) && !mayContainDate(meta.title, lang) && paras.length > 1;
  if (!titlePlace && headline) {
    // A headline that says where: "SCO foreign ministers meet in Tianjin" (one city, after in/at)
    const said = placesIn(meta.title).mentions.filter((m) => m.preposition);
    if (said.length > 0 && said.every((m) => m.place.id === said[0]!.place.id)) { titlePlace = said[0]!.place; titleCity = said[0]!.text; }
  }

  // A news headline never names an event: a report's day takes the meeting its text speaks of (titles.ts).
  const docTitle = () => (headline && meta.kind === 'news report' ? reportTitle(text, meta.title) || meta.title : abbreviate(meta.title, text));
  const lineAt = (at: number) => text.slice(text.lastIndexOf('\n', at - 1) + 1, at);
  // "会议日期 | 2012年6月6日至7日": a row of an event page's fact table is the meeting's date, not a stamp (lang/index.ts)
  const stampAt = new Set(lines.filter((l) => l.stamp && (lang === 'en' || !isInfoboxDateLang(lang, lineAt(l.start)))).map((l) => l.start));
  const actAt = new Set(lines.filter((l) => !l.stamp).map((l) => l.start));

  const statements: Statement[] = [];
  const mentions: Mention[] = [];
  const placeNames = new Map<string, Set<string>>();
  const notePlaceName = (id: string, name: string) => placeNames.set(id, (placeNames.get(id) ?? new Set<string>()).add(name));
  let dateCount = 0;
  let headingTopics: string[] = [];

  for (const [pi, p] of paras.entries()) {
    const paraText = text.slice(p.start, p.end);
    if (pi > 0 && isHeading(paraText)) { headingTopics = topics.forHeading(paraText); continue; }
    const dateline = datelines.get(p.start) ?? null;
    const placeScan = placesIn(paraText);
    for (const r of placeScan.rejected) if (skipped.length < MAX_SKIPPED) skipped.push({ text: r.text, offset: p.start + r.start, why: `not a place here: ${r.why}` });
    if (!dateline && placeScan.mentions.length === 0 && !mayContainDate(paraText, lang)) {
      // nothing to extract here (most paragraphs): only say which periods of years were passed over
      for (const k of findPeriods(paraText)) if (skipped.length < MAX_SKIPPED) skipped.push({ text: k.text, offset: p.start + k.start, why: k.why });
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
      const { mentions: found, skipped: sk } = findDates(sText, docDate, lang, carry);
      for (const k of sk) if (skipped.length < MAX_SKIPPED) skipped.push({ text: k.text, offset: s.start + k.start, why: k.why });
      const dates = found.filter((d) => !stampAt.has(s.start + d.start));
      // A year alone is an event when its clause says what happened then ("In 2001 the SCO was founded").
      for (const y of attach(sText, findYears(sText, found), places)) {
        if (HAPPENED.test(sText.slice(0, y.clause.end))) dates.push(y.date);
        else if (skipped.length < MAX_SKIPPED) skipped.push({ text: y.date.text, offset: s.start + y.date.start, why: 'a year alone, and its clause names no event' });
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
      const seen = places.map((m) => [m.place.id, m.text] as const);
      const headerEnd = inHeader ? p.start + dateline.headerEnd - s.start : -1;
      if (inHeader) {
        const dl = rel(dateline);
        marks.push({ kind: 'place', start: dl.start, end: dl.end });
        placeIds.unshift(dateline.place.id);
        seen.push([dateline.place.id, dateline.place.name]);
      }
      for (const [pid, name] of seen) notePlaceName(pid, name);
      const stTopics = [...new Set([...headingTopics, ...topics.forText(sText)])].sort();
      statements.push({ id, docId, text: sText, start: s.start, end: s.end, placeIds: [...new Set(placeIds)], eventIds: [], topics: stTopics, marks: marks.sort((a, b) => a.start - b.start || a.end - b.end) });

      // Dates, places and a place's country ("Ufa, Russia,") are never part of a title.
      const blanks: Span[] = [...dates, ...places];
      for (const m of places) {
        const after = /^,\s*(?:the\s+)?([\p{Lu}][\p{L}' ]*?)(?=[,.;)]|\s+(?:on|in|from)\b)/u.exec(sText.slice(m.end, m.end + 60));
        if (after && after[1] === m.place.country) blanks.push({ start: m.end, end: m.end + after[0].length });
      }
      for (const a of attach(forClauses(lang, sText), dates, places)) {
        const d: DateMention = a.date;
        // "on Tuesday", "the day before", "met here": counted from the dateline, so at its city (dates-en.ts)
        let place = a.place?.place ?? (lang === 'en' && firstDateline && !a.online && atDateline(sText, d) ? firstDateline[1].place : null);
        // "Саммит, который проходит 15-16 сентября", "本次峰会于…举行": the report's own meeting, at its dateline's city (lang/index.ts)
        if (place && lang !== 'en' && inForceLang(lang, sText, d)) place = null; // a treaty in force is in force nowhere in particular
        if (!place && lang !== 'en' && !a.online && isInfoboxDateLang(lang, sText)) place = infoboxPlaceLang(lang, text.slice(s.end), gaz);
        if (!place && lang !== 'en' && !a.online && atReportDayLang(lang, sText, d, carry.anchor) && !isOnlineLeadLang(lang, paraText)) {
          // where the text placed the report's day ("сегодня в Астане", "1日在天津…举行"), else the dateline's city
          place = mentions.find((m) => m.place && !m.online && !m.dateline && onReportDayLang(m, carry.anchor))?.place ?? firstDateline?.[1].place ?? null;
        }
        const whole = blank(sText, 0, d.start, blanks);
        // "The Council ... Organisation (SCO) held its regular meeting in ...": the clause goes on over the brackets
        // Russian and Chinese titles come from their own module, in the document's language.
        let core = lang !== 'en' ? titleCore(lang, sText, blanks) : sText[a.clause.start - 1] === ')' ? titleFromPrefix(withoutBrackets(whole)) : '';
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
        let fallback = lang !== 'en' ? docTitle : () => {
          const after = /^\W*(?:(?:on|in|since|from|at|of|by|during|the\s+year)\W*)*$/i.test(blank(sText, clause.start, d.start, blanks)) ? plainTitle(blank(sText, d.end, clause.end, blanks)) : '';
          if (after.split(' ').length >= 2) return after;
          const clauseTitle = plainTitle(blank(sText, clause.start, clause.end, blanks));
          return clauseTitle.split(' ').length >= 3 ? clauseTitle : plainTitle(blank(sText, 0, sText.length, blanks));
        };
        let signature = actAt.has(s.start + d.start);
        if (inHeader && d.start < headerEnd) { place = dateline.place; core = ''; score = 1; fallback = docTitle; }
        // "в режиме видеоконференции", "以视频方式": held by video link, so not at the dateline's city
        const online = a.online || (lang !== 'en' && (isOnlineLang(lang, sText.slice(Math.max(0, d.start - 60), d.end + 60)) || (!!dateline && ((inHeader && d.start < headerEnd) || onReportDayLang(d, carry.anchor)) && isOnlineLeadLang(lang, paraText))));
        if (online && lang !== 'en' && (!a.place?.preposition || (inHeader && d.start < headerEnd))) place = null;
        if (signature && !core) { score = 1; fallback = docTitle; }
        if (SIGNED_HERE.test(sText) && (!core || /^(?:Done|Signed|Adopted|Made)$/i.test(core))) { core = meta.title; score = 1; signature = true; }
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
        mentions.push({ value: d.value, place, online, core, fallback, score, statementId: id, offset: s.start + d.start, dateText: d.text, signature, ...(inHeader && d.start < headerEnd ? { dateline: true } : {}) });
      }
      if (inHeader && docDate && meta.published && !dates.some((d) => d.start < headerEnd)) {
        mentions.push({ value: { start: meta.published, precision: 'day' }, place: dateline.place, online: false, core: '', fallback: docTitle, score: 1, statementId: id, offset: s.start, dateText: meta.published });
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
      if (first) mentions.push({ value: { start: meta.published, precision: precisionOf(meta.published) }, place: titlePlace, online: false, core: '', fallback: docTitle, score: 1, statementId: first.id, offset: first.start, dateText: meta.published });
    }
    notePlaceName(titlePlace.id, titleCity!);
  }

  const events = assemble(docId, mentions, statements, lang);
  const placeIds = new Set<string>([...statements.flatMap((s) => s.placeIds), ...events.flatMap((e) => (e.placeId ? [e.placeId] : []))]);
  if (dateCount === 0) messages.push('no dates found');
  skipped.sort((a, b) => a.offset - b.offset);
  return { meta, lang, events, statements, placeNames, found: { dates: dateCount, places: placeIds.size, events: events.length, statements: statements.length }, skipped, messages };
}

/** A day-precise date or span of at most a week: the length of a meeting, not of a programme. */
function isFewDays(v: DateValue): boolean {
  return v.precision === 'day' && Date.parse(v.end ?? v.start) - Date.parse(v.start) <= 7 * 86_400_000;
}

/**
 * Mentions → events. The same date span in one document is one event; a mention with a place beats
 * one without (the unplaced ones join the place mentioned most); two places on one span stay two events.
 */
function assemble(docId: string, mentions: Mention[], statements: Statement[], lang: Lang = 'en'): Event[] {
  // A day inside a meeting of a few days at the same place is that meeting: a declaration's signature
  // line "Samarkand, 16 September 2022" closes the summit "held in Samarkand on 15–16 September 2022".
  // A signature or date-only line ("Islamabad, 16 October 2024", "5 May 2023" under a press release) also
  // closes a meeting of a few days that the text gives no place ("took place on 15–16 October 2024").
  const meetings = mentions.filter((m) => m.value.end && isFewDays(m.value));
  // "МОСКВА, 4 июля. /ТАСС/. Лидеры ШОС сегодня в Астане …": the dateline's day is where the text places that day
  if (lang !== 'en') for (const m of mentions) if (m.dateline && mentions.some((o) => !o.dateline && o.place && !o.value.end && o.value.start === m.value.start)) m.place = null;
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
    if (m.value.end || m.value.precision !== 'day' || (!m.place && !m.signature)) continue;
    const meeting = meetings.find((r) => r.place && m.place && r.place.id === m.place.id && inside(r))
      ?? (m.signature ? meetings.find((r) => (!r.place || !m.place) && inside(r)) : undefined);
    if (meeting) { m.value = meeting.value; m.dateText = meeting.dateText; } // the words that gave the whole span
  }
  // A year alone is dropped when the document dates something in that year more precisely at the same
  // place (or, for a year with no place, at all): "in Shanghai in 2001" next to "Shanghai, 15 June 2001".
  mentions = mentions.filter((m) => m.value.precision !== 'year' || !mentions.some((o) => o.value.precision !== 'year' && o.value.start.startsWith(m.value.start) && (!m.place || o.place?.id === m.place.id)));
  const groups = new Map<string, Mention[]>();
  for (const m of mentions) {
    const key = `${m.value.start}..${m.value.end ?? ''}`;
    const g = groups.get(key);
    if (g) g.push(m); else groups.set(key, [m]);
  }
  const events: Event[] = [];
  const byStatement = new Map(statements.map((s) => [s.id, s]));
  for (const group of groups.values()) {
    const byPlace = new Map<string, Mention[]>();
    for (const m of group) if (m.place) { const b = byPlace.get(m.place.id); if (b) b.push(m); else byPlace.set(m.place.id, [m]); }
    const unplaced = group.filter((m) => !m.place);
    const buckets: [GazetteerPlace | null, Mention[]][] = byPlace.size === 0 ? [[null, unplaced]] : [...byPlace.values()].map((ms) => [ms[0]!.place, ms]);
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
      const ev: Event = {
        id, docId, start: v.start, ...(v.end ? { end: v.end } : {}), precision: v.precision, placeId: place?.id ?? null, online: ms.some((m) => m.online),
        title: lang === 'en' ? eventTitle(best.core, best.core ? '' : best.fallback(), place?.name ?? null) : eventTitleIn(lang, best.core, best.core ? '' : best.fallback(), place), topics: eventTopics, statementIds, dateText: first.dateText, curated: false,
      };
      events.push(ev);
    }
  }
  for (const s of statements) s.eventIds = [...new Set(s.eventIds)].sort();
  return events.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.id < b.id ? -1 : 1));
}
