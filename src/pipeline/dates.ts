/**
 * Stage 3: find dates in a sentence.
 *
 * chrono-node (en-GB) does the parsing. Around it we add only what it gets wrong or misses
 * (see the tests): "between 23 and 27 May 2020" is a range, a day and month without a year takes the
 * document's year (chrono picks the nearest year, and reads "May 31" as May 2031), relative words
 * ("today") and times are not dates of events, and periods of years ("for 2019-2021") are reported as
 * skipped rather than taken as events. A cheap pre-filter keeps chrono off text with no month or ISO
 * date in it, which is most text.
 */
import * as chrono from 'chrono-node/en';
import type { ParsedComponents } from 'chrono-node';

/**
 * chrono's strict mode with day-month order (en-GB): it leaves out the casual parsers ("today",
 * "3 days ago"), which we would discard anyway and whose huge patterns cost ~300 ms to warm up.
 */
const parser = new chrono.Chrono(chrono.configuration.createConfiguration(true, true));
import type { Precision } from '../contract/schema.ts';
import {
  dayRangesInMonth,
  daysInMonth,
  dayRangesWithoutYear,
  inLastYear,
  inMonthYear,
  monthsWithoutYear,
  notAnEvent,
  numericDayRanges,
  relativeDays,
  relativeMonths,
  titleCaseMonths,
} from './dates-en.ts';
import { findDatesLang, mayContainDateLang, type DateCarry, type Lang } from './lang/index.ts';
import { MONTH, maybeDateEn, MONTH_WORD, NUMERIC_DATE } from './dates-precheck.ts';
// The cheap checks of whether text may hold a date live in dates-precheck.ts; re-exported here for the stages.
export { noDateWordsEn } from './dates-precheck.ts';
import { findPeriods, saneYear } from './years.ts';
// Years alone and periods of years are read by years.ts; re-exported here for the stages.
export { findPeriods, findYears } from './years.ts';

