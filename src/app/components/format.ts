/** Dates as people read them, in UTC, at the precision the source gave, in the interface language. */
import type { Event } from '../../contract/schema';
import { DAY_LONG, DAY_SHORT, MONTH_LONG, dateFormat, getLocale, t } from '../i18n';

/** A day: "9 Jun 2018", "9 июн. 2018 г.", "2018年6月9日". */
export function fmtDay(t: number): string {
  return dateFormat(DAY_SHORT).format(new Date(t));
}

/**
 * A partial date (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`), never more precise than the source: "2020",
 * "November 2020", "10 Nov 2020" (or "10 November 2020" with `long`, as the story cards show it).
 */
export function fmtPartial(s: string, style: 'short' | 'long' = 'short'): string {
  if (/^\d{4}$/.test(s)) return getLocale() === 'zh' ? `${s}年` : s;
  if (/^\d{4}-\d{2}$/.test(s)) return dateFormat(MONTH_LONG).format(new Date(`${s}-01T00:00:00Z`));
  return dateFormat(style === 'long' ? DAY_LONG : DAY_SHORT).format(new Date(`${s}T00:00:00Z`));
}

/**
 * An event's date or span: "9 Jun 2018 – 10 Jun 2018", "2018年6月9日至2018年6月10日" (the message
 * `date.range`). Russian spans of days go through Intl's range format ("9–10 июн. 2018 г."); Node's and
 * Chromium's Chinese range format falls back to "2018/6/9 – 2018/6/10", so Chinese uses the message.
 */
export function fmtEventDate(e: Pick<Event, 'start' | 'end'>): string {
  if (!e.end || e.end === e.start) return fmtPartial(e.start);
  const day = /^\d{4}-\d{2}-\d{2}$/;
  if (getLocale() === 'ru' && day.test(e.start) && day.test(e.end)) {
    return dateFormat(DAY_SHORT).formatRange(new Date(`${e.start}T00:00:00Z`), new Date(`${e.end}T00:00:00Z`));
  }
  return t('date.range', { from: fmtPartial(e.start), to: fmtPartial(e.end) });
}
