/**
 * Russian dates. chrono-node's Russian parser reads the common forms ("13 июня 2019 года", "с 9 по 10
 * июня 2018 года", "29 июня - 2 июля 2024 года", "14.06.2019"), but misses an em-dash range ("3—4 июля
 * 2024 г." comes back as 4 July only), a year alone ("в 2001 году"), and it gives a day and month with
 * no year the year nearest "now". Those are read here first by patterns; chrono reads what is left in
 * the text near a month name. Offsets index the sentence as given.
 */
import * as chrono from 'chrono-node/ru';
import type { DateMention, DateValue, SkippedDate } from './common.ts';
import { isoOf, nearestYear, shiftDay, validDay, type DateCarry } from './common.ts';
import { allMatches } from './matches.ts';
import { matchesAfter, notAfterWordChar } from './scan.ts';

const parser = new chrono.Chrono(chrono.createConfiguration(true));

/** The month names in every case a date uses (genitive "июня", prepositional "в июне", nominative "июнь"). */
const MON =
  '(январ[ьяе]|феврал[ьяе]|март[ае]?|апрел[ьяе]|ма[йяе]|июн[ьяе]|июл[ьяе]|август[ае]?|сентябр[ьяе]|октябр[ьяе]|ноябр[ьяе]|декабр[ьяе])';
const MONTH_STEMS = ['янв', 'фев', 'мар', 'апр', 'ма', 'июн', 'июл', 'авг', 'сен', 'окт', 'ноя', 'дек'];
const monthOf = (w: string) => {
  const l = w.toLowerCase();
  return l.startsWith('ма') && !l.startsWith('мар') ? 5 : MONTH_STEMS.findIndex((s) => l.startsWith(s)) + 1;
};
const YEAR = '((?:19|20)\\d{2})';
/** "года", "г.", "гг." after a year (not part of the date's meaning, part of its text). */
const YEAR_WORD = '(?:\\s*(?:года|году|год|гг\\.|г\\.|г)(?![а-яё]))?';
const DASH = '\\s*[-–—]\\s*';
// B, the look-behind `(?<![\\d\\p{L}])` every pattern below opens with, is asked in code (scan.ts matchesAfter).
const E = '(?![\\p{L}\\d])';

/** A day, "5" or "5-го". */
const DD = '(\\d{1,2})(?:-?го)?';
const CROSS = new RegExp(`(?:с\\s+)?${DD}\\s+${MON}(?:${DASH}|\\s+по\\s+)${DD}\\s+${MON}(?:\\s+${YEAR}${YEAR_WORD})?${E}`, 'giu');
const SAME = new RegExp(`(?:с\\s+)?${DD}(?:${DASH}|\\s+по\\s+|\\s+и\\s+)${DD}\\s+${MON}(?:\\s+${YEAR}${YEAR_WORD})?${E}`, 'giu');
const DAY = new RegExp(`${DD}\\s+${MON}(?:\\s+${YEAR}${YEAR_WORD})?${E}`, 'giu');
/** "14.06.2019", and a range of days of one month written so: "8–9.06.2017". */
const NUMERIC = new RegExp(`(?:(\\d{1,2})${DASH})?(\\d{1,2})\\.(\\d{1,2})\\.${YEAR}${YEAR_WORD}${E}`, 'gu');
/** A day, a month cut short and a year, as page stamps and tables write them: "02 сен 2025", "16 сент. 2022 г.". */
const ABBR_DAY = new RegExp(`${DD}\\s+(янв|февр?|мар|апр|июн|июл|авг|сент?|окт|нояб?|дек)\\.?\\s+${YEAR}${YEAR_WORD}${E}`, 'giu');
const MAYBE_ABBR = /\d\s+[а-яё]{3,4}\.?\s+(?:19|20)\d\d/iu;
const MONTH_YEAR = new RegExp(`(?:(?:в|во)\\s+)?${MON}\\s+${YEAR}${YEAR_WORD}${E}`, 'giu');
/** "в 2001 году", "в 2001 г.": a year as the time of something (the caller's clause must say what). */
const YEAR_ALONE = new RegExp(`(?:в|с)\\s+${YEAR}(?:\\s*(?:году|г\\.|г)(?![а-яё])|-м(?:\\s+году)?(?![а-яё]))${E}`, 'giu');
/**
 * A year that times what follows it in the sentence: "в 1999 г. — в Бишкеке (25 августа)", "в 2018-м саммит принял
 * Циндао (9–10 июня)" (the case ending of speech), found where it ends; a day written after it with no other
 * figure between takes it.
 */
