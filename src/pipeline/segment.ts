/**
 * Stage 2: text → paragraphs → sentences, as offsets into the text.
 *
 * Intl.Segmenter slows with the square of its input on Node 20, so it only ever sees one paragraph
 * (and a very long paragraph is cut into pieces of at most MAX_CHUNK at line or word boundaries).
 */
import { sentenceAbbreviations, sentenceStartsLang, type Lang } from './lang/index.ts';
import { plainAscii, sentenceStarts } from './sentence-breaks.ts';

export interface Span {
  start: number;
  end: number;
}

const MAX_CHUNK = 4000;
const segmenters: Record<Lang, Intl.Segmenter> = {
  en: new Intl.Segmenter('en', { granularity: 'sentence' }),
  ru: new Intl.Segmenter('ru', { granularity: 'sentence' }),
  // Chinese sentences end with 。！？ and have no spaces after them; the segmenter knows both.
  zh: new Intl.Segmenter('zh', { granularity: 'sentence' }),
};

/** Paragraphs are separated by blank lines; leading and trailing blanks are left out. */
export function paragraphs(text: string): Span[] {
  const out: Span[] = [];
  let from = 0;
  const push = (s: number, e: number) => {
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    if (e > s) out.push({ start: s, end: e });
  };
  // A blank line is a newline, spaces or tabs, and a newline (the pattern /\n[ \t]*\n/g, found from one newline
  // to the next with indexOf: over every document's whole text the pattern cost ~6 times as much).
  const n = text.length;
  for (let nl = text.indexOf('\n'); nl !== -1;) {
    let j = nl + 1;
    while (j < n && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9)) j++;
    if (j < n && text.charCodeAt(j) === 10) {
      push(from, nl);
      from = j + 1;
      nl = text.indexOf('\n', from);
    } else nl = text.indexOf('\n', nl + 1);
  }
  push(from, n);
  return out;
}

/** Cuts [start,end) into pieces no longer than max, at the last newline, else the last space, before the limit. */
function chunks(text: string, start: number, end: number, max = MAX_CHUNK): Span[] {
  const out: Span[] = [];
  let s = start;
  while (end - s > max) {
    const window = text.slice(s, s + max);
    let cut = window.lastIndexOf('\n');
    if (cut < max / 2) {
      const dot = window.lastIndexOf('. ');
      cut = dot >= max / 2 ? dot + 1 : cut;
    }
    if (cut < max / 2) {
      const stop = window.lastIndexOf('。');
      cut = stop >= max / 2 ? stop + 1 : cut;
    } // Chinese has no spaces
    if (cut < max / 2) cut = window.lastIndexOf(' ');
    if (cut <= 0) cut = max;
    out.push({ start: s, end: s + cut });
    s += cut;
  }
  out.push({ start: s, end });
  return out;
}

