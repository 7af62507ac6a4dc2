/**
 * Linking a mention (one document's dated record, events.json) to a meeting of the reference
 * chronology (data/chronology.json). Pure: text and data in, a link or null out.
 *
 * A mention links only when its text supports it (issue 10):
 * - a document the meeting adopted is named ("the Astana Declaration") and the date agrees;
 * - the sentence names the meeting (an alias, "the Bishkek summit", or its ordinal, "the 24th summit")
 *   and the date agrees (a year-only mention naming the meeting links too);
 * - the date falls within or beside (±1 day) the meeting's span and the place is the meeting's, or the
 *   meeting was held by video and the text says so.
 * Hand-written: no library knows the SCO's calendar; the names come from the chronology, as data.
 */
import type { Body, Meeting } from '../../contract/chronology.ts';
import type { Event } from '../../contract/schema.ts';

export const REASONS = {
  document: 'linked: a document adopted at this meeting',
  name: 'linked: the sentence names the meeting',
  datePlace: 'linked: date and place match the meeting',
  dateOnline: "linked: held by video on the meeting's date",
  curated: 'linked by the corrections file',
} as const;

export interface Link {
  meeting: Meeting;
  reason: string;
}

/** The words of one mention that may name a meeting: its sentences, and the title of its document. */
export interface MentionText {
  sentences: string[];
  docTitle: string;
}

/** A name to look for in running text (see `namePattern`). */
export interface Pattern {
  test(text: string): boolean;
}
interface Names {
  names: Pattern[];
  documents: Pattern[];
}

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const HAN = /\p{Script=Han}/u;

/**
 * A name as a pattern over running text: case-insensitive, whole words, any run of spaces. Russian
 * words are inflected ("Бишкекского саммита" for "Бишкекский саммит"): a word of five letters or more
 * matches on its stem with up to four letters of ending. Chinese has no spaces between words, so a
 * Chinese name matches anywhere.
 */
export function namePattern(name: string): Pattern {
  // A Chinese name is its characters, exactly (no case, no word edges): the same answer as a pattern.
  if (HAN.test(name)) {
    const chars = name.replace(/\s+/g, '');
    return { test: (text) => text.includes(chars) };
  }
  const needles: string[] = [];
  const words = name
    .trim()
    .split(/\s+/)
    .map((w) => {
      if (/^[\p{Script=Cyrillic}]{5,}$/u.test(w)) {
        const stem = w.replace(/[аеёиоуыэюяйь]{1,2}$/iu, '');
        needles.push(folded(stem));
        return `${esc(stem)}\\p{L}{0,4}`;
      }
      needles.push(folded(w));
      return esc(w).replace(/[eé]/g, '[eé]').replace(/['’]/g, "['’]");
    });
  return new WholeWords(words.join('\\s+'), needles);
}

/**
 * Text in a form where every word of a name can be looked for as plain text: lower case, é as e, ’ as '.
 * Whatever the names' `iu` patterns match, a name's word matches here too (the letters that fold into
 * Latin or Cyrillic ones outside lower casing, ſ, K and the old Cyrillic forms, are left to the pattern).
 */
const folded = (s: string) => s.toLowerCase().replace(/é/g, 'e').replace(/’/g, "'");
const FOLDS_OTHERWISE = /[\u017F\u212A\u1C80-\u1C88]/;
/** The last text folded: a mention's sentences are tested against each of its candidate meetings' names. */
let lastText = '';
let lastFolded: string | null = null;
function foldedText(text: string): string | null {
  if (text !== lastText) [lastText, lastFolded] = [text, FOLDS_OTHERWISE.test(text) ? null : folded(text)];
  return lastFolded;
}

/** A letter or digit, as `[\p{L}\p{N}]` reads under the `iu` flags of the names. */
const WORD_CHAR = /[\p{L}\p{N}]/iu;
/** The code point that ends just before `i` (a surrogate pair read whole, as a `u` lookbehind reads it). */
function before(text: string, i: number): string {
  if (i <= 0) return '';
  const low = text.charCodeAt(i - 1);
  return low >= 0xdc00 && low <= 0xdfff && i >= 2 && (text.charCodeAt(i - 2) & 0xfc00) === 0xd800
    ? text.slice(i - 2, i)
    : text.slice(i - 1, i);
}

/**
 * The name's words, then "not inside a longer word" checked in code around each place they match:
 * the same answer as `(?<![\p{L}\p{N}])words(?![\p{L}\p{N}])` with the `iu` flags (for a given start
 * the words can end in one place only: each word is a fixed run of letters, a run of spaces must be
 * whole before the next word, and a Russian ending takes every letter it can), but the regular
 * expression is compiled without the two letter classes: compiling a thousand names with them, case
 * folded, was most of the time the event layer took in a one-document change.
 */
class WholeWords implements Pattern {
  private re: RegExp | null = null;
  constructor(
    private readonly source: string,
    /** Each word (a Russian one's stem) folded: a text without all of them cannot hold the name. */
    private readonly needles: string[],
  ) {}
  test(text: string): boolean {
    // Most texts lack some word of most names: those never compile or run the pattern.
    const f = foldedText(text);
    if (f !== null && !this.needles.every((n) => f.includes(n))) return false;
    const re = (this.re ??= new RegExp(this.source, 'giu'));
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const end = m.index + m[0].length;
      const after = text.codePointAt(end);
      if (!WORD_CHAR.test(before(text, m.index)) && !(after !== undefined && WORD_CHAR.test(String.fromCodePoint(after)))) return true;
      re.lastIndex = m.index + 1;
    }
    return false;
  }
}

