/**
 * What the per-language modules share: the language codes, the calendar helpers and the state that
 * carries a year and month from one date of a document to the next ("6月17日" and "15日" take them
 * from the text before them; "вчера" and "昨天" count from the report's dateline).
 */
import type { Precision } from '../../contract/schema.ts';

export type Lang = 'en' | 'ru' | 'zh';
export const LANGS: readonly Lang[] = ['en', 'ru', 'zh'];

/** A date as precise as its text ('YYYY-MM-DD', 'YYYY-MM' or 'YYYY'), and where in the text it was found. */
export interface DateValue {
  start: string;
  end?: string;
  precision: Precision;
}
export interface DateMention {
  start: number;
  end: number;
  text: string;
  value: DateValue;
}
export interface SkippedDate {
  start: number;
  end: number;
  text: string;
  why: string;
}
export interface YMD {
  y: number;
  m: number;
  d: number;
}

/** The running context of one document's dates, read in order. */
export interface DateCarry {
  /** Year and month of the last date read (or of the document's own date). */
  y?: number;
  m?: number;
  /** The report's own day (from its dateline): what "today"/"yesterday" count from. */
  anchor?: YMD;
  /** The last day read ("次日", the day after, counts from it across sentences). */
  last?: { value: { start: string; end?: string; precision: string } };
}

const pad = (n: number) => String(n).padStart(2, '0');
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/** Days in month m (1-12) of year y, by the Gregorian rule as Date counts them (a Date per call: 110 ms of the 1.6 s a profile of the lang-speed bench's Russian gave the date finder). */
export const daysIn = (y: number, m: number) =>
  m >= 1 && m <= 12 && Number.isInteger(m) && Number.isInteger(y) && y >= 100 && y <= 9999
    ? m === 2 && ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0)
      ? 29
      : MONTH_DAYS[m - 1]!
    : new Date(Date.UTC(y, m, 0)).getUTCDate();
export const isoOf = (y: number, m?: number, d?: number) => (m ? (d ? `${y}-${pad(m)}-${pad(d)}` : `${y}-${pad(m)}`) : `${y}`);
export const validDay = (y: number, m: number, d: number) => y >= 1000 && y <= 2999 && m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m);
/** The day before (or after, for +1) a date, as an ISO string. */
export function shiftDay(a: YMD, days: number): string {
  const t = new Date(Date.UTC(a.y, a.m - 1, a.d + days));
  return isoOf(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/**
 * The year in which a month and day lie nearest a report's own day (a report of 10 January speaks of "12月28日"
 * last year). A day ahead counts twice its distance: a report recalls more than it announces, so a year-end
 * review's "5月21日举行的外长理事会会议" is this May, not next.
 */
export function nearestYear(anchor: YMD, mo: number, d: number): number {
  const at = Date.UTC(anchor.y, anchor.m - 1, anchor.d);
  const distance = (t: number) => (t > at ? 2 * (t - at) : at - t);
  // the first of the three years at the least distance (as a stable sort by distance would give), without arrays
  let best = anchor.y - 1;
  let least = distance(Date.UTC(best, mo - 1, d));
  for (const y of [anchor.y, anchor.y + 1]) {
    const far = distance(Date.UTC(y, mo - 1, d));
    if (far < least) {
      best = y;
      least = far;
    }
  }
  return best;
}