// The shapes every language's date finder returns live in lang/common.ts, so that the per-language
// modules need nothing from this one (no import circle); re-exported here for the stages.
import type { DateMention, DateValue, SkippedDate, YMD } from './lang/common.ts';
import { allMatches } from './lang/matches.ts';
export type { DateMention, DateValue, SkippedDate, YMD };

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/** Anything chrono could turn into a calendar date has a month name, an ISO date or a numeric date. */
const MAYBE_DATE = new RegExp(`\\b${MONTH}\\b|\\b\\d{4}-\\d{2}-\\d{2}\\b|\\b\\d{1,2}[./]\\d{1,2}[./]\\d{4}\\b|\\b\\d{4}/\\d{2}/\\d{2}\\b`);
const YMD_SLASH = /\b((?:19|20)\d{2})\/(\d{2})\/(\d{2})\b/g;
const RELATIVE = /\b(?:today|tonight|tomorrow|yesterday|now|ago|last|next|this|coming|past|later|earlier)\b/i;
const ORD = '(?:st|nd|rd|th)?';
const YEAR = '((?:19|20)\\d{2})';
const DAYS_AND = new RegExp(`(\\bbetween\\s+)?\\b(\\d{1,2})${ORD}\\s+and\\s+(\\d{1,2})${ORD}\\s+(${MONTH})\\.?,?\\s+${YEAR}\\b`, 'g');
const MONTH_DAYS_AND = new RegExp(`\\b(${MONTH})\\.?\\s+(\\d{1,2})${ORD}\\s+and\\s+(\\d{1,2})${ORD},?\\s+${YEAR}\\b`, 'g');
const TO = '\\s*(?:[-–—]|\\s(?:to|until|till|through)\\s)\\s*';
const CROSS_MONTH = new RegExp(`\\b(\\d{1,2})${ORD}\\s+(${MONTH})\\.?${TO}(\\d{1,2})${ORD}\\s+(${MONTH})\\.?,?\\s+${YEAR}\\b`, 'g');
/** "from Aug. 31 to Sept. 1" (news style, the year often left out): chrono reads two single days. */
const MONTH_DAY_CROSS = new RegExp(
  `\\b(${MONTH})\\.?\\s+(\\d{1,2})${ORD}${TO}(${MONTH})\\.?\\s+(\\d{1,2})${ORD}\\b(?:,?\\s+${YEAR}\\b)?`,
  'g',
);
const DAY_MONTH_YEAR = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(${MONTH})\\.?,?\\s+((?:19|20)\\d{2})\\b`, 'g');
const MONTH_YEAR = new RegExp(`(^|[^\\d\\w]\\s?|[^\\d]\\s{2,})(${MONTH})\\.?,?\\s+((?:19|20)\\d{2})\\b(?![-–]\\d)`, 'g');
const MONTH_DAY = new RegExp(`(^|\\W)(${MONTH})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?!\\s*[,.]?\\s*\\d)(?![:.]\\d)`, 'g');
/** "15 June 2001" (after a weekday too, as chrono reads it), "June 15, 2001", "2001-06-15" (groups 1-3, 4-6, 7-9). */
const PLAIN_DATE = new RegExp(
  `\\b(?:(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\\.?,?\\s+(?:the\\s+)?)?(\\d{1,2})(?:st|nd|rd|th)?\\s+(${MONTH})\\.?,?\\s+((?:19|20)\\d{2})|(${MONTH})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+((?:19|20)\\d{2})|((?:19|20)\\d{2})-(\\d{2})-(\\d{2}))\\b(?![-–—/.:]\\d)`,
  'g',
);
const RANGE_BEFORE = new RegExp(`(?:\\d|${MONTH}\\.?)\\s*(?:[-–—&]|\\b(?:to|until|till|through|and)\\b)\\s*$|\\d[-–—/.:]$`, 'i');
const RANGE_AFTER = /^\s*(?:[-–—]|\b(?:to|until|till|through)\b)\s*\d|^(?:\s*,?\s*(?:at\s+)?\d{1,2}[:.]\d{2})|^T\d/i;
const LEADING_WORDS = /^(?:(?:on|from|in|at|of|since|by|dated|the|until|till)\s+)+/i;

const pad = (n: number) => String(n).padStart(2, '0');
const monthIndex = (name: string) => MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
export const iso = (y: number, m?: number, d?: number) => (m ? (d ? `${y}-${pad(m)}-${pad(d)}` : `${y}-${pad(m)}`) : `${y}`);

/** The precision a partial ISO date is written at. */
export const precisionOf = (s: string): Precision => (s.length >= 10 ? 'day' : s.length === 7 ? 'month' : 'year');

export function parseIso(s: string | null | undefined): YMD | null {
  const m = s ? /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(s) : null;
  return m ? { y: +m[1]!, m: m[2] ? +m[2] : 1, d: m[3] ? +m[3] : 1 } : null;
}

const MAYBE_DATE_ALL = new RegExp(MAYBE_DATE.source, 'g');

/** True when some text in the string may be a date worth parsing (cheap). */
export const mayContainDate = (text: string, lang: Lang = 'en') => (lang === 'en' ? maybeDateEn(text) : mayContainDateLang(lang, text));
/** What a date chrono reads must show: a month's name, an ISO date or a numeric one (not only a time or a weekday). */
const CALENDAR_DATE = new RegExp(`${MONTH}|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}[./]\\d{1,2}[./]\\d{4}`);

/**
 * chrono over the text near each month name or numeric date only (windows of a few words each side,
 * merged when they touch): its cost grows with the length of what it reads, and sentences are long.
 */
interface Found {
  index: number;
  text: string;
  start: ParsedComponents;
  end: ParsedComponents | null;
}
function parseWindows(text: string, ref: Date, known: DateMention[]): Found[] {
  const windows: [number, number][] = [];
  for (const m of allMatches(MAYBE_DATE_ALL, text)) {
    if (known.some((k) => k.start <= m.index && m.index < k.end)) continue; // already read by a hand pattern
    let a = Math.max(0, m.index - 40);
    let b = Math.min(text.length, m.index + m[0].length + 45);
    while (a > 0 && !/\s/.test(text[a - 1]!)) a--;
    while (b < text.length && !/\s/.test(text[b]!)) b++;
    const last = windows[windows.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else windows.push([a, b]);
  }
  const out: Found[] = [];
  for (const [a, b] of windows) {
    for (const r of parser.parse(text.slice(a, b), ref)) out.push({ index: r.index + a, text: r.text, start: r.start, end: r.end ?? null });
  }
  return out;
}

function valueFromComponents(
  c: ParsedComponents,
  text: string,
  docDate: YMD | null,
  rangeEnd?: ParsedComponents,
): { ymd: YMD; precision: Precision } | string {
  let y = c.get('year')!;
  const m = c.get('month')!;
  let d = c.get('day')!;
  const dayKnown = c.isCertain('day');
  if (c.isCertain('year') && !text.includes(String(y))) {
    // chrono read "May 31" as May 2031: the "year" is really the day.
    const dayOnly = /\b(\d{1,2})\b/.exec(text);
    if (!dayOnly) return 'unclear year';
    d = +dayOnly[1]!;
    if (!docDate) return 'day and month without a year, and the document has no date';
    y = docDate.y;
    if (y < 1000 || y > 2999) return 'a year outside 1000–2999';
    if (d > daysInMonth(y, m)) return 'not a real calendar date';
    return { ymd: { y, m, d }, precision: 'day' };
  }
  if (!c.isCertain('year') && rangeEnd?.isCertain('year')) {
    // "30 November to 2 December 2022": the start takes the end's year (or the one before).
    y = rangeEnd.get('year')! - (m > rangeEnd.get('month')! ? 1 : 0);
  } else if (!c.isCertain('year')) {
    if (!docDate) return 'day and month without a year, and the document has no date';
    y = docDate.y;
  }
  // Found by the property test (tests/unit/pipeline-property.test.ts): "0 May 0000 May 31" gave year 0,
  // written "0-05-31", which the contract rejects, and one such document stopped the whole run.
  if (y < 1000 || y > 2999) return 'a year outside 1000–2999';
  if (dayKnown && d > daysInMonth(y, m)) return 'not a real calendar date';
  return { ymd: { y, m, d }, precision: dayKnown ? 'day' : 'month' };
}

const asIso = (v: { ymd: YMD; precision: Precision }) => (v.precision === 'day' ? iso(v.ymd.y, v.ymd.m, v.ymd.d) : iso(v.ymd.y, v.ymd.m));

/**
 * Dates in `text` (one sentence or line). Offsets are relative to `text`.
 * `docDate` gives the year to dates written without one ("on July 4").
 */
export function findDates(
  text: string,
  docDateIn: YMD | null,
  lang: Lang = 'en',
  carry?: DateCarry,
): { mentions: DateMention[]; skipped: SkippedDate[] } {
  // Russian and Chinese have their own modules (lang/); `carry` takes year and month from date to date.
  if (lang !== 'en') {
    const r = findDatesLang(lang, text, docDateIn?.y ?? null, carry ?? (docDateIn ? { y: docDateIn.y, m: docDateIn.m } : {}));
    const periods = findPeriods(text).filter((p) => !r.mentions.some((m) => m.start < p.end && p.start < m.end));
    return periods.length ? { mentions: r.mentions, skipped: [...periods, ...r.skipped].sort((a, b) => a.start - b.start) } : r;
  }
  text = titleCaseMonths(text); // "04 JUL 2023"
  const mentions: DateMention[] = [];
  const skipped: SkippedDate[] = findPeriods(text);
  if (!MONTH_WORD.test(text) && !NUMERIC_DATE.test(text))
    // (MAYBE_DATE, one alternative at a time: quicker, as maybeDateEn)
    return {
      mentions: [...relativeDays(text, docDateIn), ...relativeMonths(text, docDateIn)]
        .filter((m) => !notAnEvent(text, m, []))
        .sort((a, b) => a.start - b.start),
      skipped,
    };
  // "In 2019 the summit took place in Bishkek (13–14 June)": a lone year in the sentence beats the document's.
  // (not a target or a period's end: "approved the Development Strategy until 2025" leaves "On 10 July" in the document's year)
  const years = new Set(
    allMatches(/(?<![\d-–])(?<!\b(?:until|till|through|by|to|for|before)\s)(?:19|20)\d{2}(?![\d-–])/g, text).map((m) => +m[0]),
  );
  const docDate: YMD | null = years.size === 1 ? { y: [...years][0]!, m: docDateIn?.m ?? 1, d: docDateIn?.d ?? 1 } : docDateIn;

  readHandPatterns(text, docDate, mentions, skipped);
  readWithChrono(text, docDate, mentions, skipped);
  readMonths(text, docDate, years.size === 1 ? [...years][0]! : null, carry, mentions, skipped);
  if (docDate && years.size === 0) inLastYear(text, mentions, docDate.y); // "last year's meeting ... on October 26"
  // Days named from the report's own date ("on Tuesday", "the day before"); then what is no event's date:
  // a publication stamp, a plan, a reporting period (dates-en.ts).
  const free = (a: number, b: number) => !mentions.some((x) => x.start < b && a < x.end) && !skipped.some((x) => x.start < b && a < x.end);
  // (not "last month" of "met in Astana last month, on May 21": a day of the same sentence dates that month)
  const dated = (r: DateMention) => r.value.precision === 'month' && mentions.some((d) => d.value.start.startsWith(`${r.value.start}-`));
  for (const r of [...relativeDays(text, docDateIn), ...relativeMonths(text, docDateIn)])
    if (free(r.start, r.end) && !dated(r)) mentions.push(r);
  const notEvent = mentions.map((m) => notAnEvent(text, m, mentions));
  for (let i = mentions.length - 1; i >= 0; i--)
    if (notEvent[i]) {
      const [m] = mentions.splice(i, 1);
      skipped.push({ start: m!.start, end: m!.end, text: m!.text, why: notEvent[i]! });
    }
  // A date inside a web address ("https://.../2024/07/04/...") is part of the address.
  if (text.includes('://') || text.includes('www.')) {
    const urls = allMatches(/(?:https?:\/\/|www\.)\S+/g, text).map((u) => [u.index, u.index + u[0].length] as const);
    const inUrl = (m: { start: number; end: number }) => urls.some(([a, b]) => m.start < b && a < m.end);
    return { mentions: mentions.filter((m) => !inUrl(m)).sort((a, b) => a.start - b.start), skipped: skipped.filter((m) => !inUrl(m)) };
  }
  mentions.sort((a, b) => a.start - b.start);
  return { mentions, skipped };
}

/*
 * The English reading in steps, each a function of its own (findDates calls them in this order, each
 * adding to `mentions` and `skipped`): as one body, V8 spent a large part of a cold run re-optimising it.
 */

/** Ranges and plain dates read by hand patterns, before chrono. */
function readHandPatterns(text: string, docDate: YMD | null, mentions: DateMention[], skipped: SkippedDate[]): void {
  for (const m of allMatches(DAY_MONTH_YEAR, text)) {
    const y = +m[3]!;
    const mo = monthIndex(m[2]!);
    if (+m[1]! > daysInMonth(y, mo) || +m[1]! === 0)
      skipped.push({ start: m.index, end: m.index + m[0].length, text: m[0], why: 'not a real calendar date' });
  }
  // chrono reads "between 23 and 27 May 2020" (and "9 and 10 June 2018") as the single last day, and
  // "31 August-1 September 2025" as 1 September only.
  const add = (start: number, end: number, value: DateValue) => {
    if (!mentions.some((x) => x.start < end && start < x.end)) mentions.push({ start, end, text: text.slice(start, end), value });
  };
  for (const r of numericDayRanges(text)) add(r.start, r.end, r.value); // "3-4.07.2024"
  for (const r of dayRangesWithoutYear(text, docDate?.y ?? null)) add(r.start, r.end, r.value); // "from 4 to 5 May"
  for (const m of allMatches(DAYS_AND, text)) {
    const [, between, a, b, month, year] = m;
    const y = +year!;
    const mo = monthIndex(month!);
    const d1 = +a!;
    const d2 = +b!;
    if (d1 < 1 || d2 > daysInMonth(y, mo) || d1 >= d2) continue;
    const start = m.index + (between ? between.length : 0);
    const end = m.index + m[0].length;
    if (between || d2 === d1 + 1) add(start, end, { start: iso(y, mo, d1), end: iso(y, mo, d2), precision: 'day' });
    else {
      // "on 9 and 12 June 2018": two separate days
      const secondAt = m.index + m[0].indexOf(b!, m[0].indexOf(' and '));
      add(start, start + a!.length, { start: iso(y, mo, d1), precision: 'day' });
      add(secondAt, end, { start: iso(y, mo, d2), precision: 'day' });
    }
  }
  for (const m of allMatches(MONTH_DAYS_AND, text)) {
    const [, month, a, b, year] = m;
    const y = +year!;
    const mo = monthIndex(month!);
    const d1 = +a!;
    const d2 = +b!;
    if (d1 < 1 || d2 > daysInMonth(y, mo) || d1 >= d2) continue;
    add(
      m.index,
      m.index + m[0].length,
      d2 === d1 + 1 ? { start: iso(y, mo, d1), end: iso(y, mo, d2), precision: 'day' } : { start: iso(y, mo, d1), precision: 'day' },
    );
  }
  for (const m of allMatches(YMD_SLASH, text)) {
    // "2010/06/11", as Chinese and Japanese sites write dates; chrono does not read it
    const [y, mo, d] = [+m[1]!, +m[2]!, +m[3]!];
    if (mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo))
      add(m.index, m.index + m[0].length, { start: iso(y, mo, d), precision: 'day' });
  }
  for (const m of allMatches(CROSS_MONTH, text)) {
    const [, a, m1, b, m2, year] = m;
    const y2 = +year!;
    const mo1 = monthIndex(m1!);
    const mo2 = monthIndex(m2!);
    const y1 = mo1 > mo2 ? y2 - 1 : y2;
    if (+a! < 1 || +a! > daysInMonth(y1, mo1) || +b! < 1 || +b! > daysInMonth(y2, mo2)) continue;
    add(m.index, m.index + m[0].length, { start: iso(y1, mo1, +a!), end: iso(y2, mo2, +b!), precision: 'day' });
  }
  for (const m of allMatches(MONTH_DAY_CROSS, text)) {
    const [, m1, a, m2, b, year] = m;
    const y2 = year ? +year : docDate?.y;
    if (!y2) continue;
    const mo1 = monthIndex(m1!);
    const mo2 = monthIndex(m2!);
    if (mo1 === mo2) continue;
    const y1 = mo1 > mo2 ? y2 - 1 : y2;
    if (+a! < 1 || +a! > daysInMonth(y1, mo1) || +b! < 1 || +b! > daysInMonth(y2, mo2)) continue;
    add(m.index, m.index + m[0].length, { start: iso(y1, mo1, +a!), end: iso(y2, mo2, +b!), precision: 'day' });
  }
  // The plain forms most dates take ("15 June 2001", "June 15, 2001", "2001-06-15") are read here, not by
  // chrono: most of chrono's cost is trying its many patterns on every window. Anything next to a range
  // word ("15-17 June", "15 June to 2 July 2019") or a time is left to chrono, which reads those.
  const nextToRange = (start: number, end: number) =>
    RANGE_BEFORE.test(text.slice(Math.max(0, start - 24), start)) || RANGE_AFTER.test(text.slice(end, end + 16));
  for (const r of dayRangesInMonth(text)) if (!nextToRange(r.start, r.end)) add(r.start, r.end, r.value); // "21-23 October 2020"
  for (const m of allMatches(PLAIN_DATE, text)) {
    if (nextToRange(m.index, m.index + m[0].length)) continue;
    const [y, mo, d] = m[1] ? [+m[3]!, monthIndex(m[2]!), +m[1]] : m[4] ? [+m[6]!, monthIndex(m[4]!), +m[5]!] : [+m[7]!, +m[8]!, +m[9]!];
    if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) continue;
    add(m.index, m.index + m[0].length, { start: iso(y, mo, d), precision: 'day' });
  }
  // "In June 2007": a month strict chrono never reads, read here so that no chrono window opens on it (dates-en.ts)
  for (const r of inMonthYear(text))
    if (!nextToRange(r.start, r.end) && !skipped.some((x) => x.start < r.end && r.start < x.end)) add(r.start, r.end, r.value);
}

/** What chrono reads near the month names and numeric dates the hand patterns left. */
function readWithChrono(text: string, docDate: YMD | null, mentions: DateMention[], skipped: SkippedDate[]): void {
  const ref = docDate ? new Date(Date.UTC(docDate.y, docDate.m - 1, docDate.d, 12)) : new Date(Date.UTC(2000, 0, 1, 12));
  for (const r of parseWindows(text, ref, mentions)) {
    let start = r.index;
    let raw = r.text;
    const lead = LEADING_WORDS.exec(raw);
    if (lead) {
      start += lead[0].length;
      raw = raw.slice(lead[0].length);
    }
    const end = start + raw.length;
    if (mentions.some((x) => x.start < end && start < x.end)) continue;
    // chrono takes the first four digits of a longer number as the year: "1 January 10000" was 1000-01-01.
    if (/\d$/.test(raw) && /^\d/.test(text.slice(end))) {
      skipped.push({
        start,
        end: end + /^\d+/.exec(text.slice(end))![0].length,
        text: raw + /^\d+/.exec(text.slice(end))![0],
        why: 'a year outside 1000–2999',
      });
      continue;
    }
    if (!CALENDAR_DATE.test(raw)) continue; // times, weekdays
    if (RELATIVE.test(raw)) continue;
    if (!r.start.isCertain('month')) continue;
    const from = valueFromComponents(r.start, raw, docDate, r.end ?? undefined);
    if (typeof from === 'string') {
      skipped.push({ start, end, text: raw, why: from });
      continue;
    }
    const value: DateValue = { start: asIso(from), precision: from.precision };
    if (r.end) {
      const to = valueFromComponents(r.end, raw, docDate);
      if (typeof to !== 'string' && to.precision === from.precision) {
        const endIso = asIso(to);
        if (endIso > value.start) value.end = endIso;
      }
    }
    mentions.push({ start, end, text: raw, value });
  }
}

/** A month with a year, a month and day without one, a month alone ("in January"): where nothing else was read. */
function readMonths(
  text: string,
  docDate: YMD | null,
  year: number | null,
  carry: DateCarry | undefined,
  mentions: DateMention[],
  skipped: SkippedDate[],
): void {
  // Strict chrono leaves out a month with only a year ("in June 2018") and a month and day with no
  // year ("June 11"); both are plain enough to read here.
  const free = (a: number, b: number) => !mentions.some((x) => x.start < b && a < x.end) && !skipped.some((x) => x.start < b && a < x.end);
  for (const m of allMatches(MONTH_YEAR, text)) {
    const start = m.index + m[1]!.length;
    const end = m.index + m[0].length;
    if (!free(start, end)) continue;
    mentions.push({ start, end, text: text.slice(start, end), value: { start: iso(+m[3]!, monthIndex(m[2]!)), precision: 'month' } });
  }
  for (const m of allMatches(MONTH_DAY, text)) {
    const start = m.index + m[1]!.length;
    const end = m.index + m[0].length;
    if (!free(start, end)) continue;
    const mo = monthIndex(m[2]!);
    const d = +m[3]!;
    const raw = text.slice(start, end);
    if (!docDate) {
      skipped.push({ start, end, text: raw, why: 'day and month without a year, and the document has no date' });
      continue;
    }
    if (d < 1 || d > daysInMonth(docDate.y, mo)) {
      skipped.push({ start, end, text: raw, why: 'not a real calendar date' });
      continue;
    }
    mentions.push({ start, end, text: raw, value: { start: iso(docDate.y, mo, d), precision: 'day' } });
  }
  // "in January", "in September of that year": a month whose year is the sentence's one year, or the report's (dates-en.ts)
  for (const r of monthsWithoutYear(text, year, carry?.anchor ?? null)) if (free(r.start, r.end)) mentions.push(r);
  // Every path above ends here: a year outside 1000–2999 (e.g. from a document dated "0000") is not written.
  for (let i = mentions.length - 1; i >= 0; i--) {
    const v = mentions[i]!.value;
    if (!saneYear(v.start) || (v.end !== undefined && !saneYear(v.end))) {
      const [m] = mentions.splice(i, 1);
      skipped.push({ start: m!.start, end: m!.end, text: m!.text, why: 'a year outside 1000–2999' });
    }
  }
}