const cache = new WeakMap<Meeting, Names>();
function namesOf(m: Meeting): Names {
  let n = cache.get(m);
  if (!n) {
    const names = [...m.aliases.en, ...m.aliases.ru, ...m.aliases.zh, m.names.en, m.names.ru, m.names.zh];
    if (m.body === 'heads-of-state' && m.placeId !== null)
      names.push(`${m.city} summit`, `${m.city} SCO summit`, `SCO summit in ${m.city}`, `summit in ${m.city}`);
    const documents = m.documents.flatMap((d) => [d.en, d.ru, d.zh]).filter((x): x is string => Boolean(x));
    n = { names: [...new Set(names)].map(namePattern), documents: [...new Set(documents)].map(namePattern) };
    cache.set(m, n);
  }
  return n;
}

/** Which council an ordinal belongs to, from the words after it ("24th meeting of the Council of Heads of State"). */
function bodyAfter(words: string): Body | null {
  if (/heads?\s+of\s+government|prime\s+ministers|глав\s+правительств|政府首脑/i.test(words)) return 'heads-of-government';
  if (/foreign\s+(?:affairs\s+)?ministers|ministers\s+of\s+foreign\s+affairs|министров\s+иностранных|外长/i.test(words))
    return 'foreign-ministers';
  if (/heads?\s+of\s+state|^\W*(?:SCO\s+)?summit|глав\s+государств|саммит|元首|峰会/i.test(words)) return 'heads-of-state';
  return null;
}

const ORDINAL_EN = /(?<![\p{L}\d])(\d{1,2})(?:st|nd|rd|th)\s+((?:SCO\s+|regular\s+)?(?:summit|meeting|session)[^.;]{0,80})/giu;
const ORDINAL_RU = /(?<![\p{L}\d])(\d{1,2})-?(?:[йея]|го|м)?\s+((?:саммит|заседани|встреч)[^.;]{0,80})/giu;
/** Chinese names the council before the ordinal: 元首理事会第二十四次会议 (group 2 holds the words around it). */
const ORDINAL_ZH = /第([\d一二三四五六七八九十]{1,4})次([^。；]{0,30})/gu;
const ZH_DIGIT: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
/** "二十四" → 24, "十八" → 18, "24" → 24 (Chinese numerals up to 99, as ordinals of meetings are written). */
export function zhNumber(s: string): number {
  if (/^\d+$/.test(s)) return +s;
  const [tens, ones] = s.includes('十') ? (s.split('十') as [string, string]) : ['', s];
  return (s.includes('十') ? (tens ? (ZH_DIGIT[tens] ?? 0) : 1) * 10 : 0) + (ones ? (ZH_DIGIT[ones] ?? 0) : 0);
}

/** (body, ordinal) pairs a text names: "the organization's 24th summit" → heads-of-state 24. */
export function ordinalsNamed(text: string): { body: Body; ordinal: number }[] {
  const out: { body: Body; ordinal: number }[] = [];
  for (const re of [ORDINAL_EN, ORDINAL_RU, ORDINAL_ZH]) {
    for (const m of text.matchAll(re)) {
      const body = bodyAfter(re === ORDINAL_ZH ? text.slice(Math.max(0, m.index - 20), m.index) + m[2]! : m[2]!);
      if (body) out.push({ body, ordinal: zhNumber(m[1]!) });
    }
  }
  return out;
}

const DAY = 86_400_000;
/** A day as milliseconds, remembered: every mention is compared with every meeting, and parsing was a quarter of a 1,000-document run. */
const days = new Map<string, number>();
const t = (iso: string) => {
  let ms = days.get(iso);
  if (ms === undefined) days.set(iso, (ms = Date.parse(`${iso}T00:00:00Z`)));
  return ms;
};

