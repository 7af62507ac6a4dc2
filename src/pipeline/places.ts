/**
 * Stage 4: find places in a sentence.
 *
 * A place is a gazetteer name written as a proper noun (case-sensitive). A city name that is only part
 * of a longer name is not a place: "Paris Pact Initiative", "Heart of Asia-Istanbul Process",
 * "Shanghai Cooperation Organisation", "Astana Declaration", "Moscow format", "Xiamen-2019",
 * "Vladimir Putin". No library does this for our texts, so it is written here: the rules look at the
 * words right around the name.
 */
import type { Gazetteer, GazetteerPlace } from './gazetteer.ts';

export interface PlaceMention {
  start: number;
  end: number;
  /** The name as written. */
  text: string;
  place: GazetteerPlace;
  /** Written as "in X", "at X", "to X"...: the strongest sign that something happens there. */
  preposition: boolean;
}
export interface RejectedPlace {
  start: number;
  end: number;
  text: string;
  why: string;
}

const WORD = /[\p{L}\p{M}\d]+(?:[-'’.][\p{L}\p{M}\d]+)*\.?/uy;
/** Only capitalised words can start a place name: scanning for them alone keeps this stage cheap. */
const CAPITALISED = /\p{Lu}[\p{L}\p{M}\d]*(?:[-'’.][\p{L}\p{M}\d]+)*\.?/gu;
const PREV_WORD = /([\p{L}\p{M}\d]+(?:[-'’.][\p{L}\p{M}\d]+)*\.?)(\s*)$/u;
/** Capitalised words that may stand before a place without making it part of a longer name. */
const FREE_BEFORE = new Set([
  'The',
  'In',
  'At',
  'On',
  'From',
  'To',
  'For',
  'By',
  'And',
  'But',
  'As',
  'With',
  'During',
  'After',
  'Before',
  'Since',
  'Until',
  'While',
  'When',
  'Where',
  'This',
  'That',
  'Both',
  'Also',
  'Today',
  'Then',
  'Near',
  'Outside',
  'Inside',
  'Via',
  'Of',
  'Between',
  'Including',
  'Like',
  'Unlike',
  'Across',
  'Around',
  'Toward',
  'Towards',
  'Host',
  'Hosted',
  'Visiting',
  'City',
  'Capital',
]);
/** Capitalised words that may follow a place: "the Qingdao Summit" was held in Qingdao. */
const FREE_AFTER = new Set(['Summit', 'City']);
/** Lower-case words that turn "<City> word" into the name of a thing, not a place. */
const NAME_AFTER =
  /^(?:format|process|declaration|initiative|pact|spirit|charter|formula|consensus|communiqu[eé]|principles?|agreement|convention|accords?|protocol|group|model|talks?)\b/;
const PREPOSITION = /\b(?:in|at|to|from|near|outside|inside|into|via|of the city of|city of|capital)\s+(?:the\s+)?$/;
// Patterns with \p{…} outside a class are kept here, not written where they are used: the bundler the CLI runs
// through (esbuild, target node20) rewrites such a literal as `new RegExp(…)`, built anew at every call (~0.2 µs).
const CAP_START = /^\p{Lu}/u;
const ALL_CAPS = /^\p{Lu}{2,}$/u;
const CAP_THEN_LOWER = /^\p{Lu}\p{Ll}/u;

interface Word {
  start: number;
  end: number;
  text: string;
}
function wordAt(text: string, at: number): Word | null {
  WORD.lastIndex = at;
  const m = WORD.exec(text);
  return m ? { start: at, end: at + m[0].length, text: m[0] } : null;
}

/**
 * A filter over the first words of the gazetteer's names, by their first two characters and their length
 * (a bit per hash of the three): a capitalised word whose bit is clear starts no name, and is passed over
 * without cutting it out of the text or looking it up. Why: the place scan reads every capitalised word of
 * every paragraph, and nearly none starts a name; cutting each out and hashing it in two Maps was most of
 * this stage's time. Built once per gazetteer (its names never change after it is made).
 */
const FIRST_WORD_BITS = 1 << 16;
const firstWordFilters = new WeakMap<Gazetteer, Uint8Array>();
const firstWordHash = (c0: number, c1: number, length: number) =>
  (Math.imul(c0, 40503) ^ Math.imul(c1, 9973) ^ Math.imul(length, 31)) & 0xffff;
function firstWordFilter(gaz: Gazetteer): Uint8Array {
  let bits = firstWordFilters.get(gaz);
  if (!bits) {
    bits = new Uint8Array(FIRST_WORD_BITS);
    for (const w of gaz.maxWords.keys()) bits[firstWordHash(w.charCodeAt(0), w.length > 1 ? w.charCodeAt(1) : 0, w.length)] = 1;
    firstWordFilters.set(gaz, bits);
  }
  return bits;
}

/** ASCII letters and digits (what [\p{L}\p{M}\d] reads among ASCII) are 1, the separators of CAPITALISED 2. */
const ASCII_WORD = new Uint8Array(128);
for (let c = 0; c < 128; c++) if (/[A-Za-z0-9]/.test(String.fromCharCode(c))) ASCII_WORD[c] = 1;
for (const ch of "-'.") ASCII_WORD[ch.charCodeAt(0)] = 2;
/** Where a match of CAPITALISED can start: an ASCII capital, or any character past ASCII (left to the pattern). */
const CAPITAL_OR_WIDE = /[A-Z\u0080-\uffff]/g;

/**
 * Where the capitalised word CAPITALISED would match at `start` (an ASCII capital) ends, computed by hand;
 * -1 when a character outside ASCII takes part, which the pattern itself then reads. The pattern has nothing
 * after its optional full stop that could fail, so its greedy path is the match: letters and digits, then
 * each separator that a letter or digit follows with those, then a full stop if there is one. (The table
 * is read inline: the CLI runs with TurboFan's inlining off, and a call per character doubled this scan.)
 */
function asciiCapitalisedEnd(text: string, start: number): number {
  const size = text.length;
  let j = start + 1;
  for (;;) {
    let c = 0;
    while (j < size && (c = text.charCodeAt(j)) < 128 && ASCII_WORD[c] === 1) j++;
    if (j >= size) return j;
    if (c >= 128) return -1;
    if (ASCII_WORD[c] !== 2) return j;
    if (j + 1 >= size) return c === 46 ? j + 1 : j;
    const d = text.charCodeAt(j + 1);
    if (d >= 128) return -1;
    if (ASCII_WORD[d] === 1) j += 2;
    else return c === 46 ? j + 1 : j;
  }
}

/** All places named in `text` (offsets relative to `text`). */
export function findPlaces(text: string, gaz: Gazetteer): { mentions: PlaceMention[]; rejected: RejectedPlace[] } {
  const mentions: PlaceMention[] = [];
  const rejected: RejectedPlace[] = [];
  const filter = firstWordFilter(gaz);
  const { maxWords, wordCounts } = gaz.names(); // once per text, not a getter per word
  const size = text.length;
  let at = 0;
  while (at < size) {
    // The next match of CAPITALISED from `at`: in ASCII only A-Z starts one, and the word is read here; from
    // any other character on, the pattern itself finds it.
    let index: number;
    let end: number;
    CAPITAL_OR_WIDE.lastIndex = at;
    if (!CAPITAL_OR_WIDE.test(text)) break;
    at = CAPITAL_OR_WIDE.lastIndex - 1;
    const c = text.charCodeAt(at);
    end = c < 128 ? asciiCapitalisedEnd(text, at) : -1;
    if (end >= 0) {
      index = at;
      const len = end - at;
      const c1 = len > 1 ? text.charCodeAt(at + 1) : 0;
      const last = text.charCodeAt(end - 1);
      // the word, or without its full stop or its 's (below): only these lengths can be looked up
      const maybe =
        filter[firstWordHash(c, c1, len)] === 1 ||
        ((last === 46 || last === 115) &&
          ((len > 1 && filter[firstWordHash(c, len > 2 ? c1 : 0, len - 1)] === 1) ||
            (len > 2 && filter[firstWordHash(c, len > 3 ? c1 : 0, len - 2)] === 1) ||
            (len > 3 && filter[firstWordHash(c, len > 4 ? c1 : 0, len - 3)] === 1)));
      if (!maybe) {
        at = end;
        continue;
      }
    } else {
      CAPITALISED.lastIndex = at;
      const m = CAPITALISED.exec(text);
      if (!m) break;
      index = m.index;
      end = m.index + m[0].length;
    }
    at = end;
    const w0 = text.slice(index, end);
    let maxN = maxWords.get(w0) ?? 0; // "St." keeps its dot
    // the lengths in words worth a look-up (Gazetteer.wordCounts): a name of n words starts with this very word.
    // Both maps have the same keys, so a word no name starts with (most capitalised words) costs one look-up.
    let counts = maxN === 0 ? 0 : wordCounts.get(w0)!;
    if (w0.endsWith('.') || w0.endsWith('s')) {
      // "Moscow." at a sentence end, "Beijing's": only these two endings need another look-up, and only
      // when they are there ("States" ends in s and is looked up once)
      const first = w0.endsWith('.') ? w0.slice(0, -1) : w0;
      const bare = first.endsWith("'s") || first.endsWith('’s') ? first.slice(0, -2) : first;
      if (first !== w0) {
        const n = maxWords.get(first) ?? 0;
        if (n !== 0) {
          maxN = Math.max(maxN, n);
          counts |= wordCounts.get(first)!;
        }
      }
      if (bare !== first) {
        const n = maxWords.get(bare) ?? 0;
        if (n !== 0) {
          maxN = Math.max(maxN, n);
          counts |= wordCounts.get(bare)!;
        }
      }
    }
    if (maxN === 0) continue;
    // The words that follow, each after a single space or line break: "New" → "New Delhi", "New York City";
    // a hard-wrapped text or a PDF's lines break "New\nDelhi" as often as any other two words.
    const words: Word[] = [{ start: index, end, text: w0 }];
    while (words.length < maxN + 1) {
      const last = words[words.length - 1]!;
      if (text[last.end] !== ' ' && text[last.end] !== '\n') break;
      const w = wordAt(text, last.end + 1);
      if (!w) break;
      words.push(w);
    }
    for (let n = Math.min(maxN, words.length); n >= 1; n--) {
      if ((counts & (1 << Math.min(n, 31))) === 0) continue; // no name of n words starts so
      const w = words[0]!;
      let end = words[n - 1]!.end;
      let name = text.slice(w.start, end);
      if (n > 1 && name.includes('\n')) name = name.replace(/\n/g, ' ');
      if (name.endsWith('.') && !gaz.lookup(name)) {
        name = name.slice(0, -1);
        end--;
      }
      if (/['’]s$/.test(name) && !gaz.lookup(name)) {
        name = name.slice(0, -2);
        end -= 2;
      }
      const place = gaz.lookup(name);
      if (!place) continue;
      const why = partOfLongerName(text, w.start, end, words[n] ?? null);
      if (why) rejected.push({ start: w.start, end, text: name, why });
      else
        mentions.push({
          start: w.start,
          end,
          text: name,
          place,
          preposition: PREPOSITION.test(text.slice(Math.max(0, w.start - 20), w.start)),
        });
      at = words[n - 1]!.end;
      break;
    }
  }
  return { mentions, rejected };
}

function partOfLongerName(text: string, start: number, end: number, next: Word | null): string | null {
  const before = text.slice(Math.max(0, start - 2), start);
  const after = text.slice(end, end + 2);
  if (/[\p{L}\d]-\s?$/u.test(before) || /^-[\p{L}\d]/u.test(after)) return 'part of a hyphenated name';
  // (only on the same line: a city at a line's end is not part of a name with the next line's first word)
  if (next && next.start === end + 1 && text.charCodeAt(end) === 32) {
    if (CAP_START.test(next.text) && !FREE_AFTER.has(next.text.replace(/\.$/, '')) && !ALL_CAPS.test(next.text))
      return `part of the name "${text.slice(start, next.end)}…"`;
    if (NAME_AFTER.test(next.text)) return `names a ${next.text.toLowerCase()}, not a place`;
  }
  const prev = PREV_WORD.exec(text.slice(Math.max(0, start - 40), start));
  if (prev && prev[2] === ' ' && CAP_THEN_LOWER.test(prev[1]!) && !FREE_BEFORE.has(prev[1]!)) {
    const beforePrev = text.slice(Math.max(0, start - 200), start - prev[0].length);
    const sentenceStart = beforePrev.trim() === '' || /(?:[.!?:;"“(]|\*\*)\s*$/.test(beforePrev);
    if (!sentenceStart) return `part of the name "${prev[1]} ${text.slice(start, end)}"`;
  }
  return null;
}

export interface Dateline {
  place: GazetteerPlace;
  text: string;
  start: number;
  end: number;
  headerEnd: number;
}

const DATELINE =
  /^[\s*#_>]*(?:date\s+\d{4}-\d{2}-\d{2}\s+)?((?:\p{Lu}[\p{Lu}'’.-]+)(?:\s\p{Lu}[\p{Lu}'’.-]+){0,2})\s*(?:,|\(|—|–|--|-\s|:)/u;

/**
 * A news dateline at the start of a paragraph: "BEIJING, (APP - ... 29th May, 2020 ):" or
 * "date 2024-07-04 ASTANA —". Returns the place and where the dateline header ends (the date of the
 * report, when the dateline gives one, lies before headerEnd).
 */
export function findDateline(para: string, gaz: Gazetteer): Dateline | null {
  const m = DATELINE.exec(para.slice(0, 200));
  if (!m) return null;
  const name = m[1]!;
  const place = gaz.lookupUpper(name);
  if (!place) return null;
  const start = m.index + m[0].indexOf(name);
  const rest = para.slice(start + name.length, start + name.length + 160);
  // "BEIJING, (APP - ... 29th May, 2020 ):" runs to the closing bracket; "TASHKENT, June 11 (Xinhua) --" to the dash.
  // "MOSCOW, November 10. /TASS/." ends after the agency's name between slashes.
  const close = /^\s*,?\s*\(/.test(rest) ? /\)\s*(?::|--|—|–|-)?/.exec(rest) : /\/[\p{Lu}-]{2,}\/\.?|:|--|—|–| - /u.exec(rest);
  const headerEnd = start + name.length + (close ? close.index + close[0].length : 0);
  return { place, text: name, start, end: start + name.length, headerEnd };
}
