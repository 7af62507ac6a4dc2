/**
 * English date forms that chrono-node does not read, or reads as something they are not (issue 10):
 * - day ranges written with numeric months, as chronologies and event pages do: "3-4.07.2024",
 *   "29–31.10.2020" (chrono reads only the last day);
 * - days named relative to the report's own date (the dateline's): a weekday ("adopted on Tuesday",
 *   "met here on Thursday and Friday"), "the day before", "yesterday";
 * - what is not the date of an event: a publication stamp ("Updated: 2025-09-14", "Published 12 July
 *   2024", "Page last modified: 01.12.2020"), a plan ("will be published in January 2021", "is to host
 *   the next summit in 2023", "is due to meet on November 30") and a reporting period ("from May 2023
 *   to May 2024").
 * Hand-written, as the rest of dates.ts: these are conventions of SCO texts, not general date parsing.
 */
import type { DateMention, YMD } from './lang/common.ts';
import { allMatches } from './lang/matches.ts';

const pad = (n: number) => String(n).padStart(2, '0');
const isoDay = (t: number) => {
  const d = new Date(t);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
};
const DAY = 86_400_000;
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/**
 * The days of month m (1-12) of year y, as `new Date(Date.UTC(y, m, 0)).getUTCDate()` gives them, by the
 * Gregorian rule for whole years 100-9999 (the date stages ask for every day and range they read, and a Date
 * each time was ~45 ms of a 500-document cold run); anything else (Date reads years 0-99 as 1900-1999) asks Date.
 */
export const daysInMonth = (y: number, m: number) =>
  Number.isInteger(y) && y >= 100 && y <= 9999 && Number.isInteger(m) && m >= 1 && m <= 12
    ? m === 2
      ? y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0)
        ? 29
        : 28
      : MONTH_DAYS[m - 1]!
    : new Date(Date.UTC(y, m, 0)).getUTCDate();
const realDay = (y: number, m: number, d: number) => m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);

/** The days a to b of month mo of year y, as the mention `m` matched; null unless both are real days, a before b. */
function dayRange(m: RegExpExecArray, a: number, b: number, mo: number, y: number): DateMention | null {
  if (a >= b || !realDay(y, mo, a) || !realDay(y, mo, b)) return null;
  return {
    start: m.index,
    end: m.index + m[0].length,
    text: m[0],
    value: { start: `${y}-${pad(mo)}-${pad(a)}`, end: `${y}-${pad(mo)}-${pad(b)}`, precision: 'day' },
  };
}

/** "3-4.07.2024", "9-17.08.2007", "29–31.10.2020": two days of one month, the month and year written once. */
const NUMERIC_RANGE = /(?<![\d.])(\d{1,2})\s?[-–—]\s?(\d{1,2})\.(\d{1,2})\.((?:19|20)\d{2})(?![\d.]\d)/g;
export function numericDayRanges(text: string): DateMention[] {
  const out: DateMention[] = [];
  if (!/\d\s?[-–—]\s?\d{1,2}\.\d/.test(text)) return out;
  for (const m of allMatches(NUMERIC_RANGE, text)) {
    const [a, b, mo, y] = [+m[1]!, +m[2]!, +m[3]!, +m[4]!];
    const r = dayRange(m, a, b, mo, y);
    if (r) out.push(r);
  }
  return out;
}

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const WEEKDAY = '(Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)';
/** "on Tuesday", "here Monday", "on Thursday and Friday"; never "next Monday" or a weekday that heads a written date ("Fri 29th May"). */
const WEEKDAY_RE = new RegExp(
  `(?<!\\b(?:next|coming|following|last|every|each|this)\\s)\\b${WEEKDAY}(?:\\s+and\\s+${WEEKDAY})?\\b(?![,.]?\\s*(?:the\\s+)?\\d|,?\\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\\.?\\s+\\d)`,
  'g',
);
/** "met here last Wednesday": the latest such weekday before the report's own day (a week back when it is that weekday). */
const LAST_WEEKDAY = new RegExp(`\\b[Ll]ast\\s+${WEEKDAY}\\b`, 'g');
const DAY_BEFORE =
  /\b(?:[Tt]he\s+(?:day|evening|night)\s+before|[Yy]esterday|(?:On\s+|on\s+)?the\s+eve(?!\s+of)|[Tt]he\s+previous\s+day)\b/g;