/** The mention's date agrees with the meeting at its own precision: a day within ±1 day of the span, the same month, the same year. */
export function dateAgrees(e: Pick<Event, 'start' | 'end' | 'precision'>, m: Meeting): boolean {
  if (e.precision === 'year') return m.start.slice(0, 4) <= e.start && e.start <= m.end.slice(0, 4);
  if (e.precision === 'month') return m.start.slice(0, 7) <= e.start && e.start <= m.end.slice(0, 7);
  return t(e.start) >= t(m.start) - DAY && t(e.end ?? e.start) <= t(m.end) + DAY;
}

/** True when the mention's own date lies inside the meeting's span (at its precision). */
export function dateWithin(e: Pick<Event, 'start' | 'end' | 'precision'>, m: Meeting): boolean {
  if (e.precision !== 'day') return dateAgrees(e, m);
  return m.start <= e.start && (e.end ?? e.start) <= m.end;
}

const byYear = new WeakMap<readonly Meeting[], Map<number, Meeting[]>>();
/**
 * The meetings whose span, a year wider on each side, covers the year the mention starts in, in the
 * chronology's order: every meeting `dateAgrees` can accept (±1 day never crosses more than a year), so
 * each mention is compared with a handful of meetings instead of all of them (a third of a 1,000-document
 * run went into comparing every mention with every meeting).
 */
function nearYear(e: Pick<Event, 'start'>, meetings: readonly Meeting[]): readonly Meeting[] {
  const year = Number(e.start.slice(0, 4));
  if (!Number.isInteger(year)) return meetings;
  let index = byYear.get(meetings);
  if (!index) {
    index = new Map();
    for (const m of meetings) {
      const from = Number(m.start.slice(0, 4));
      const to = Number(m.end.slice(0, 4));
      for (let y = from - 1; y <= to + 1; y++) {
        const at = index.get(y) ?? [];
        at.push(m);
        index.set(y, at);
      }
    }
    byYear.set(meetings, index);
  }
  return index.get(year) ?? [];
}

/** Whether any meeting's date agrees with the mention's: without one, `linkMention` gives null whatever the text says. */
export const mayLink = (e: Event, meetings: readonly Meeting[]): boolean => nearYear(e, meetings).some((m) => dateAgrees(e, m));

/**
 * The meeting a mention belongs to, with the reason, or null. When several meetings fit, the
 * strongest reason wins (document, then name, then date and place), then the closest span.
 */
export function linkMention(e: Event, text: MentionText, meetings: readonly Meeting[]): Link | null {
  const candidates = nearYear(e, meetings).filter((m) => dateAgrees(e, m));
  if (candidates.length === 0) return null;
  const sentences = text.sentences.join('\n');
  // A year alone is too loose to trust the document's title: the sentence itself must name the meeting.
  const named = e.precision === 'year' ? sentences : `${sentences}\n${text.docTitle}`;
  const ordinals = ordinalsNamed(named);
  const scored: { m: Meeting; rank: number; reason: string }[] = [];
  for (const m of candidates) {
    const n = namesOf(m);
    if (n.documents.some((p) => p.test(named))) scored.push({ m, rank: 0, reason: REASONS.document });
    else if (n.names.some((p) => p.test(named)) || ordinals.some((o) => o.body === m.body && o.ordinal === m.ordinal))
      scored.push({ m, rank: 1, reason: REASONS.name });
    else if (e.precision !== 'year' && e.placeId !== null && e.placeId === m.placeId)
      scored.push({ m, rank: 2, reason: REASONS.datePlace });
    else if (e.precision === 'day' && e.online && m.format !== 'in-person') scored.push({ m, rank: 3, reason: REASONS.dateOnline });
  }
  if (scored.length === 0) return null;
  const gap = (m: Meeting) => Math.abs(t(m.start) - t(e.start.length === 10 ? e.start : m.start));
  scored.sort((a, b) => a.rank - b.rank || gap(a.m) - gap(b.m) || (a.m.id < b.m.id ? -1 : 1));
  return { meeting: scored[0]!.m, reason: scored[0]!.reason };
}

/**
 * Where the text and the chronology disagree about a linked mention, in a sentence for report.json
 * ("dates the meeting 11 November 2020; the chronology gives 2020-11-10"); null when they agree.
 */
export function disagreement(e: Event, m: Meeting): string | null {
  const span = m.start === m.end ? m.start : `${m.start} to ${m.end}`;
  const parts: string[] = [];
  if (!dateWithin(e, m))
    parts.push(`dates it "${e.dateText || e.start}" (${e.start}${e.end ? ' to ' + e.end : ''}); the chronology gives ${span}`);
  if (e.placeId !== null && m.placeId !== null && e.placeId !== m.placeId && !e.online)
    parts.push(`places it at ${e.placeId}; the chronology gives ${m.placeId}`);
  return parts.length
    ? `${e.id}: linked to ${m.id} (${m.names.en}), but the text ${parts.join(', and ')}; the mention keeps the text's own date and place`
    : null;
}
