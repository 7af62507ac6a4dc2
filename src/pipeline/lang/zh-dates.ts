/**
 * Chinese dates: "2021年9月17日", "2015年7月9日至10日", "2001年6月", "6月17日" and "15日" (year and
 * month from the text before them), "二〇〇一年六月十五日", full-width digits ("２０１８年６月９日").
 * chrono-node's Chinese parser reads a single full date but not a range with "至", nor full-width
 * digits, and it gives "2001年6月" a day; so the patterns here read these forms and chrono (hans and
 * hant) what is left next to a 年/月. Numbers are read where they stand (no normalised copy of the
 * text), so every offset indexes the original sentence.
 */
import * as chrono from 'chrono-node/zh';
import type { DateMention, DateValue, SkippedDate } from './common.ts';
import { isoOf, nearestYear, shiftDay, validDay, type DateCarry } from './common.ts';
import { allMatches } from './matches.ts';

/** A number as Chinese texts write it: ASCII or full-width digits, or Chinese numerals (〇 and 零 too). */
const N = '[0-9０-９〇○零一二三四五六七八九十两]';
const DIGIT: Record<string, number> = { 〇: 0, '○': 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** "2018", "２０１８", "二〇一八", "十五", "二十", "三十一", "十" → the number. NFKC would do the digits, not the numerals. */
export function zhNumber(s: string): number {
  // ASCII digits (most dates) skip normalize(), which cost a third of the Chinese date finder's time
  if (/^[0-9]+$/.test(s)) return +s;
  // full-width digits are what NFKC makes ASCII digits of, and Chinese numerals are left as they are by it:
  // read both without normalize(), which the bench's full-width and numeral dates called for every number
  if (/^[０-９]+$/u.test(s)) return +String.fromCharCode(...Array.from(s, (c) => c.charCodeAt(0) - 0xff10 + 48));
  const t = /^[〇○零一二三四五六七八九十两]+$/u.test(s) ? s : s.normalize('NFKC');
  if (/^\d+$/.test(t)) return +t;
  if (t.includes('十')) {
    const [tens, ones] = t.split('十');
    return (tens ? (DIGIT[tens] ?? NaN) : 1) * 10 + (ones ? (DIGIT[ones] ?? NaN) : 0);
  }
  let v = 0;
  for (const c of t) {
    const d = DIGIT[c];
    if (d === undefined) return NaN;
    v = v * 10 + d;
  }
  return v;
}

const Y = `(${N}{4})年`;
const M = `(${N}{1,3})月`;
const D = `(${N}{1,3})[日号]`;
const TO = '\\s*(?:至|到|[-–—~～－])\\s*';
const NOT_N = `(?<!${N})`;
/** A full date, and an optional end: "…至10日", "…至7月2日", "…至2025年1月3日", "9-10日". */
const FULL = new RegExp(`${NOT_N}(?:${Y})?${M}(${N}{1,3})(?:[日号](?:${TO}(?:${Y})?(?:${M})?${D})?|${TO}(?:${Y})?(?:${M})?${D})`, 'gu');
const YEAR_MONTH = new RegExp(`${NOT_N}${Y}${M}(?!${N}|份?${TO}|底|初|中旬|下旬|上旬)`, 'gu');
const MONTH_RANGE = new RegExp(`${NOT_N}${Y}${M}${TO}${M}(?!${N})`, 'gu');
/** A range of days with no month before it ("3日至4日", "3至4日", "9-10日"): month and year from the text before. */
const DAY_RANGE = new RegExp(
  `(?<![${N.slice(1, -1)}月日年])([0-9０-９]{1,2}|[一二三四五六七八九十]{2,3})[日号]?${TO}([0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})[日号](?![本内前后])`,
  'gu',
);
/** A month counted from the report's own year: "去年9月" (last year), "今年3月", "前年", "明年" (a plan), with a day or days. */
const REL_MONTH = new RegExp(
  `(去年|今年|前年|明年|一年前的|两年前的|兩年前的|次年|翌年|同年)${M}(?:(${N}{1,3})[日号](?:${TO}(${N}{1,3})[日号])?)?`,
  'gu',
);
const YEARS_FROM: Record<string, number> = { 前年: -2, 去年: -1, 今年: 0, 一年前的: -1, 两年前的: -2, 兩年前的: -2 };
/** Years counted from the date last read, not from the report's: "次年4月" (the year after), "同年9月" (the same year). */
const YEARS_AFTER_LAST: Record<string, number> = { 次年: 1, 翌年: 1, 同年: 0 };
const DAY_ONLY = new RegExp(`(?<![${N.slice(1, -1)}月日年])([0-9０-９]{1,2}|[一二三四五六七八九十]{2,3})[日号](?![本内前后])`, 'gu');
/** A year alone as the time of something, never a target ("2025年前"), a period or a decade. */
const YEAR_ALONE = new RegExp(`(?<!${N}|[-–—~～－至到]\\s?)(${N}{4})年(?!${N}|代|度|前|后|以来|以后|以前|起|至|到|底|初|[-–—~～－])`, 'gu');
const RELATIVE = /(今天|今日|当天|当日|昨天|昨日|前天|次日|翌日)/gu;
/**
 * A month alone ("盛夏7月，阿斯塔纳峰会如期举行。4日，…"): no event of its own (a month with no year may be any
 * year's, "每年7月"), but the month a bare day after it ("4日") is in.
 */
/** MONTH_CONTEXT's key part, a 月 with no day after it, without the look-behind: a cheap test first. */
const MAYBE_MONTH_CONTEXT = /月(?![0-9０-９〇○零一二三四五六七八九十两])/u;
const MONTH_CONTEXT = new RegExp(`(?<![${N.slice(1, -1)}年])(${N}{1,2})月(?!${N}|[日号份]|${TO})`, 'gu');
/** "上个月", "上月" (last month): the month before the report's own. */
const LAST_MONTH = /上个?月(?![0-9０-９一二三四五六七八九十]{1,3}[日号])/gu;
const NUMERAL_BEFORE = new RegExp(`${N}$`, 'u');
const DAY_CHAR = /[日号]/;
const MAYBE = new RegExp(`${N}[年月日号]|今天|今日|当天|当日|昨天|昨日|前天|次日|翌日|上个?月|\\d[./-]\\d`, 'u');
/**
 * A date in figures with its year first, as lists and timelines write it: "2004/01/15", "2001.6.15",
 * "2024-07-05" (a page's stamp of that form is no event: meta.ts, document.ts), with an optional end day
 * or date ("2009.6.15—16", "2024/7/3-7/4"). Never inside a longer run of figures or dots (a version number).
 */
const NUMERIC = new RegExp(
  `(?<![\\d./-])((?:19|20)\\d{2})([./-])(\\d{1,2})\\2(\\d{1,2})(?:${TO}(?:(\\d{1,2})[./-])?(\\d{1,2})(?![\\d./]))?(?![\\d./])`,
  'gu',
);
/**
 * A table row whose first cell is the year ("| 2018 | 4月24日 | 北京 |", a list of meetings by year): the
 * row's days without a year are of that year, not of the date last read (the row before) or the report's.
 */
const ROW_YEAR = /^[\s|]*((?:19|20)\d{2})年?\s*\|/u;

/** Words that say something happened: a year alone is an event only in a sentence with one of them. */
/** Simplified and traditional forms ('举办'/'舉辦', '通过'/'通過', '主办'/'主辦'). */
export const HAPPENED_ZH =
  /成立|建立|[创創]立|[举舉]行|[举舉]办|[举舉]辦|主[办辦]|召[开開]|[签簽][署订訂]|通[过過]|加入|[成][为為].{0,8}成[员員]|峰[会會]|[会會][议議]|[会會]晤|[访訪][问問]|演[习習]|[论論][坛壇]|[启啟][动動]|[开開]幕|[闭閉]幕|[周週]年|生效/u;

const hans = chrono.hans.strict;

/**
 * What a pattern found, read once all are found, left to right, each taking year and month from the
 * one before: 'fixed' holds its value (or why it is no event) already; the others read it then.
 * (Tagged records, not a closure each: the closures cost more than the patterns in the bench's profile.)
 */
interface Found {
  start: number;
  end: number;
  kind: 'rel' | 'full' | 'dayRange' | 'day' | 'relDay' | 'fixed' | 'monthContext';
  m: RegExpExecArray | null;
  v: DateValue | string | null;
}
/** The sentence being read: what `read` needs besides the found date. */
interface Reading {
  docYear: number | null;
  carry: DateCarry;
  mentions: DateMention[];
  /** a year written earlier in this sentence */
  yearHere: boolean;
}

const overlaps = (xs: readonly { start: number; end: number }[], a: number, b: number) => {
  for (let i = 0; i < xs.length; i++) if (xs[i]!.start < b && a < xs[i]!.end) return true;
  return false;
};
const found = (start: number, end: number, kind: Found['kind'], m: RegExpExecArray | null, v: Found['v'] = null): Found => ({
  start,
  end,
  kind,
  m,
  v,
});

/** "去年9月", "今年3月5日至6日": a month (and days) of a year counted from the report's own. */
function readRelMonth(m: RegExpExecArray, carry: DateCarry): DateValue | string {
  const [, word, mo1, d1, d2] = m;
  const after = YEARS_AFTER_LAST[word!];
  const back = YEARS_FROM[word!];
  if (after === undefined && back === undefined) return 'next year: a plan, not an event';
  if (after !== undefined && !carry.y) return 'a year counted from a date the text has not given';
  if (after === undefined && !carry.anchor) return 'a year counted from the report, and the report has no date';
  const y = after !== undefined ? carry.y! + after : carry.anchor!.y + back!;
  const mo = zhNumber(mo1!);
  if (!d1) return mo >= 1 && mo <= 12 ? { start: isoOf(y, mo), precision: 'month' } : 'not a real calendar date';
  const d = zhNumber(d1);
  if (!validDay(y, mo, d) || (d2 && !validDay(y, mo, zhNumber(d2)))) return 'not a real calendar date';
  const value: DateValue = { start: isoOf(y, mo, d), precision: 'day' };
  if (d2 && zhNumber(d2) > d) value.end = isoOf(y, mo, zhNumber(d2));
  return value;
}

function readFull(m: RegExpExecArray, r: Reading): DateValue | string {
  // the end's groups: 4-6 after a first day with its 日 ("15日至16日"), 7-9 after one without ("15—16日")
  const [, y1, m1, d1] = m;
  const y2 = m[4] ?? m[7];
  const m2 = m[5] ?? m[8];
  const d2 = m[6] ?? m[9];
  const c = r.carry;
  const mo = zhNumber(m1!);
  const d = zhNumber(d1!);
  // "此前，…已于7月14日在杜尚别举行" in a report: the year nearest the report's day, not one a sentence before recalled ("2001年6月，…")
  const y = y1 ? zhNumber(y1) : !r.yearHere && c.anchor ? nearestYear(c.anchor, mo, d) : (c.y ?? r.docYear);
  if (!y) return 'day and month without a year, and the document has no date';
  if (!validDay(y, mo, d)) return 'not a real calendar date';
  const value: DateValue = { start: isoOf(y, mo, d), precision: 'day' };
  if (d2) {
    const ey = y2 ? zhNumber(y2) : y;
    const em = m2 ? zhNumber(m2) : mo;
    const ed = zhNumber(d2);
    if (!validDay(ey, em, ed)) return 'not a real calendar date';
    const end = isoOf(ey, em, ed);
    if (end > value.start) value.end = end;
  }
  return value;
}

/** "2004/01/15", "2001.6.15", "2009.6.15—16", "2024/7/3-7/4" (NUMERIC's groups). */
function numericDate(m: RegExpExecArray): DateValue | string {
  const y = +m[1]!;
  const mo = +m[3]!;
  const d = +m[4]!;
  if (!validDay(y, mo, d)) return 'not a real calendar date';
  const value: DateValue = { start: isoOf(y, mo, d), precision: 'day' };
  if (m[6]) {
    const em = m[5] ? +m[5] : mo;
    const ed = +m[6];
    if (!validDay(y, em, ed)) return 'not a real calendar date';
    const end = isoOf(y, em, ed);
    if (end > value.start) value.end = end;
  }
  return value;
}

function readFound(f: Found, r: Reading): DateValue | string {
  const c = r.carry;
  const m = f.m!;
  switch (f.kind) {
    case 'rel':
      return readRelMonth(m, c);
    case 'full':
      return readFull(m, r);
    case 'dayRange': {
      if (!c.y || !c.m) return 'a range of days without month or year before it';
      const d = zhNumber(m[1]!);
      const ed = zhNumber(m[2]!);
      if (!validDay(c.y, c.m, d) || !validDay(c.y, c.m, ed)) return 'not a real calendar date';
      const value: DateValue = { start: isoOf(c.y, c.m, d), precision: 'day' };
      if (ed > d) value.end = isoOf(c.y, c.m, ed);
      return value;
    }
    case 'day': {
      if (!c.y || !c.m) return 'a day without month or year before it';
      const d = zhNumber(m[1]!);
      return validDay(c.y, c.m, d) ? { start: isoOf(c.y, c.m, d), precision: 'day' } : 'not a real calendar date';
    }
    case 'relDay': {
      // "当天" (that day) is the day last named, "次日" the day after it (after a span, after its last day);
      // "今天" and "昨天" count from the report's own day
      const word = m[1]!;
      const last = r.mentions.at(-1);
      if (/当/.test(word) && c.y && c.m && last?.value.precision === 'day') return { start: last.value.start, precision: 'day' };
      if (/[次翌]/.test(word)) {
        const before = last ?? c.last;
        if (before?.value.precision !== 'day') return 'the day after a day the text has not named';
        const [y, mo, d] = (before.value.end ?? before.value.start).split('-').map(Number) as [number, number, number];
        return { start: shiftDay({ y, m: mo, d }, 1), precision: 'day' };
      }
      return { start: shiftDay(c.anchor!, word.startsWith('昨') ? -1 : word.startsWith('前') ? -2 : 0), precision: 'day' };
    }
    default:
      return f.v!;
  }
}

export function findDatesZh(text: string, docYear: number | null, carry: DateCarry): { mentions: DateMention[]; skipped: SkippedDate[] } {
  const mentions: DateMention[] = [];
  const skipped: SkippedDate[] = [];
  if (!MAYBE.test(text)) return { mentions, skipped };
  // every pattern below needs one of these characters: a sentence without it skips the pattern's scan
  const hasYear = text.includes('年');
  const hasMonth = text.includes('月');
  const hasDay = DAY_CHAR.test(text);
  /** Mentions are read left to right, each taking year and month from the one before. */
  const all: Found[] = [];

  for (const m of /[去今前明次翌同]年|年前的/u.test(text) ? allMatches(REL_MONTH, text) : [])
    all.push(found(m.index, m.index + m[0].length, 'rel', m));
  for (const m of hasMonth ? allMatches(FULL, text) : []) all.push(found(m.index, m.index + m[0].length, 'full', m));
  for (const m of /\d[./-]\d/.test(text) ? allMatches(NUMERIC, text) : []) {
    if (!overlaps(all, m.index, m.index + m[0].length)) all.push(found(m.index, m.index + m[0].length, 'fixed', m, numericDate(m)));
  }
  for (const m of hasYear && hasMonth ? allMatches(MONTH_RANGE, text) : []) {
    if (!overlaps(all, m.index, m.index + m[0].length))
      all.push(found(m.index, m.index + m[0].length, 'fixed', m, 'a span of months, not a dated event'));
  }
  for (const m of hasYear && hasMonth ? allMatches(YEAR_MONTH, text) : []) {
    if (overlaps(all, m.index, m.index + m[0].length)) continue;
    const y = zhNumber(m[1]!);
    const mo = zhNumber(m[2]!);
    const v: DateValue | string =
      y >= 1000 && y <= 2999 && mo >= 1 && mo <= 12 ? { start: isoOf(y, mo), precision: 'month' } : 'not a real calendar date';
    all.push(found(m.index, m.index + m[0].length, 'fixed', m, v));
  }
  for (const m of hasDay ? allMatches(DAY_RANGE, text) : []) {
    if (!overlaps(all, m.index, m.index + m[0].length)) all.push(found(m.index, m.index + m[0].length, 'dayRange', m));
  }
  for (const m of hasDay ? allMatches(DAY_ONLY, text) : []) {
    if (!overlaps(all, m.index, m.index + m[0].length)) all.push(found(m.index, m.index + m[0].length, 'day', m));
  }
  for (const m of hasMonth && MAYBE_MONTH_CONTEXT.test(text) ? allMatches(MONTH_CONTEXT, text) : []) {
    if (!overlaps(all, m.index, m.index + m[0].length)) all.push(found(m.index, m.index + m[0].length, 'monthContext', m));
  }
  for (const m of hasYear ? allMatches(YEAR_ALONE, text) : []) {
    if (overlaps(all, m.index, m.index + m[0].length)) continue;
    const y = zhNumber(m[1]!);
    all.push(
      found(
        m.index,
        m.index + m[0].length,
        'fixed',
        m,
        y >= 1000 && y <= 2999 ? { start: String(y), precision: 'year' } : 'a year outside 1000–2999',
      ),
    );
  }
  if (carry.anchor || text.includes('次') || text.includes('翌')) {
    for (const m of allMatches(RELATIVE, text)) {
      if (!carry.anchor && !/[次翌]/u.test(m[1]!)) continue; // "今天" with no report's day to count from
      if (m[1] === '今天' && text[m.index - 1] === '的') continue; // "在百年变局加速演进的今天": nowadays, not a day
      if (!overlaps(all, m.index, m.index + m[0].length)) all.push(found(m.index, m.index + m[0].length, 'relDay', m));
    }
  }
  for (const m of carry.anchor && text.includes('上') ? allMatches(LAST_MONTH, text) : []) {
    if (overlaps(all, m.index, m.index + m[0].length)) continue;
    const t = new Date(Date.UTC(carry.anchor!.y, carry.anchor!.m - 2, 1));
    all.push(
      found(m.index, m.index + m[0].length, 'fixed', m, { start: isoOf(t.getUTCFullYear(), t.getUTCMonth() + 1), precision: 'month' }),
    );
  }
  // chrono (simplified and traditional) for what is left next to a 年 or 月: rare forms the patterns miss.
  for (const w of hasYear || hasMonth ? allMatches(/[年月]/gu, text) : []) {
    // a date has a number right before its 年 or 月: "周年", "今年", "年度", "月底" never start chrono (two parsers each)
    if (overlaps(all, w.index, w.index + 1) || !NUMERAL_BEFORE.test(text.slice(Math.max(0, w.index - 1), w.index))) continue;
    const a = Math.max(0, w.index - 8);
    const b = Math.min(text.length, w.index + 10);
    for (const r of [...hans.parse(text.slice(a, b)), ...chrono.hant.strict.parse(text.slice(a, b))]) {
      const s = a + r.index;
      const e = s + r.text.length;
      // only a whole calendar date ("年前" is "years ago" to chrono, not a date)
      if (
        overlaps(all, s, e) ||
        !/年.*月.*[日号]/u.test(r.text) ||
        !r.start.isCertain('year') ||
        !r.start.isCertain('month') ||
        !r.start.isCertain('day')
      )
        continue;
      if (!validDay(r.start.get('year')!, r.start.get('month')!, r.start.get('day')!)) continue;
      const v = { start: isoOf(r.start.get('year')!, r.start.get('month')!, r.start.get('day')!), precision: 'day' as const };
      all.push(found(s, e, 'fixed', null, v));
    }
  }
  all.sort((a, b) => a.start - b.start);
  const reading: Reading = { docYear, carry, mentions, yearHere: false };
  const row = text.includes('|') ? ROW_YEAR.exec(text) : null;
  if (row) {
    carry.y = +row[1]!;
    reading.yearHere = true;
  }
  for (const f of all) {
    if (overlaps(mentions, f.start, f.end) || overlaps(skipped, f.start, f.end)) continue;
    if (f.kind === 'monthContext') {
      const mo = zhNumber(f.m![1]!);
      if (mo >= 1 && mo <= 12) carry.m = mo;
      continue;
    }
    const v = readFound(f, reading);
    if (typeof v === 'string') {
      skipped.push({ start: f.start, end: f.end, text: text.slice(f.start, f.end), why: v });
      continue;
    }
    mentions.push({ start: f.start, end: f.end, text: text.slice(f.start, f.end), value: v });
    if (/年/u.test(text.slice(f.start, f.end))) reading.yearHere = true;
    carry.y = +v.start.slice(0, 4);
    if (v.start.length >= 7) carry.m = +v.start.slice(5, 7);
    if (v.precision === 'day') carry.last = { value: v };
  }
  return { mentions, skipped };
}