/**
 * Days the text names relative to `anchor`, the report's own day (its dateline or publication date):
 * a weekday is the last such day on or before it (within a week), "the day before" and "yesterday"
 * the day before it.
 */
export function relativeDays(text: string, anchor: YMD | null): DateMention[] {
  const out: DateMention[] = [];
  if (!anchor || !/day|eve|before/i.test(text)) return out;
  const at = Date.UTC(anchor.y, anchor.m - 1, anchor.d);
  const dow = new Date(at).getUTCDay();
  const back = (name: string) => at - ((dow - WEEKDAYS.indexOf(name.toLowerCase()) + 7) % 7) * DAY;
  for (const m of allMatches(WEEKDAY_RE, text)) {
    const first = back(m[1]!);
    const second = m[2] ? back(m[2]) : null;
    const value =
      second !== null && second === first + DAY
        ? { start: isoDay(first), end: isoDay(second), precision: 'day' as const }
        : { start: isoDay(first), precision: 'day' as const };
    if (second !== null && second !== first + DAY) continue; // "Monday and Thursday": two days, too loose to guess
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0], value });
  }
  for (const m of /ast\s/.test(text) ? allMatches(LAST_WEEKDAY, text) : []) {
    const t = back(m[1]!);
    out.push({
      start: m.index,
      end: m.index + m[0].length,
      text: m[0],
      value: { start: isoDay(t === at ? t - 7 * DAY : t), precision: 'day' },
    });
  }
  for (const m of allMatches(DAY_BEFORE, text))
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0], value: { start: isoDay(at - DAY), precision: 'day' } });
  return out;
}

const MONTHS_EN = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const MONTH_NAME = '(January|February|March|April|May|June|July|August|September|October|November|December)';
/** A month as datelines write it, in full or cut ("Sept. 17", "Aug 31"). */
const MONTH_ABBR =
  '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';
/** "in November last year", "last July": a month counted back from the report's own date. */
const LAST_MONTH = new RegExp(`\\b(?:${MONTH_NAME}\\s+(?:of\\s+)?last\\s+year|[Ll]ast\\s+${MONTH_NAME})\\b`, 'g');
/** "last month", "a month ago": the month before the report's own. */
const MONTH_BACK = /\b(?:last\s+month|(?:a|one)\s+month\s+ago)\b/gi;
/** "was held ... today" in a dated release: the release's own day (never "today's world" or a sentence opening "Today,"). */
const TODAY =
  /\b(?:held|chaired|hosted|met|signed|adopted|opened|closed|took\s+place|attended|addressed|launched|approved)\b[^.;!?]{0,80}?\b(today)\b(?!['’]s)/g;

/** Months and days counted back from the report's own day: "in November last year", "last July", "... held today". */
export function relativeMonths(text: string, anchor: YMD | null): DateMention[] {
  const out: DateMention[] = [];
  if (!anchor || !/last|today|ago/i.test(text)) return out;
  for (const m of allMatches(LAST_MONTH, text)) {
    const mo = MONTHS_EN.indexOf((m[1] ?? m[2])!.toLowerCase()) + 1;
    const y = m[1] ? anchor.y - 1 : mo < anchor.m ? anchor.y : anchor.y - 1;
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0], value: { start: `${y}-${pad(mo)}`, precision: 'month' } });
  }
  for (const m of allMatches(MONTH_BACK, text)) {
    const t = new Date(Date.UTC(anchor.y, anchor.m - 2, 1));
    out.push({
      start: m.index,
      end: m.index + m[0].length,
      text: m[0],
      value: { start: `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}`, precision: 'month' },
    });
  }
  for (const m of allMatches(TODAY, text)) {
    const at = m.index + m[0].length - m[1]!.length;
    out.push({ start: at, end: at + 5, text: m[1]!, value: { start: `${anchor.y}-${pad(anchor.m)}-${pad(anchor.d)}`, precision: 'day' } });
  }
  return out;
}

/** A treaty's entry into force ("entered into force on 19 September 2003") happens at no place, whatever city its clause names. */
export const inForceEn = (text: string, m: DateMention) =>
  /\b(?:entered|enters|came|comes|coming|entering)\s+into\s+(?:full\s+)?(?:force|effect)\s+(?:on|in|from|as\s+of)?\s*$|\btook\s+effect\s+(?:on|in|from)?\s*$/i.test(
    text.slice(Math.max(0, m.start - 40), m.start),
  );

