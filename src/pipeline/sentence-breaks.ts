/**
 * Sentence boundaries of a piece of plain printable ASCII, the ones Intl.Segmenter (ICU) gives, without it.
 *
 * Why: walking Intl.Segmenter's segments cost ~15 µs per paragraph of ~450 characters here (an object
 * and a substring per sentence, through ICU's rule tables), about a tenth of a document's extraction.
 * For ASCII the Unicode sentence rules (UAX #29) come down to a handful of character classes, so the
 * same breaks are found by one scan. Anything else (other scripts, control characters) goes to ICU.
 * tests/unit/pipeline/sentence-breaks.test.ts holds the two to the same answers.
 */

/** Printable ASCII and tab: the only text this module reads (the caller asks ICU about the rest). */
const PLAIN = /^[\t\x20-\x7e]*$/;

/** True when `s` is text `sentenceStarts` reads as ICU does. */
export const plainAscii = (s: string): boolean => PLAIN.test(s);

/**
 * The UAX #29 sentence-break classes a scan reads (SentenceBreakProperty.txt), numbered once for every
 * table that gives them (this module's for ASCII, lang/sentences.ts's for Cyrillic and Han); 0 for a
 * character with no rule of its own here (% & * +, ...).
 */
export const SB = {
  OTHER: 0,
  SP: 1, // tab, space (and the wide space)
  LOWER: 2,
  UPPER: 3,
  OLETTER: 4, // letters with no case (Han)
  NUMERIC: 5,
  ATERM: 6, // .
  STERM: 7, // ! ? and the sentence marks of other scripts
  CLOSE: 8, // quotes and brackets
  SCONTINUE: 9, // , - : ; and the like
} as const;
const { SP, LOWER, UPPER, OLETTER, NUMERIC, ATERM, STERM, CLOSE, SCONTINUE } = SB;

const CLASS = new Uint8Array(128);
CLASS[9] = SP;
CLASS[32] = SP;
for (let c = 97; c <= 122; c++) CLASS[c] = LOWER;
for (let c = 65; c <= 90; c++) CLASS[c] = UPPER;
for (let c = 48; c <= 57; c++) CLASS[c] = NUMERIC;
CLASS[46] = ATERM;
CLASS[33] = STERM;
CLASS[63] = STERM;
for (const ch of `"'()[]{}`) CLASS[ch.charCodeAt(0)] = CLOSE;
for (const ch of ',-:;') CLASS[ch.charCodeAt(0)] = SCONTINUE;

/**
 * Where each sentence of `s` starts (the first at 0; none for ''), as Intl.Segmenter's sentence
 * granularity gives them. Only for `plainAscii` text. A break can only follow a full stop, "!" or "?"
 * (SB11: after the mark, its closing quotes or brackets and its spaces), unless one of the rules that
 * keep a sentence going holds at that point (SB6, SB7, SB8, SB8a).
 */
export const sentenceStarts = (s: string): number[] => startsByClass(s, CLASS);

/** The scan of `sentenceStarts`, over a table of the classes (SB) of every character `s` holds. */
export function startsByClass(s: string, cls: Uint8Array): number[] {
  // cls[s.charCodeAt(i)] is written out at each use: the CLI's launcher turns TurboFan's inlining off,
  // and a helper called per character cost as much as the scan itself.
  const n = s.length;
  const starts: number[] = n > 0 ? [0] : [];
  for (let i = 0; i < n; i++) {
    const term = cls[s.charCodeAt(i)]!;
    if (term !== ATERM && term !== STERM) continue;
    let k = i + 1;
    while (k < n && cls[s.charCodeAt(k)] === CLOSE) k++;
    while (k < n && cls[s.charCodeAt(k)] === SP) k++;
    if (k >= n) break; // the end of the text ends the last sentence
    const next = cls[s.charCodeAt(k)]!;
    // SB8a: a mark, then a comma, colon, dash or another mark: the sentence goes on.
    if (next === SCONTINUE || next === ATERM || next === STERM) {
      i = k - 1;
      continue;
    }
    if (term === ATERM) {
      // SB6: "3.5"; SB7: "U.S" (a letter, the stop, a capital, nothing between).
      const prev = i > 0 ? cls[s.charCodeAt(i - 1)]! : 0;
      if (k === i + 1 && (next === NUMERIC || (next === UPPER && (prev === LOWER || prev === UPPER)))) continue;
      // SB8: after a full stop, the next letter past any digits and signs is lower case ("etc. and so", "г. в Ташкенте").
      let m = k;
      let c = 0;
      while (m < n) {
        c = cls[s.charCodeAt(m)]!;
        if (c === LOWER || c === UPPER || c === OLETTER || c === ATERM || c === STERM) break;
        m++;
      }
      if (m < n && c === LOWER) {
        i = k - 1;
        continue;
      }
    }
    starts.push(k);
    i = k - 1;
  }
  return starts;
}