const THEN = /^[\s«"(]*(?:тогда\s+же|в\s+тот\s+же\s+день)(?![\p{L}])/iu;
const YEAR_MARK = /(?<![\p{L}\d])[вВ]о?\s+((?:19|20)\d{2})(?:\s*(?:году|г\.|г(?![а-яё]))|-м(?![а-яё]))/gu;
/** "в августе" with no year: read only when the sentence gives one year ("1999 год — в августе …"). */
const MONTH_ALONE = new RegExp(
  `(?:в|во)\\s+(январе|феврале|марте|апреле|мае|июне|июле|августе|сентябре|октябре|ноябре|декабре)(?!\\s+(?:19|20)\\d{2})${E}`,
  'giu',
);
const RELATIVE = /(?<![\p{L}])(сегодня|вчера|позавчера)(?![\p{L}])/giu;
/** A weekday the report names ("во вторник"), Sunday first as Date counts them. */
const WEEKDAYS = ['воскресенье', 'понедельник', 'вторник', 'среду', 'четверг', 'пятницу', 'субботу'];
const WEEKDAY = /(?<![\p{L}])(?:в|во)\s+(воскресенье|понедельник|вторник|среду|четверг|пятницу|субботу)(?![\p{L}])/giu;
/** The weekdays as "во вторник" writes them, in lower case and without flags: a literal scan, far cheaper than one more alternative of MAYBE. */
export const WEEKDAY_WORD_RU = /вторник|понедельник|среду|четверг|пятницу|субботу|воскресенье/;
const HABIT = /(?:как\s+правило|обычно|ежегодно|традиционно)[^.!?]{0,24}$/iu;
/** "в 2004 и 2010 гг.", "в 2004, 2010 и 2015 годах": several years, each the time of something. */
const YEAR_LIST = /(?<![\p{L}])[вВ]\s+((?:19|20)\d{2}(?:\s*,\s*(?:19|20)\d{2})*\s+и\s+(?:19|20)\d{2})\s*(?:гг\.|годах)/gu;
/**
 * A year counted from another: "Годом ранее главы правительств собирались в Бишкеке" (the year before the date
 * last read), "в прошлом году", "два года назад" (before the report's own date).
 */
const YEAR_BEFORE =
  /(?<![\p{L}])(?:(годом\s+(?:ранее|раньше))|(в\s+прошлом\s+году)|(год|два\s+года|три\s+года|четыре\s+года|пять\s+лет)\s+назад)(?![\p{L}])/giu;
/**
 * A month (or a day of it) in a year counted from the report's own: "в сентябре прошлого года", "15 марта этого
 * года"; "следующего года" is a plan, not an event.
 */
const MONTH_OF_YEAR = new RegExp(
  `(?:(\\d{1,2})\\s+|(?:в|во)\\s+)?${MON}\\s+(позапрошлого|прошлого|этого|текущего|нынешнего|следующего|будущего)\\s+года${E}`,
  'giu',
);
const YEAR_SHIFT: Record<string, number> = { позапрошлого: -2, прошлого: -1, этого: 0, текущего: 0, нынешнего: 0 };
/** A month counted from the report's own: "через месяц", "через два месяца", "месяц назад", "в прошлом месяце". */
const MONTH_SHIFT =
  /(?<![\p{L}])(?:через\s+(месяц|два\s+месяца|три\s+месяца)|(месяц|два\s+месяца|три\s+месяца)\s+назад|в\s+(прошлом|этом|текущем)\s+месяце)(?![\p{L}])/giu;
const MONTHS_N: Record<string, number> = { месяц: 1, 'два месяца': 2, 'три месяца': 3 };
const YEARS_BACK: Record<string, number> = { год: 1, 'два года': 2, 'три года': 3, 'четыре года': 4, 'пять лет': 5 };
/** The same words without the Unicode look-behind, which makes V8 try every position: a cheap test first. */
const MAYBE_RELATIVE = /сегодня|вчера/i;
/** Every date form read here has a number in it, or is "сегодня"/"вчера"/"годом ранее"…: a cheap test before the patterns. */
const MAYBE =
  /\d|сегодня|вчера|годом\s+ран|прошл|назад|месяц|этого\s+года|текущего|нынешнего|следующего|будущего|(?:январ|феврал|март|апрел|ма|июн|июл|август|сентябр|октябр|ноябр|декабр)е/iu;
const MON_WORD = new RegExp(`${MON}${E}`, 'giu');
const HAS_MON = new RegExp(MON, 'iu');
// Cheap tests (no Unicode look-behind, which makes V8 try the pattern at every position) before each pattern.
const MAYBE_CROSS = /\d\s+[а-яё]+\s*(?:[-–—]|\sпо\s)\s*\d/i;
const MAYBE_SAME = /\d\s*(?:[-–—]|\sпо\s|\sи\s)\s*\d/;
const MAYBE_MONTH_YEAR = /[а-яё]\s+(?:19|20)\d{2}/i;
const MAYBE_YEAR_ALONE = /[вс]\s+(?:19|20)\d{2}/i;
/** The year word MONTH_OF_YEAR needs ("прошлого года"), not any "года": nearly every Russian date has one. */
const MAYBE_MONTH_OF_YEAR = /(?:прошлого|этого|текущего|нынешнего|следующего|будущего)\s+года/iu;

/** Words that say something happened: a year alone is an event only in a clause with one of them. */
export const HAPPENED_RU =
  /(?<![\p{L}])(?:основан|создан|учрежд|состоял|прош[её]л|прошл[аио]|провед|вступил|подписал|подписан|принят|приняла|приняли|саммит|заседани|встреч|визит|учени|форум|конференци|сесси|стал[аи]?\s+(?:полноправн\p{L}*\s+)?член|член\p{L}*\s+стал|присоедин|открыт|торжеств|годовщин|принимал|собирал|собрал|утвержд|утвердил|одобр|сделан\p{L}*\s+в|преобразова)/iu;

/** A sentence being read: what it found so far (module functions, not closures made per sentence: those cost more than most patterns). */
interface Reading {
  text: string;
  mentions: DateMention[];
  skipped: SkippedDate[];
}
function taken(r: Reading, a: number, b: number): boolean {
  for (const x of r.mentions) if (x.start < b && a < x.end) return true;
  for (const x of r.skipped) if (x.start < b && a < x.end) return true;
  return false;
}
function add(r: Reading, start: number, end: number, value: DateValue): void {
  if (!taken(r, start, end)) r.mentions.push({ start, end, text: r.text.slice(start, end), value });
}
function skip(r: Reading, start: number, end: number, why: string): void {
  if (!taken(r, start, end)) r.skipped.push({ start, end, text: r.text.slice(start, end), why });
}
/** Where a date opening with "с", "в" or "во" starts: after that word. */
const lead = (m: RegExpMatchArray) => (/^(?:с|в|во)\s/i.test(m[0]) ? m[0].indexOf(' ') + 1 : 0);
/** Every match of a pattern written without its look-behind B, where B holds. */
const scan = (re: RegExp, text: string) => matchesAfter(re, text, notAfterWordChar);

/**
 * "организация была создана 15 июня 2001 года в Шанхае, а сегодня к ней тянутся десятки стран": "а сегодня"
 * set against an earlier year of the same sentence means nowadays, not the report's day (whose place it would take).
 */
function nowadays(text: string, at: number, reportYear: number): boolean {
  if (!/,\s*а\s+$/u.test(text.slice(Math.max(0, at - 6), at))) return false;
  for (const y of allMatches(/(?<!\d)(?:19|20)\d{2}(?!\d)/g, text.slice(0, at))) if (+y[0] < reportYear) return true;
  return false;
}

/** Where a year that times what follows ends, and the year: "в 1999 г.", "в 2018-м", "в прошлом году", "год назад". */
interface YearMark {
  end: number;
  y: number;
}
function yearMarks(text: string, docYear: number | null, carry: DateCarry, countsBack: boolean): YearMark[] {
  const marks: YearMark[] = [];
  for (const m of MAYBE_YEAR_ALONE.test(text) ? allMatches(YEAR_MARK, text) : []) marks.push({ end: m.index! + m[0].length, y: +m[1]! });
  for (const m of countsBack ? allMatches(YEAR_BEFORE, text) : []) {
    const from = m[1] ? carry.y : (carry.anchor?.y ?? docYear);
    const back = m[3] ? (YEARS_BACK[m[3].toLowerCase().replace(/\s+/g, ' ')] ?? 1) : 1;
    if (from) marks.push({ end: m.index! + m[0].length, y: from - back });
  }
  return marks.length > 1 ? marks.sort((a, b) => a.end - b.end) : marks;
}
/** The year of the last mark before `at` with no figure between them (a figure there is another date's). */
function markedYear(marks: YearMark[], text: string, at: number): number | null {
  let y: number | null = null;
  for (const k of marks) if (k.end <= at && !/\d/.test(text.slice(k.end, at))) y = k.y;
  return y;
}
const YEAR_WORD_AFTER = /^\s+(позапрошлого|прошлого|этого|текущего|нынешнего|следующего|будущего)\s+года(?![\p{L}])/iu;
/** "15–16 октября прошлого года": the year counted from the report's own; 'plan' for next year's. */
function yearAfter(text: string, end: number, carry: DateCarry): number | 'plan' | null {
  const w = YEAR_WORD_AFTER.exec(text.slice(end, end + 24));
  if (!w || !carry.anchor) return null;
  const shift = YEAR_SHIFT[w[1]!.toLowerCase()];
  return shift === undefined ? 'plan' : carry.anchor.y + shift;
}

export function findDatesRu(text: string, docYear: number | null, carry: DateCarry): { mentions: DateMention[]; skipped: SkippedDate[] } {
  const mentions: DateMention[] = [];
  const skipped: SkippedDate[] = [];
  if (!MAYBE.test(text) && !WEEKDAY_WORD_RU.test(text)) return { mentions, skipped };
  const r: Reading = { text, mentions, skipped };
  // A year that opens the sentence ("2009 год — 15–16 июня, Екатеринбург", "В 2019 году … 13–14 июня")
  // beats the one carried from before; a year elsewhere ("первым с 2019 года") does not.
  const lead0 = /^\W*(?:[Вв]\s+)?((?:19|20)\d{2})\s*(?:год[ау]?|г\.)?(?![\d.])/u.exec(text);
  const sentenceYear = lead0 ? +lead0[1]! : null;
  const otherYear = sentenceYear ?? carry.y ?? docYear ?? null;
  // A report with a day of its own (a dateline, a stamp) that recalls "20–21 мая" in a sentence naming no
  // year means the May nearest that day, not the year of a date recalled a sentence before ("годом ранее,
  // 4 июля 2023 года, …" in a briefing of 10 July 2024), as Chinese reports are read (zh-dates.ts).
  // (one test for the words of a year counted back: yearMarks and the loop of YEAR_BEFORE below both need it)
  const countsBack = /ранее|раньше|прошлом|назад/i.test(text);
  const marks = yearMarks(text, docYear, carry, countsBack);
  // "Тогда же, 16 июня, …" after "15—16 июня 2009 года": the year of the date last read, not the report's
  const then = carry.y && THEN.test(text) ? carry.y : null;
  const yearOf = (at: number, mo: number, d: number) =>
    markedYear(marks, text, at) ??
    sentenceYear ??
    then ??
    (carry.anchor && !/(?:19|20)\d{2}/.test(text.slice(0, at)) ? nearestYear(carry.anchor, mo, d) : otherYear);

  // Each pattern below costs a scan with Unicode look-behinds: skipped when its key part is absent.
  const hasMon = HAS_MON.test(text);
  for (const m of carry.anchor && /месяц/i.test(text) ? allMatches(MONTH_SHIFT, text) : []) {
    const [, ahead, back, which] = m;
    const n = ahead
      ? MONTHS_N[ahead.toLowerCase().replace(/\s+/g, ' ')]!
      : back
        ? -MONTHS_N[back.toLowerCase().replace(/\s+/g, ' ')]!
        : /прошл/i.test(which!)
          ? -1
          : 0;
    const t = new Date(Date.UTC(carry.anchor!.y, carry.anchor!.m - 1 + n, 1));
    add(r, m.index! + lead(m), m.index! + m[0].length, { start: isoOf(t.getUTCFullYear(), t.getUTCMonth() + 1), precision: 'month' });
  }
  for (const m of hasMon && MAYBE_CROSS.test(text) ? scan(CROSS, text) : []) {
    const [, a, m1, b, m2, y] = m;
    const counted = yearAfter(text, m.index! + m[0].length, carry);
    if (counted === 'plan') {
      skip(r, m.index!, m.index! + m[0].length, 'next year: a plan, not an event');
      continue;
    }
    const y2 = y ? +y : (counted ?? markedYear(marks, text, m.index!) ?? otherYear);
    const mo1 = monthOf(m1!);
    const mo2 = monthOf(m2!);
    if (y2 === null) {
      skip(r, m.index!, m.index! + m[0].length, 'day and month without a year, and the document has no date');
      continue;
    }
    const y1 = mo1 > mo2 ? y2 - 1 : y2;
    if (!validDay(y1, mo1, +a!) || !validDay(y2, mo2, +b!)) {
      skip(r, m.index!, m.index! + m[0].length, 'not a real calendar date');
      continue;
    }
    add(r, m.index! + lead(m), m.index! + m[0].length, { start: isoOf(y1, mo1, +a!), end: isoOf(y2, mo2, +b!), precision: 'day' });
  }
  for (const m of hasMon && MAYBE_SAME.test(text) ? scan(SAME, text) : []) {
    const [, a, b, mon, y] = m;
    const mo = monthOf(mon!);
    const counted = yearAfter(text, m.index! + m[0].length, carry);
    if (counted === 'plan') {
      skip(r, m.index!, m.index! + m[0].length, 'next year: a plan, not an event');
      continue;
    }
    const yy = y ? +y : (counted ?? yearOf(m.index!, mo, +a!));
    if (yy === null) {
      skip(r, m.index!, m.index! + m[0].length, 'day and month without a year, and the document has no date');
      continue;
    }
    if (!validDay(yy, mo, +a!) || !validDay(yy, mo, +b!) || +a! >= +b!) {
      skip(r, m.index!, m.index! + m[0].length, 'not a real calendar date');
      continue;
    }
    const start = m.index! + lead(m);
    const end = m.index! + m[0].length;
    // "9 и 12 июня": two separate days; "9 и 10 июня", "9—12 июня", "с 9 по 12 июня": one span
    if (/\sи\s/.test(m[0]) && +b! !== +a! + 1) {
      add(r, start, start + a!.length, { start: isoOf(yy, mo, +a!), precision: 'day' });
      const second = m.index! + m[0].search(/\sи\s/) + 3;
      add(r, second, end, { start: isoOf(yy, mo, +b!), precision: 'day' });
    } else add(r, start, end, { start: isoOf(yy, mo, +a!), end: isoOf(yy, mo, +b!), precision: 'day' });
  }
  // after the ranges, which read "прошлого года" after their last day themselves
  for (const m of hasMon && MAYBE_MONTH_OF_YEAR.test(text) ? scan(MONTH_OF_YEAR, text) : []) {
    const [, d, mon, which] = m;
    const shift = YEAR_SHIFT[which!.toLowerCase()];
    const start = m.index! + lead(m);
    const end = m.index! + m[0].length;
    if (shift === undefined) skip(r, start, end, 'next year: a plan, not an event');
    else if (!carry.anchor) skip(r, start, end, "a year counted from the report's, and the report has no date");
    else if (!d) add(r, start, end, { start: isoOf(carry.anchor.y + shift, monthOf(mon!)), precision: 'month' });
    else if (validDay(carry.anchor.y + shift, monthOf(mon!), +d))
      add(r, start, end, { start: isoOf(carry.anchor.y + shift, monthOf(mon!), +d), precision: 'day' });
    else skip(r, start, end, 'not a real calendar date');
  }
  for (const m of hasMon ? scan(DAY, text) : []) {
    const [, d, mon, y] = m;
    const mo = monthOf(mon!);
    const yy = y ? +y : yearOf(m.index!, mo, +d!);
    if (yy === null) {
      skip(r, m.index!, m.index! + m[0].length, 'day and month without a year, and the document has no date');
      continue;
    }
    if (!validDay(yy, mo, +d!)) {
      skip(r, m.index!, m.index! + m[0].length, 'not a real calendar date');
      continue;
    }
    add(r, m.index!, m.index! + m[0].length, { start: isoOf(yy, mo, +d!), precision: 'day' });
  }
  for (const m of /\d\.\d/.test(text) ? scan(NUMERIC, text) : []) {
    const [, a, d, mo, y] = m;
    if (!validDay(+y!, +mo!, +d!) || (a && !(+a < +d!))) {
      skip(r, m.index!, m.index! + m[0].length, 'not a real calendar date');
      continue;
    }
    const end = a ? { end: isoOf(+y!, +mo!, +d!) } : {};
    add(r, m.index!, m.index! + m[0].length, { start: isoOf(+y!, +mo!, +(a ?? d!)), ...end, precision: 'day' });
  }
  for (const m of MAYBE_ABBR.test(text) ? scan(ABBR_DAY, text) : []) {
    const [, d, mon, y] = m;
    const mo = monthOf(mon!);
    if (validDay(+y!, mo, +d!)) add(r, m.index!, m.index! + m[0].length, { start: isoOf(+y!, mo, +d!), precision: 'day' });
    else skip(r, m.index!, m.index! + m[0].length, 'not a real calendar date');
  }
  for (const m of hasMon && MAYBE_MONTH_YEAR.test(text) ? scan(MONTH_YEAR, text) : []) {
    const before = text.slice(Math.max(0, m.index! - 4), m.index!);
    if (/\d\s*$/.test(before)) continue; // the month of a day already read
    add(r, m.index! + lead(m), m.index! + m[0].length, { start: isoOf(+m[2]!, monthOf(m[1]!)), precision: 'month' });
  }
  if ((sentenceYear || carry.anchor) && hasMon) {
    for (const m of scan(MONTH_ALONE, text)) {
      // with no year in the sentence, a month of a dated report is the last such month up to the report's own
      // ("в марте" in a report of May); a later month would be a guess between last year and a plan
      const mo = monthOf(m[1]!);
      // "как правило, в июне или июле": a habit, not a date
      if (HABIT.test(text.slice(Math.max(0, m.index! - 40), m.index!))) continue;
      const y = sentenceYear ?? (carry.anchor && mo <= carry.anchor.m ? carry.anchor.y : null);
      if (y) add(r, m.index! + lead(m), m.index! + m[0].length, { start: isoOf(y, mo), precision: 'month' });
    }
  }
  for (const m of MAYBE_YEAR_ALONE.test(text) ? scan(YEAR_ALONE, text) : []) {
    const start = m.index! + lead(m);
    if (mentions.some((x) => x.value.start.startsWith(m[1]!))) continue; // the year of a date already read
    if (/начиная\s+$/iu.test(text.slice(Math.max(0, m.index! - 9), m.index!))) continue; // "Начиная с 2002 г.": since, not when
    add(r, start, m.index! + m[0].length, { start: m[1]!, precision: 'year' });
  }
  for (const m of /\d\s+и\s+\d/.test(text) ? allMatches(YEAR_LIST, text) : []) {
    // each year of the list where it stands
    const at = m.index! + m[0].indexOf(m[1]!);
    for (const y of allMatches(/(?:19|20)\d{2}/g, m[1]!)) {
      if (mentions.some((x) => x.value.start.startsWith(y[0]))) continue;
      add(r, at + y.index!, at + y.index! + 4, { start: y[0], precision: 'year' });
    }
  }
  for (const m of countsBack ? allMatches(YEAR_BEFORE, text) : []) {
    const from = m[1] ? carry.y : (carry.anchor?.y ?? docYear);
    const back = m[3] ? (YEARS_BACK[m[3].toLowerCase().replace(/\s+/g, ' ')] ?? 1) : 1;
    // "Год назад, 4 июля, …": the year of a day already read is not an event of its own
    if (from && !mentions.some((x) => x.value.start.startsWith(String(from - back))))
      add(r, m.index!, m.index! + m[0].length, { start: String(from - back), precision: 'year' });
  }
  // chrono for what the patterns left: only near a month name, and only when nothing there was read.
  for (const w of hasMon ? scan(MON_WORD, text) : []) {
    if (taken(r, w.index!, w.index! + w[0].length)) continue;
    const a = Math.max(0, w.index! - 30);
    const b = Math.min(text.length, w.index! + w[0].length + 30);
    if (!/\d/.test(text.slice(a, b))) continue; // a month name with no number near it is no date
    const ref = new Date(Date.UTC(carry.y ?? docYear ?? 2000, (carry.m ?? 1) - 1, 15, 12));
    for (const p of parser.parse(text.slice(a, b), ref)) {
      const s = a + p.index;
      const e = s + p.text.length;
      if (taken(r, s, e) || !p.start.isCertain('month')) continue;
      const y = p.start.isCertain('year') ? p.start.get('year')! : (carry.y ?? docYear);
      if (!y) continue;
      const mo = p.start.get('month')!;
      const value: DateValue = p.start.isCertain('day')
        ? { start: isoOf(y, mo, p.start.get('day')!), precision: 'day' }
        : { start: isoOf(y, mo), precision: 'month' };
      if (value.precision === 'day' && !validDay(y, mo, p.start.get('day')!)) continue;
      if (p.end && value.precision === 'day' && p.end.isCertain('day')) {
        const endIso = isoOf(p.end.isCertain('year') ? p.end.get('year')! : y, p.end.get('month')!, p.end.get('day')!);
        if (endIso > value.start) value.end = endIso;
      }
      add(r, s, e, value);
    }
  }
  if (carry.anchor && MAYBE_RELATIVE.test(text)) {
    for (const m of allMatches(RELATIVE, text)) {
      const back = { сегодня: 0, вчера: -1, позавчера: -2 }[m[1]!.toLowerCase() as 'сегодня'] ?? 0;
      if (back === 0 && nowadays(text, m.index!, carry.anchor.y)) {
        skip(r, m.index!, m.index! + m[0].length, "nowadays, set against a past year, not the report's day");
        continue;
      }
      add(r, m.index!, m.index! + m[0].length, { start: shiftDay(carry.anchor, back), precision: 'day' });
    }
  }
  if (carry.anchor && mentions.length === 0 && WEEKDAY_WORD_RU.test(text)) {
    // "Во вторник главы правительств утвердили …" in a comment of Wednesday 19 November: the last Tuesday up to the report's day
    for (const m of allMatches(WEEKDAY, text)) {
      const day = WEEKDAYS.indexOf(m[1]!.toLowerCase());
      const back = (new Date(Date.UTC(carry.anchor.y, carry.anchor.m - 1, carry.anchor.d)).getUTCDay() - day + 7) % 7;
      add(r, m.index! + lead(m), m.index! + m[0].length, { start: shiftDay(carry.anchor, -back), precision: 'day' });
    }
  }
  mentions.sort((a, b) => a.start - b.start);
  // a day and month read later take their year from the last full date, not from a month or year the text
  // recalls in passing ("Решение … было принято годом ранее, в июле 2015 г." before "23 июня премьер-министр …")
  const last = mentions.filter((x) => x.value.precision === 'day').at(-1);
  if (last) {
    carry.y = +last.value.start.slice(0, 4);
    if (last.value.start.length >= 7) carry.m = +last.value.start.slice(5, 7);
  }
  return { mentions, skipped };
}