/** A fact table's date row ("When: 20–21 May 2024", "Dates | …", "Date" over its value) and its place row ("Where: Astana"). */
export const INFOBOX_DATE_EN = /^\W*(?:Dates?|When|Held)\W*(?:[|:]|\n|$)/i;
const INFOBOX_PLACE_EN = /^\W*(?:City|Where|Venue|Place|Location)\s*(?:[|:]\s*|\n)([^\n]+)/im;
/** The text of the place row among the few lines after a date row, or null. */
export function infoboxPlaceRowEn(after: string): string | null {
  return INFOBOX_PLACE_EN.exec(after.slice(0, 300))?.[1] ?? null;
}

/** "in this same city", "here in this capital": the city the speech or report itself is in (its date line's or dateline's). */
export const inThisCity = (clause: string) => /\b(?:in|at)\s+this\s+(?:same\s+|very\s+)?(?:city|capital|town)\b/i.test(clause);

/** A date the text counts from the report's own day, or says happened "here": it took place at the dateline's city. */
export function atDateline(text: string, m: DateMention): boolean {
  return (
    /^(?:(?:last\s+)?(?:Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)|the\s+day\s+before|yesterday|today)\b/i.test(m.text) ||
    /\bhere\s+(?:on\s+|in\s+|at\s+)?(?:the\s+)?$/i.test(text.slice(Math.max(0, m.start - 16), m.start))
  );
}

const COUNT: Record<string, number> = { a: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };
/**
 * "last year's meeting of heads of government in Bishkek on October 26": a sentence that speaks of last
 * year and writes no year puts its days and months in the year before the report's, not the report's own.
 */
export function inLastYear(text: string, mentions: DateMention[], docYear: number): void {
  if (/(?:19|20)\d{2}/.test(text)) return;
  // the whole sentence after "last year's"; only the words just after "last year," or "a year ago" (not "over
  // the last year", the twelve months to now, nor a sentence that sets "this year" beside it)
  let from = 0;
  let to = text.length;
  if (!/\b[Ll]ast\s+year['’]s\b/.test(text)) {
    const said = /(?<!\bthe\s)\b[Ll]ast\s+year\b|\b(?:[Aa]|[Oo]ne)\s+year\s+ago\b/.exec(text);
    if (!said || /\bthis\s+year\b/i.test(text)) return;
    from = said.index + said[0].length;
    to = from + 80;
  }
  const y = String(docYear);
  for (const m of mentions) {
    if (!m.value.start.startsWith(y) || m.value.precision === 'year' || m.start < from || m.start > to) continue;
    const back = String(docYear - 1);
    m.value = { ...m.value, start: back + m.value.start.slice(4), ...(m.value.end ? { end: back + m.value.end.slice(4) } : {}) };
  }
}

/** "last year", "two years ago", "a year ago": a year counted back from the report's own date. */
const YEARS_BACK = /(?<![\w-])(?:last\s+year|(a|one|two|three|four|five|six|seven|eight|nine|ten|[1-9]\d?)\s+years?\s+ago)\b/gi;
/**
 * Years the text counts back from `anchor`, the report's own date: "became full members last year",
 * "expanded to include India and Pakistan two years ago". Year precision, read as a year alone is (the
 * caller keeps one only when its clause says something happened then).
 */
export function relativeYears(text: string, anchor: YMD | null): DateMention[] {
  const out: DateMention[] = [];
  if (!anchor || !/last\s+year|years?\s+ago/i.test(text)) return out;
  for (const m of allMatches(YEARS_BACK, text)) {
    const n = m[1] ? (COUNT[m[1].toLowerCase()] ?? +m[1]) : 1;
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0], value: { start: String(anchor.y - n), precision: 'year' } });
  }
  return out;
}

/**
 * "in January", "in September of that year", "in June this year": a month with no year written. It takes
 * the one year the sentence names (the caller's `sentenceYear`); with none, the report's own date's, and
 * only for a month not after the report's (what a report recalls already happened).
 */
