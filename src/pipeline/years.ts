/**
 * Years without a day or month: a year alone as the time of something ("In 2001 the SCO was founded")
 * and periods of years ("for 2019-2021"), which are never events. Pure. Used through dates.ts.
 */
import { bracketYears, notAnEvent, relativeYears } from './dates-en.ts';
import type { DateMention, SkippedDate, YMD } from './lang/common.ts';
import { allMatches } from './lang/matches.ts';

const HAS_PERIOD = /\d{4}\s?[-–—]/;
const YEAR_PERIOD = /\b((?:19|20)\d{2})\s?[-–—]\s?((?:19|20)?\d{2})\b/g;
/** A year of four digits from 1000 to 2999 ("1 January 10000" is no date). */
export const saneYear = (isoDate: string) => /^[12]\d{3}(?:-|$)/.test(isoDate);

/** Periods of years ("for 2019-2021", "2018- 2028"): reported as skipped, never events. */
export function findPeriods(text: string): SkippedDate[] {
  const out: SkippedDate[] = [];
  if (!HAS_PERIOD.test(text)) return out;
  for (const m of allMatches(YEAR_PERIOD, text)) {
    const a = +m[1]!;
    const bRaw = m[2]!;
    const b = bRaw.length === 2 ? Math.floor(a / 100) * 100 + +bRaw : +bRaw;
    if (b > a && b - a <= 30)
      out.push({
        start: m.index,
        end: m.index + m[0].length,
        text: m[0],
        why: 'a period of years (programme, plan or term), not a dated event',
      });
  }
  return out;
}

/**
 * Years written alone as the time of something: "In 2001 the SCO was founded", "since 2017", "the
 * Qingdao summit of 2018". Only after in/since (or "<meeting> of"), never inside a full date, a period
 * ("2019-2021"), a decade ("1990s") or a name ("the 2030 Agenda"); "for 2025" (a budget) and "until
 * 2030" (a target) are not times of events. A year the sentence already gives a day or month in is
 * that date's year, not an event of its own. The caller decides whether the clause says something
 * happened. Offsets are relative to `text`.
 */
const YEAR_ALONE =
  /\b(?:(?:[Ii]n|[Ss]ince|[Dd]uring)(?:\s+the\s+year)?|(?:summit|Summit|meeting|Meeting|session|Session|forum|Forum|conference|Conference)s?\s+of)\s+((?:19|20)\d{2})\b(?!\s?[-–—/]\s?\d|['’]s|\s+(?:and|to|or)\s+\d)/g;
export function findYears(text: string, taken: DateMention[], anchor: YMD | null = null): DateMention[] {
  // "last year", "two years ago": counted back from the report's own date (dates-en.ts)
  const back = relativeYears(text, anchor);
  if (!back.length && !/(?:19|20)\d{2}/.test(text)) return [];
  const out: DateMention[] = [];
  // a day or month of that year in the same clause ("In 2019 the summit took place in Bishkek (13–14 June)"); not one
  // across ", and" or ";" ("applied for membership in 2022, and the procedure was launched in September of that year")
  const apart = (a: { start: number; end: number }, b: { start: number; end: number }) =>
    /;|,\s+(?:and|while|whereas|but)\s|\.\s/.test(text.slice(Math.min(a.end, b.end), Math.max(a.start, b.start)));
  const sameYearNear = (y: DateMention) => taken.some((d) => d.value.start.slice(0, 4) === y.value.start && !apart(d, y));
  for (const b of back) {
    if (sameYearNear(b) || taken.some((d) => d.start < b.end && b.start < d.end)) continue;
    if (!notAnEvent(text, b, [])) out.push(b);
  }
  for (const m of [...allMatches(YEAR_ALONE, text), ...bracketYears(text)]) {
    const year = m[1]!;
    const start = m.index + m[0].length - year.length;
    const end = start + year.length;
    const y: DateMention = { start, end, text: year, value: { start: year, precision: 'year' } };
    if (sameYearNear(y) || taken.some((d) => d.start < end && start < d.end) || !saneYear(year)) continue;
    if (notAnEvent(text, y, [])) continue; // "is to host the next summit in 2023"
    // "lists its regular meetings since 2018": the start of what a table or list covers, not a happening
    if (/\b(?:meetings|summits|sessions|events|talks|exercises|conferences)\s+since\s+$/i.test(text.slice(Math.max(0, start - 30), start)))
      continue;
    out.push(y);
  }
  return out;
}
