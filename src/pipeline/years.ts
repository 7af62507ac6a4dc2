/**
 * Years without a day or month: a year alone as the time of something ("In 2001 the SCO was founded")
 * and periods of years ("for 2019-2021"), which are never events. Pure. Used through dates.ts.
 */
import { bracketYears, notAnEvent } from './dates-en.ts';
import type { DateMention, SkippedDate } from './lang/common.ts';

const HAS_PERIOD = /\d{4}\s?[-–—]/;
const YEAR_PERIOD = /\b((?:19|20)\d{2})\s?[-–—]\s?((?:19|20)?\d{2})\b/g;
/** A year of four digits from 1000 to 2999 ("1 January 10000" is no date). */
export const saneYear = (isoDate: string) => /^[12]\d{3}(?:-|$)/.test(isoDate);

/** Periods of years ("for 2019-2021", "2018- 2028"): reported as skipped, never events. */
export function findPeriods(text: string): SkippedDate[] {
  const out: SkippedDate[] = [];
  if (!HAS_PERIOD.test(text)) return out;
  for (const m of text.matchAll(YEAR_PERIOD)) {
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
export function findYears(text: string, taken: DateMention[]): DateMention[] {
  if (!/(?:19|20)\d{2}/.test(text)) return [];
  const out: DateMention[] = [];
  const precise = new Set(taken.map((d) => d.value.start.slice(0, 4)));
  for (const m of [...text.matchAll(YEAR_ALONE), ...bracketYears(text)]) {
    const year = m[1]!;
    const start = m.index + m[0].length - year.length;
    const end = start + year.length;
    if (precise.has(year) || taken.some((d) => d.start < end && start < d.end) || !saneYear(year)) continue;
    if (notAnEvent(text, { start, end, text: year, value: { start: year, precision: 'year' } }, [])) continue; // "is to host the next summit in 2023"
    out.push({ start, end, text: year, value: { start: year, precision: 'year' } });
  }
  return out;
}