const MONTH_NO_YEAR = new RegExp(
  `\\b(?:in|since|during)\\s+(?:(?:early|late|mid)[\\s-]+)?${MONTH_NAME}\\b(?!\\s*,?\\s*\\d|\\s+(?:of\\s+)?(?:last|next)\\s+year)(?:\\s+(?:of\\s+)?(this|that|the\\s+same)\\s+year\\b)?`,
  'g',
);
export function monthsWithoutYear(text: string, sentenceYear: number | null, anchor: YMD | null): DateMention[] {
  const out: DateMention[] = [];
  for (const m of allMatches(MONTH_NO_YEAR, text)) {
    const mo = MONTHS_EN.indexOf(m[1]!.toLowerCase()) + 1;
    const which = m[2]?.toLowerCase();
    const y = which === 'this' ? anchor?.y : (sentenceYear ?? (anchor && !which && mo <= anchor.m ? anchor.y : undefined));
    if (!y) continue;
    const start = m.index + m[0].indexOf(m[1]!, 2);
    out.push({
      start,
      end: m.index + m[0].length,
      text: text.slice(start, m.index + m[0].length),
      value: { start: `${y}-${pad(mo)}`, precision: 'month' },
    });
  }
  return out;
}

/**
 * "21-23 October 2020": two days of one month, the month and year written once, as chrono reads them
 * (tests/unit/pipeline/dates-ranges.test.ts holds the two to the same answers). Only this plain form,
 * a hyphen or an en dash and single spaces; ordinals, other spacing and other words are left to chrono.
 * Why: in a generated 1,000-document corpus chrono's time went mostly on windows with such a range
 * (~2,200 of its ~3,200 readings), and nothing else near it needs chrono once it is read here.
 */
const DAY_RANGE_IN_MONTH = new RegExp(`(?<![^\\s(])(\\d{1,2})[-–](\\d{1,2}) ${MONTH_NAME} ((?:19|20)\\d{2})\\b`, 'g');
export function dayRangesInMonth(text: string): DateMention[] {
  const out: DateMention[] = [];
  for (const m of allMatches(DAY_RANGE_IN_MONTH, text)) {
    const [a, b, mo, y] = [+m[1]!, +m[2]!, MONTHS_EN.indexOf(m[3]!.toLowerCase()) + 1, +m[4]!];
    const r = dayRange(m, a, b, mo, y);
    if (r) out.push(r);
  }
  return out;
}

/**
 * "In June 2007 the member states ...": a month with only a year, after "in". Strict chrono reads nothing
 * in it (tests/unit/pipeline/dates-month-year.test.ts holds it to that), and readMonths in dates.ts
 * read it after chrono as the same month; yet each opened a window chrono parsed for nothing: on the
 * generated corpus 3,205 of its 3,532 windows, nearly all of this form. dates.ts reads these first.
 */
const IN_MONTH_YEAR = new RegExp(`\\b[Ii]n ${MONTH_NAME} ((?:19|20)\\d{2})(?![\\d\\w]|[-–—/.:,]?\\d)`, 'g');
export function inMonthYear(text: string): DateMention[] {
  const out: DateMention[] = [];
  for (const m of allMatches(IN_MONTH_YEAR, text)) {
    const end = m.index + m[0].length;
    const start = end - m[1]!.length - m[2]!.length - 1;
    const mo = MONTHS_EN.indexOf(m[1]!.toLowerCase()) + 1;
    out.push({ start, end, text: text.slice(start, end), value: { start: `${m[2]}-${pad(mo)}`, precision: 'month' } });
  }
  return out;
}

/** "from 4 to 5 May", "on 15 and 16 September last year": a range of days with no year written (the document's, or the one before). */
const DAYS_NO_YEAR = new RegExp(
  `\\b(\\d{1,2})(?:st|nd|rd|th)?\\s*(?:[-–—]|\\s(?:to|and|until|till)\\s)\\s*(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH_NAME}\\b(?!\\.?,?\\s*\\d)(\\s+last\\s+year)?`,
  'g',
);
export function dayRangesWithoutYear(text: string, year: number | null): DateMention[] {
  const out: DateMention[] = [];
  if (year === null) return out;
  for (const m of allMatches(DAYS_NO_YEAR, text)) {
    const [a, b, mo] = [+m[1]!, +m[2]!, MONTHS_EN.indexOf(m[3]!.toLowerCase()) + 1];
    const y = m[4] ? year - 1 : year;
    if (a >= b || !realDay(y, mo, a) || !realDay(y, mo, b) || (/\sand\s/.test(m[0]) && b !== a + 1)) continue;
    out.push({
      start: m.index,
      end: m.index + m[0].length,
      text: m[0],
      value: { start: `${y}-${pad(mo)}-${pad(a)}`, end: `${y}-${pad(mo)}-${pad(b)}`, precision: 'day' },
    });
  }
  return out;
}

