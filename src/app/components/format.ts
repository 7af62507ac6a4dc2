/** Dates as people read them, in UTC, at the precision the source gave. */
import type { Event } from '../../contract/schema';

const dayFmt = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const monthFmt = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });

export function fmtDay(t: number): string {
  return dayFmt.format(new Date(t));
}

const longDayFmt = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/**
 * A partial date (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`), never more precise than the source: "2020",
 * "November 2020", "10 Nov 2020" (or "10 November 2020" with `long`, as the story cards show it).
 */
export function fmtPartial(s: string, style: 'short' | 'long' = 'short'): string {
  if (/^\d{4}$/.test(s)) return s;
  if (/^\d{4}-\d{2}$/.test(s)) return monthFmt.format(new Date(`${s}-01T00:00:00Z`));
  return (style === 'long' ? longDayFmt : dayFmt).format(new Date(`${s}T00:00:00Z`));
}

export function fmtEventDate(e: Pick<Event, 'start' | 'end'>): string {
  return e.end && e.end !== e.start ? `${fmtPartial(e.start)} – ${fmtPartial(e.end)}` : fmtPartial(e.start);
}
