/**
 * Stage: what a document says about itself before its sentences are read: front matter, language,
 * datelines, title, kind, publication date, the year that dates without one take, the city its title
 * names, and which lines are stamps or signatures. Pure. Called by document.ts.
 */
import { findDates, mayContainDate, parseIso, type YMD } from './dates.ts';
import { datelineByWeekday } from './dates-en.ts';
import type { Gazetteer, GazetteerPlace } from './gazetteer.ts';
import { dateLines, frontMatter, inferMeta, inferSource, MetaSideFile, type DocMeta } from './meta.ts';
import { findDateline, findPlaces, type Dateline, type PlaceMention, type RejectedPlace } from './places.ts';
import { paragraphs, type Span } from './segment.ts';
import { abbreviate, reportTitle } from './doc-titles.ts';
import {
  cityOfDocumentName,
  datelineMonthLang,
  detectLang,
  findDatelineLang,
  findPlacesLang,
  firstFullDateLang,
  isInfoboxDateLang,
  overviewLang,
  ownCityLang,
  reportDateLang,
  type DateCarry,
  type Lang,
} from './lang/index.ts';
import { placeNameIn } from './lang/titles.ts';

const TITLE_CITY =
  /^(?:The\s+)?(\p{Lu}[\p{L}-]+(?:\s\p{Lu}[\p{L}-]+)?)\s+(?:Declaration|(?:Joint\s+)?Communiqu[eé]|Statement|Appeal|Address|Initiative|Summit)\b/u;

/** Everything the sentence-by-sentence reading of one document needs to know first. */
export interface DocHeader {
  /** The text with front matter blanked out (same length, so offsets still index the original). */
  text: string;
  messages: string[];
  paras: Span[];
  lang: Lang;
  placesIn: (t: string) => { mentions: PlaceMention[]; rejected: RejectedPlace[] };
  datelines: Map<number, Dateline>;
  firstDateline: [number, Dateline] | undefined;
  meta: DocMeta;
  docDate: YMD | null;
  carry: DateCarry;
  titleCity: string | undefined;
  titlePlace: GazetteerPlace | null;
  /** The publication date is a stamp's (a time of day, a byline): when the page was put up, not a meeting's day. */
  publishedByStamp: boolean;
  headline: boolean;
  docTitle: () => string;
  /** An overview or a dossier (lang/index.ts overviewLang): its dateline's day is no event. */
  overview: boolean;
  /** Offsets of dates on publication-stamp lines (never events) and on signature or date-only lines. */
  stampAt: Set<number>;
  actAt: Set<number>;
}