/** (A module constant: see titles.ts on patterns with \p{…}.) */
const BRACKET_YEAR = /(?<=\p{Lu}[\p{L}-]+\s\()((?:19|20)\d{2})(?=\))/gu;
/**
 * "Almaty (1998), Bishkek (1999)": years in brackets right after names, as lists of meetings write
 * them — two or more in the sentence; one alone is more often an edition ("Health Regulations (2005)").
 */
export function bracketYears(text: string): RegExpExecArray[] {
  const found = text.includes('(') ? allMatches(BRACKET_YEAR, text) : [];
  return found.length >= 2 ? found : [];
}

/**
 * A wire's dateline gives a day with no year ("MOSCOW, November 10. /TASS/.") and its text the weekday
 * ("adopted ... on Tuesday"): the year is the one, among those the text names and their neighbours,
 * in which that day falls on that weekday. Null when none or several fit.
 */
export function datelineByWeekday(header: string, text: string): YMD | null {
  const md = new RegExp(`\\b${MONTH_ABBR}\\.?\\s+(\\d{1,2})\\b|\\b(\\d{1,2})\\s+${MONTH_ABBR}\\b`).exec(header);
  const wd = new RegExp(`\\bon\\s+${WEEKDAY}\\b`).exec(text.slice(0, 3000));
  if (!md || !wd) return null;
  const mo = MONTHS_EN.findIndex((n) => n.startsWith((md[1] ?? md[4])!.slice(0, 3).toLowerCase())) + 1;
  const d = +(md[2] ?? md[3])!;
  const dow = WEEKDAYS.indexOf(wd[1]!.toLowerCase());
  const named = allMatches(/\b((?:19|20)\d{2})\b/g, text).map((m) => +m[1]!);
  const years = new Set(named.flatMap((y) => [y - 1, y, y + 1]));
  const fit = [...years].filter((y) => realDay(y, mo, d) && new Date(Date.UTC(y, mo - 1, d)).getUTCDay() === dow);
  if (fit.length <= 1) return fit.length ? { y: fit[0]!, m: mo, d } : null;
  // several fit (17 September was a Friday in 2004 and 2021): a report is written near the latest year it names
  const latest = Math.max(...named);
  const near = fit.map((y) => Math.abs(latest - y)).sort((a, b) => a - b);
  return near[0]! < near[1]! ? { y: fit.find((y) => Math.abs(latest - y) === near[0])!, m: mo, d } : null;
}

/**
 * Month names in capitals next to a day or year ("04 JUL 2023", "JULY 4, 2023"), as government sites
 * print them, in the case the parsers read ("04 Jul 2023"). Same length, so offsets hold.
 */
const CAPS_MONTH =
  /(?<=\b\d{1,2}\s+)(?:JAN|FEB|MAR|APR|MAY|JUNE?|JULY?|AUG|SEPT?|OCT|NOV|DEC)(?:UARY|RUARY|CH|IL|UST|EMBER|OBER)?\b|\b(?:JAN|FEB|MAR|APR|MAY|JUNE?|JULY?|AUG|SEPT?|OCT|NOV|DEC)(?:UARY|RUARY|CH|IL|UST|EMBER|OBER)?(?=\.?\s+\d)/g;
export function titleCaseMonths(text: string): string {
  return /[A-Z]{3}/.test(text) ? text.replace(CAPS_MONTH, (m) => m[0] + m.slice(1).toLowerCase()) : text;
}

