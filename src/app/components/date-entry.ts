/**
 * Dates as people type them into From and To: the browser's own numeric day format (31/12/2019 in
 * en-GB, 12/31/2019 in en-US, 31.12.2019 in ru, 2019/12/31 in zh), or ISO (2019-12-31, also 2019-12
 * or 2019 when committed). The order of day, month and year comes from Intl (formatToParts), not
 * from a table of countries. Pure: no DOM.
 *
 * Typing goes through `readDate` on every keystroke; the field commits as soon as the text is a
 * complete date (two-digit day and month, four-digit year), and otherwise only on Enter or when it
 * loses focus, where anything else is an error to report. Half-typed text is never read as a date:
 * "12/31/201" is not the year 201, and "2019-12-3" is not the 3rd.
 */
import { parseDay } from '../days';

type Part = 'day' | 'month' | 'year';

export interface DateEntry {
  /** The order of the parts in this locale's numeric date. */
  order: Part[];
  /** The separator it writes between them. */
  sep: string;
  /** What to type, for hints and notices: "dd/mm/yyyy". */
  pattern: string;
  /** A UTC day in this format, zero-padded: "31/12/2019". */
  format(t: number): string;
}

/** The years a typed date may fall in: "0201-12-31" is a slip of the keyboard, not a window. */
export const YEARS = { min: 1900, max: 2100 } as const;

const LETTERS: Record<Part, string> = { day: 'dd', month: 'mm', year: 'yyyy' };

/** The numeric day format of a locale (e.g. `navigator.language`); ISO order when Intl gives none. */
export function dateEntry(locale: string | undefined): DateEntry {
  let order: Part[] = ['year', 'month', 'day'];
  let sep = '-';
  try {
    const parts = new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }).formatToParts(
      Date.UTC(2019, 11, 31),
    );
    const found = parts.filter(
      (p): p is Intl.DateTimeFormatPart & { type: Part } => p.type === 'day' || p.type === 'month' || p.type === 'year',
    );
    const lit = parts.find((p) => p.type === 'literal')?.value.trim();
    // Only a purely numeric pattern of three parts (not "2019年12月31日") is one people type.
    if (found.length === 3 && lit && lit.length === 1 && parts.every((p) => p.type !== 'literal' || p.value.trim() === lit)) {
      order = found.map((p) => p.type);
      sep = lit;
    }
  } catch {
    // An unknown locale tag: ISO order.
  }
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  return {
    order,
    sep,
    pattern: order.map((p) => LETTERS[p]).join(sep),
    format(t) {
      const d = new Date(t);
      const v: Record<Part, string> = { day: pad(d.getUTCDate(), 2), month: pad(d.getUTCMonth() + 1, 2), year: pad(d.getUTCFullYear(), 4) };
      return order.map((p) => v[p]).join(sep);
    },
  };
}

export type DateRead =
  | { kind: 'empty' }
  /** Not a date yet, and not obviously wrong either: keep typing (an error only on commit). */
  | { kind: 'typing' }
  | { kind: 'bad'; why: 'not-a-date' | 'years' }
  /** A UTC day; `complete` when the text is a whole date as typed to its last digit. */
  | { kind: 'ok'; t: number; complete: boolean };

/**
 * What the text in a date field says. `end`: a partial ISO date ("2019", "2019-12") means its last
 * day (the To field), else its first.
 */
export function readDate(text: string, entry: DateEntry, end = false): DateRead {
  const s = text.trim();
  if (!s) return { kind: 'empty' };
  let t: number | null;
  let complete: boolean;
  const iso = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/.exec(s);
  const nums = s.split(/[^\d]+/).filter(Boolean);
  if (iso) {
    const [, y, m, d] = iso;
    t = parseDay(`${y}${m ? `-${m.padStart(2, '0')}` : ''}${d ? `-${d.padStart(2, '0')}` : ''}`, end);
    complete = /^\d{4}-\d{2}-\d{2}$/.test(s);
  } else if (nums.length === 3 && /^\d+$/.test(s.replace(/[\s./-]/g, ''))) {
    // A four-digit first part is a year whatever the locale (2019/12/31): nobody writes a day so.
    const order: Part[] = nums[0]!.length === 4 ? ['year', 'month', 'day'] : entry.order;
    const v = { day: '', month: '', year: '' } as Record<Part, string>;
    order.forEach((p, i) => (v[p] = nums[i]!));
    if (v.year.length !== 4 || v.day.length > 2 || v.month.length > 2)
      return v.year.length < 4 && /\d$/.test(s) ? { kind: 'typing' } : bad();
    t = parseDay(`${v.year}-${v.month.padStart(2, '0')}-${v.day.padStart(2, '0')}`);
    complete = v.day.length === 2 && v.month.length === 2;
  } else return /^[\d\s./-]+$/.test(s) ? { kind: 'typing' } : bad();
  if (t === null) return bad();
  const year = new Date(t).getUTCFullYear();
  if (year < YEARS.min || year > YEARS.max) return { kind: 'bad', why: 'years' };
  return { kind: 'ok', t, complete };
}

const bad = (): DateRead => ({ kind: 'bad', why: 'not-a-date' });