export function readHeader(original: string, side: MetaSideFile | null, ctx: { gaz: Gazetteer }): DocHeader {
  const { gaz } = ctx;
  const messages: string[] = [];
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
  // a city government's page says "我市" for its city (lang/zh.ts)
  const ownCity = lang === 'en' ? null : ownCityLang(lang, text, gaz);
  const placesIn = (t: string) => (lang === 'en' ? findPlaces(t, gaz) : findPlacesLang(lang, t, gaz, ownCity));

  const datelines = new Map<number, Dateline>();
  for (const p of paras) {
    const d = lang === 'en' ? findDateline(text.slice(p.start, p.end), gaz) : findDatelineLang(lang, text.slice(p.start, p.end), gaz);
    if (d) datelines.set(p.start, d);
  }
  const firstDateline = [...datelines.entries()][0];
  const datelineDate = firstDateline
    ? (findDates(text.slice(firstDateline[0], firstDateline[0] + firstDateline[1].headerEnd), null, lang, {}).mentions[0]?.value.start ??
      null)
    : null;
  const lines = dateLines(text, lang);
  const inferred = inferMeta(text, datelines.size > 0, datelineDate, lines, lang);
  // A Russian or Chinese wire under a site's ISO stamp ("发布时间：2025-09-02 08:30" over "中新网9月1日电"): its
  // dateline, not the stamp of the next morning, is the day "当天" and "вчера" count from (lang/report-year.ts).
  const datelineText = firstDateline ? text.slice(firstDateline[0], firstDateline[0] + firstDateline[1].headerEnd) : null;
  if (lang !== 'en' && lines.find((l) => l.start < 1200 && !l.aside)?.iso && reportDateLang(lang, text, inferred.title, datelineText))
    inferred.published = null;
  if (firstDateline) inferred.source = inferSource(text, text.slice(firstDateline[0], firstDateline[0] + firstDateline[1].headerEnd));
  else inferred.source = inferSource(text, '');
  const given = (m: MetaSideFile | null) => Object.fromEntries(Object.entries(m ?? {}).filter(([, v]) => v !== undefined));
  const meta: DocMeta = { ...inferred, ...given(fmMeta), ...given(side) } as DocMeta;
  let docDate: YMD | null = meta.published && meta.published.length === 10 ? parseIso(meta.published) : null;
  if (!docDate && lang === 'en' && firstDateline) {
    // "MOSCOW, November 10. /TASS/. ... on Tuesday": the year in which that day is that weekday (dates-en.ts)
    docDate = datelineByWeekday(text.slice(firstDateline[0], firstDateline[0] + firstDateline[1].headerEnd), text);
    if (docDate)
      messages.push(
        `no publication date: the dateline's day is taken in ${docDate.y}, the year near those the text names in which it falls on the weekday the text gives`,
      );
  }
  let reportDay: YMD | undefined;
  if (!docDate && lang !== 'en') {
    // "新华社青岛6月10日电 ...元首理事会第十八次会议": the year a Russian or Chinese wire says without a date (lang/report-year.ts)
    const said = reportDateLang(
      lang,
      text,
      meta.title,
      firstDateline ? text.slice(firstDateline[0], firstDateline[0] + firstDateline[1].headerEnd) : null,
    );
    if (said) {
      docDate = said.date;
      reportDay = said.day;
      messages.push(`no publication date: dates without a year take the year ${said.date.y} (${said.why})`);
    }
  }
  if (!docDate) {
    // Without a publication date, a day and month with no year ("on July 4") take the year of the
    // first full date in the text.
    const first = /\b(?:19|20)\d{2}\b/.exec(text);
    const full =
      lang !== 'en'
        ? firstFullDateLang(
            lang,
            text,
            datelineMonthLang(lang, firstDateline ? text.slice(firstDateline[0], firstDateline[0] + firstDateline[1].headerEnd) : ''),
          )
        : first
          ? findDates(text.slice(Math.max(0, first.index - 40), first.index + 10), null, lang, {}).mentions.find(
              (m) => m.value.precision === 'day',
            )
          : undefined;
    if (full) {
      docDate = parseIso(full.value.start);
      messages.push(`no publication date: dates without a year take the year ${docDate!.y}`);
    }
  }
  if (!docDate && lang === 'en') {
    // Only a stamp dates the page ("Posted On: 04 JUL 2023"): no event, but the day its "today" means (dates-en.ts)
    const stamp = findDates(text.slice(0, 2000), null).skipped.find((k) => /publication stamp/.test(k.why));
    const day = stamp ? findDates(stamp.text, null).mentions.find((m) => m.value.precision === 'day') : undefined;
    if (day) {
      docDate = parseIso(day.value.start);
      messages.push(`no publication date: dates without a year take the page's stamp, ${day.value.start}`);
    }
  }
  // Year and month carried from date to date ("6月17日", "15日"); "вчера"/"昨天" count from the report's own day.
  const carry: DateCarry = docDate ? { y: docDate.y, m: docDate.m, ...(meta.published?.length === 10 ? { anchor: docDate } : {}) } : {};
  if (lang !== 'en' && !carry.anchor && docDate && firstDateline) {
    // "新华社青岛6月10日电": a dateline without a year takes the text's year, and "昨天" counts from it
    const day = findDates(text.slice(firstDateline[0], firstDateline[0] + firstDateline[1].headerEnd), docDate, lang, { y: docDate.y })
      .mentions[0];
    if (day?.value.precision === 'day') carry.anchor = parseIso(day.value.start)!;
  }
  if (reportDay && !carry.anchor) carry.anchor = reportDay;
  let titleCity = lang === 'en' ? TITLE_CITY.exec(meta.title)?.[1] : undefined;
  let titlePlace = titleCity ? (gaz.lookup(titleCity) ?? null) : lang === 'en' ? null : cityOfDocumentName(lang, meta.title, gaz);
  if (titlePlace && lang !== 'en') titleCity = placeNameIn(lang, titlePlace);
  // A headline, not a lead sentence standing in for one: short, no date, no full stop, more text below.
  const headline = meta.title.length <= 100 && !/[.!?…。！？]$/.test(meta.title) && !mayContainDate(meta.title, lang) && paras.length > 1;
  if (!titlePlace && headline) {
    // A headline that says where: "SCO foreign ministers meet in Tianjin" (one city, after in/at)
    const said = placesIn(meta.title).mentions.filter((m) => m.preposition);
    if (said.length > 0 && said.every((m) => m.place.id === said[0]!.place.id)) {
      titlePlace = said[0]!.place;
      titleCity = said[0]!.text;
    }
  }

  // A news headline never names an event: a report's day takes the meeting its text speaks of (titles.ts).
  const docTitle = () =>
    headline && meta.kind === 'news report' ? reportTitle(text, meta.title) || meta.title : abbreviate(meta.title, text);
  const lineAt = (at: number) => text.slice(text.lastIndexOf('\n', at - 1) + 1, at);
  // "会议日期 | 2012年6月6日至7日": a row of an event page's fact table is the meeting's date, not a stamp (lang/index.ts)
  const stampAt = new Set(lines.filter((l) => l.stamp && (lang === 'en' || !isInfoboxDateLang(lang, lineAt(l.start)))).map((l) => l.start));
  const actAt = new Set(lines.filter((l) => !l.stamp).map((l) => l.start));
  return {
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
    headline,
    docTitle,
    stampAt,
    overview: lang !== 'en' && overviewLang(lang, text),
    publishedByStamp: !!meta.published && lines.some((l) => l.stamp && l.date === meta.published),
    actAt,
  };
}