/** Words before a date that make it a stamp on the page, not a happening (a byline too: "By our Staff Reporter · October 21, 2024"). */
const STAMP_BEFORE =
  /(?:\b(?:Updated|Published|Posted|Modified|Revised|Released|Issued|Last\s+(?:updated|revised|modified|edited|reviewed)|Page\s+last\s+(?:updated|modified|revised)|Last\s+check(?:ed)?(?:\s+of\s+the\s+sources)?|As\s+of|Date\s+of\s+publication|Publication\s+date|Accessed|Retrieved)(?:\s+(?:on|at))?\s*[:|·–—-]?\s*|\bBy\s+[A-Za-z .'’-]{2,40}?\s*[·|]\s*)$/i;
/** Words that make what follows something planned (at the time of writing), not something that happened. */
const PLAN =
  /\b(?:will|shall|(?:is|are|was|were)\s+(?:to|due\s+to|expected\s+to|scheduled\s+to|set\s+to|planned\s+to|foreseen\s+to|supposed\s+to|going\s+to)|(?:is|are)\s+(?:scheduled|planned|foreseen|expected|due)|to\s+be\s+(?:held|convened|published|hosted|opened)|upcoming|(?:had\s+)?originally\s+been\s+planned|(?:proposal|proposes|proposed|plans?|intends?|intention)\s+to\s+(?:hold|host|convene|organi[sz]e|stage)|deadline|\b(?:we|I)\s+(?:expect|hope|intend)\b|(?:registration|accreditation|applications?)\s+(?:closes|closed|close|opens|opened|ends|ended|is\s+open|was\s+open))\b/gi;
/** A verb that says it did happen, between the plan word and the date: "will welcome the summit held on ...". */
const HAPPENED_BETWEEN = /(?<!\bbe\s)\b(?:held|adopted|signed|approved|took\s+place|hosted|convened|established|founded|launched|met)\b/i;
function planned(clause: string): boolean {
  const last = allMatches(PLAN, clause).pop();
  if (!last) return false;
  const between = clause.slice(last.index + last[0].length);
  return between.replace(/\s+/g, ' ').trim().length <= 150 && !HAPPENED_BETWEEN.test(between);
}

/**
 * Why a date found in `text` is not the date of an event, or null: a publication stamp, a plan, or a
 * reporting period between two months ("from May 2023 to May 2024").
 */
export function notAnEvent(text: string, m: DateMention, all: readonly DateMention[]): string | null {
  const before = text.slice(Math.max(0, m.start - 160), m.start);
  if (STAMP_BEFORE.test(before)) return 'a publication stamp, not a dated event';
  // "Abstracts due by 15 February 2026", "no later than 30 September": the day something must be done by
  if (/\b(?:by|no\s+later\s+than|not\s+later\s+than)\s+$/i.test(before)) return 'a deadline, not a dated event';
  // the clause before the date only: "The leaders, who will meet again in 2025, signed on 4 July 2024" keeps 4 July
  // (a name in brackets does not end the clause: "will chair the 21st meeting of ... (SCO) via video link on Tuesday")
  const clause = before
    .replace(/\([^()]*\)/g, (b) => ' '.repeat(b.length))
    .split(/[;:()]|,\s+(?:and|while|which|who)\s|(?<!\b(?:St|Mr|Mrs|Ms|Dr|Gen|Prof|No|Mt|Jan|Feb|Aug|Sept?|Oct|Nov|Dec))\.\s/)
    .pop()!;
  if (planned(clause)) return 'a plan at the time of writing, not a dated event';
  // "to mark the 20th anniversary of the SCO in 2021": the year an anniversary falls in; what marks it has its own date
  if (/\banniversary\s+of\s+(?:the\s+)?[\p{L}\s'’-]{1,50}?\s+(?:in|on)\s+$/iu.test(clause)) return 'an anniversary, not a happening';
  if (m.value.precision === 'month') {
    const from = /\bfrom\s+$/i.test(before);
    const to = all.find(
      (o) => o.start > m.end && o.value.precision === 'month' && /^\s+(?:to|until|till|through)\s+$/i.test(text.slice(m.end, o.start)),
    );
    const after = all.find(
      (o) =>
        o.end < m.start &&
        o.value.precision === 'month' &&
        /^\s+(?:to|until|till|through)\s+$/i.test(text.slice(o.end, m.start)) &&
        /\bfrom\s+$/i.test(text.slice(Math.max(0, o.start - 8), o.start)),
    );
    if ((from && to) || after) return 'a period between two months (a term or a report), not a dated event';
  }
  return null;
}