/** Abbreviations after which a capitalised word goes on the same sentence ("St. Petersburg", "Mr. Li"). */
const TITLE_ABBR =
  /(?:^|[\s(])(?:St|Ste|Mr|Mrs|Ms|Dr|Prof|Gen|Lt|Col|Capt|Sen|Rep|Gov|Jr|Sr|Mt|Ft|Hon|Amb|No|Nos|Art|Arts|Vol|para|approx|vs|e\.g|i\.e)\.\s*$/;
/** An abbreviated month, which a day follows ("Sept. 1"). */
const MONTH_ABBR = /(?:^|[\s(])(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.\s*$/;

const LIST_LINE = /^[ \t]*(?:[-*+•|]|\d{1,3}[.)])\s/;
/** A row of a calendar or table written as a line: it opens with a numeric date ("29–31.10.2020 · …") or keeps cells apart with " · " or " | ". */
const ROW_LINE = /^[ \t]*\d{1,4}[./–—-]\d|\s[·|]\s/;

/**
 * The pieces a paragraph is segmented in: each line of a list or table on its own (a list item
 * rarely ends with a full stop, so it would run into the next one), else chunks of the paragraph.
 */
function units(text: string, para: Span, lang: Lang = 'en'): Span[] {
  const lines: Span[] = [];
  let at = para.start;
  for (const line of text.slice(para.start, para.end).split('\n')) {
    lines.push({ start: at, end: at + line.length });
    at += line.length + 1;
  }
  const listLines = lines.filter((l) => LIST_LINE.test(text.slice(l.start, l.end)) || ROW_LINE.test(text.slice(l.start, l.end))).length;
  if (lines.length >= 2 && listLines >= lines.length / 2) return lines.flatMap((l) => chunks(text, l.start, l.end));
  // Chinese is not hard-wrapped: a line is a sentence or a row of a table ("第一次　二〇〇一年六月十五日　上海").
  if (lang === 'zh' && lines.length >= 2) return lines.flatMap((l) => chunks(text, l.start, l.end));
  return chunks(text, para.start, para.end);
}

/**
 * The end of a segment that an abbreviation test needs (the patterns are anchored at the end, but V8 tries
 * them from every position): its last few words, cut at a space so no word is read from its middle.
 */
function tailOf(s: string): string {
  if (s.length <= 24) return s;
  const t = s.slice(-24);
  const i = t.search(/[\s(]/);
  return i < 0 ? '' : t.slice(i);
}

/** True when the text at `i` opens with an ASCII digit (what `\d` reads). */
const startsWithDigit = (s: string, i: number) => {
  const c = s.charCodeAt(i);
  return c >= 48 && c <= 57;
};

/**
 * Sentences of one paragraph. Hard-wrapped lines ("...express my\ngratitude...") belong to one
 * sentence, so single newlines are read as spaces (same length, so offsets are unchanged).
 */
export function sentences(text: string, para: Span, lang: Lang = 'en'): Span[] {
  const out: Span[] = [];
  const sentenceSegmenter = segmenters[lang];
  // "в г. Ташкенте", "т.е.", "В. В. Путин": Russian abbreviations and initials do not end a sentence.
  const abbr = sentenceAbbreviations(lang);
  for (const c of units(text, para, lang)) {
    const piece = text.slice(c.start, c.end).replace(/\n/g, ' ');
    // Intl.Segmenter ends a sentence after any "word." followed by a capital or a digit: "Done at St. |
    // Petersburg", "Mr. | Wang", "from Aug. 31 to Sept. | 1". Such cuts are joined again.
    const segs: { index: number; length: number }[] = [];
    const take = (index: number, length: number) => {
      const prev = segs[segs.length - 1];
      const before = prev ? tailOf(piece.slice(prev.index, index)) : '';
      if (prev && (TITLE_ABBR.test(before) || (MONTH_ABBR.test(before) && startsWithDigit(piece, index)) || (abbr && abbr.test(before))))
        prev.length += length;
      else segs.push({ index, length });
    };
    // Plain ASCII English (nearly every paragraph of an English document) is cut by sentence-breaks.ts, and
    // Russian and Chinese of the characters their documents use by lang/sentences.ts: ICU's breaks at a
    // fraction of the cost. The rest (null: a character those scans do not read) by Intl.Segmenter.
    const starts = lang === 'en' ? (plainAscii(piece) ? sentenceStarts(piece) : null) : sentenceStartsLang(piece);
    if (starts) for (let k = 0; k < starts.length; k++) take(starts[k]!, (starts[k + 1] ?? piece.length) - starts[k]!);
    else for (const seg of sentenceSegmenter.segment(piece)) take(seg.index, seg.segment.length);
    for (const seg of lang === 'ru' ? segs.flatMap((g) => splitBeforeNumbers(piece, g, abbr)) : segs) {
      let s = c.start + seg.index;
      let e = s + seg.length;
      // Markdown emphasis and heading marks around a sentence are not part of what it says.
      while (s < e && /[\s*_#>•|+-]/.test(text[s]!)) s++;
      while (e > s && /[\s*_|]/.test(text[e - 1]!)) e--;
      if (e > s) out.push({ start: s, end: e });
    }
  }
  return out;
}

/**
 * Russian sentences often open with a date ("… сотрудничества. 7 июня 2002 г. в Санкт-Петербурге …"),
 * and the Unicode rules Intl.Segmenter follows never end a sentence before a number followed by a
 * lower-case word. A full stop, then a number, ends one here, unless the stop closes an abbreviation.
 */
function splitBeforeNumbers(
  piece: string,
  seg: { index: number; length: number },
  abbr: RegExp | null,
): { index: number; length: number }[] {
  const out: { index: number; length: number }[] = [];
  const text = piece.slice(seg.index, seg.index + seg.length);
  let from = 0;
  for (const m of text.matchAll(/[.!?…»"]\s+(?=\d)/g)) {
    const cut = m.index + m[0].length;
    if (abbr?.test(tailOf(text.slice(from, m.index + 1)))) continue;
    out.push({ index: seg.index + from, length: cut - from });
    from = cut;
  }
  out.push({ index: seg.index + from, length: seg.length - from });
  return out;
}
