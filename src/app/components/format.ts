/** Dates as people read them, in UTC, at the precision the source gave. */
import type { Event } from '../../contract/schema';

const dayFmt = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const monthFmt = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });

export function fmtDay(t: number): string {
  return dayFmt.format(new Date(t));
}

export function fmtPartial(s: string): string {
  if (/^\d{4}$/.test(s)) return s;
  if (/^\d{4}-\d{2}$/.test(s)) return monthFmt.format(new Date(`${s}-01T00:00:00Z`));
  return dayFmt.format(new Date(`${s}T00:00:00Z`));
}

export function fmtEventDate(e: Pick<Event, 'start' | 'end'>): string {
  return e.end && e.end !== e.start ? `${fmtPartial(e.start)} – ${fmtPartial(e.end)}` : fmtPartial(e.start);
}

/** Topic colours: dark enough for 3:1 against the white timeline (WCAG non-text contrast). */
export const TOPIC_COLOURS = ['#1d4ed8', '#c2410c', '#15803d', '#7e22ce', '#b91c1c', '#0e7490', '#a16207', '#be185d', '#4338ca', '#4d7c0f'];
export const NO_TOPIC = '#57534e';
