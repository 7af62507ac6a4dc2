/**
 * Dates and numbers for the interface language, through Intl (no hand-made month names). Formatters are
 * cached per language and style: building an Intl.DateTimeFormat costs more than using one.
 */
import { getLocale, intlTag, type Locale } from './locale.svelte';

const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

export function dateFormat(opts: Intl.DateTimeFormatOptions, locale: Locale = getLocale()): Intl.DateTimeFormat {
  const key = `d|${locale}|${JSON.stringify(opts)}`;
  let f = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (!f) cache.set(key, (f = new Intl.DateTimeFormat(intlTag(locale), { timeZone: 'UTC', ...opts })));
  return f;
}

export function numberFormat(opts: Intl.NumberFormatOptions = {}, locale: Locale = getLocale()): Intl.NumberFormat {
  const key = `n|${locale}|${JSON.stringify(opts)}`;
  let f = cache.get(key) as Intl.NumberFormat | undefined;
  if (!f) cache.set(key, (f = new Intl.NumberFormat(intlTag(locale), opts)));
  return f;
}

/** A number as the interface language writes it (12,345 · 12 345 · 12,345). */
export function fmtNumber(n: number, opts: Intl.NumberFormatOptions = {}): string {
  return numberFormat(opts).format(n);
}

export const DAY_SHORT: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric' };
export const DAY_LONG: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', year: 'numeric' };
export const MONTH_LONG: Intl.DateTimeFormatOptions = { month: 'long', year: 'numeric' };

/** A UTC time (ms) as a day: "9 Jun 2018", "9 июн. 2018 г.", "2018年6月9日". */
export function fmtDate(t: number | Date, opts: Intl.DateTimeFormatOptions = DAY_SHORT): string {
  return dateFormat(opts).format(t);
}

/**
 * Tick labels for a UTC time axis in Russian or Chinese, the way d3's default picks them for English:
 * a year at a year's start, a month at a month's start, else day and month ("2019", "июн.", "6月",
 * "9 июн."). Null for English, which keeps d3's own labels.
 */
export function axisTickFormat(locale: Locale = getLocale()): ((d: Date | { valueOf(): number }) => string) | null {
  if (locale === 'en') return null;
  const year = dateFormat({ year: 'numeric' }, locale);
  const month = dateFormat({ month: 'short' }, locale);
  const day = dateFormat({ day: 'numeric', month: 'short' }, locale);
  return (v) => {
    const d = new Date(v.valueOf());
    if (d.getUTCDate() !== 1) return day.format(d);
    return d.getUTCMonth() === 0 ? year.format(d) : month.format(d);
  };
}
