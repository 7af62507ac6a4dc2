/**
 * Sentence boundaries of Russian and Chinese text as Intl.Segmenter (ICU) gives them, without it, for
 * text of the characters these languages' documents are written in (Cyrillic, Han, ASCII and their
 * punctuation). Anything else (another script, a combining mark, a control character) returns null
 * and goes to ICU.
 *
 * Why: walking Intl.Segmenter's segments was ~15 % of a Russian or Chinese document's extraction in the
 * lang-speed bench's profiles (an object and a substring per sentence, through ICU's rule tables);
 * English plain ASCII already has its own scan (sentence-breaks.ts). The Unicode sentence rules
 * (UAX #29) for these characters come down to a few classes, read in one pass here.
 * tests/unit/pipeline/lang/sentences.test.ts holds the scan to ICU's answers, random texts included.
 */

// The UAX #29 sentence-break class of each character read here (SentenceBreakProperty.txt); UNKNOWN for the rest.
const UNKNOWN = 0;
const OTHER = 1; // digits' and letters' neighbours with no rule of their own: % & * + / < = > @ # $ ^ _ ` | ~ … · №
const SP = 2;
const LOWER = 3;
const UPPER = 4;
const OLETTER = 5; // Han
const NUMERIC = 6;
const ATERM = 7; // . and the full-width ．
const STERM = 8; // ! ? 。！？
const CLOSE = 9; // quotes and brackets
const SCONTINUE = 10; // , - : ; – — and their full-width forms, 、

const CLASS = new Uint8Array(0x10000);
const set = (chars: string, c: number) => {
  for (const ch of chars) CLASS[ch.charCodeAt(0)] = c;
};
const range = (from: number, to: number, c: number) => CLASS.fill(c, from, to + 1);
set('%&*+/<=>@#$^_`|~\u2026\u00b7\u2116', OTHER);
set('\t \u00a0\u3000', SP);
range(0x61, 0x7a, LOWER);
range(0x41, 0x5a, UPPER);
range(0x30, 0x39, NUMERIC);
range(0xff10, 0xff19, NUMERIC);
range(0x0400, 0x042f, UPPER);
range(0x0430, 0x045f, LOWER);
range(0x4e00, 0x9fff, OLETTER);
range(0x3400, 0x4dbf, OLETTER);
set('\u3007', OLETTER); // 〇
set('.\uff0e', ATERM);
set('!?\u3002\uff01\uff1f', STERM);
set(
  '"\'()[]{}\u00ab\u00bb\u2018\u2019\u201c\u201d\u201e\u3008\u3009\u300a\u300b\u300c\u300d\u300e\u300f\u3010\u3011\uff08\uff09\u2039\u203a',
  CLOSE,
);
set(',-:;\u2013\u2014\u3001\uff0c\uff0d\uff1a\uff1b', SCONTINUE);

/**
 * Where each sentence of `s` starts (the first at 0; none for ''), as Intl.Segmenter's sentence
 * granularity gives them; null when `s` holds a character this scan does not read. A break can only
 * follow a full stop or a sentence mark (SB11: after the mark, its closing quotes or brackets and its
 * spaces), unless a rule that keeps a sentence going holds there (SB6, SB7, SB8, SB8a).
 */
export function sentenceStartsLang(s: string): number[] | null {
  const n = s.length;
  for (let i = 0; i < n; i++) if (CLASS[s.charCodeAt(i)] === UNKNOWN) return null;
  const starts: number[] = n > 0 ? [0] : [];
  for (let i = 0; i < n; i++) {
    const term = CLASS[s.charCodeAt(i)]!;
    if (term !== ATERM && term !== STERM) continue;
    let k = i + 1;
    while (k < n && CLASS[s.charCodeAt(k)] === CLOSE) k++;
    while (k < n && CLASS[s.charCodeAt(k)] === SP) k++;
    if (k >= n) break; // the end of the text ends the last sentence
    const next = CLASS[s.charCodeAt(k)]!;
    // SB8a: a mark, then a comma, colon, dash or another mark: the sentence goes on.
    if (next === SCONTINUE || next === ATERM || next === STERM) {
      i = k - 1;
      continue;
    }
    if (term === ATERM) {
      // SB6: "3.5"; SB7: "т.Е" (a letter, the stop, a capital, nothing between).
      const prev = i > 0 ? CLASS[s.charCodeAt(i - 1)]! : 0;
      if (k === i + 1 && (next === NUMERIC || (next === UPPER && (prev === LOWER || prev === UPPER)))) continue;
      // SB8: after a full stop, the next letter past any digits and signs is lower case ("г. в Ташкенте").
      let m = k;
      let c = 0;
      while (m < n) {
        c = CLASS[s.charCodeAt(m)]!;
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
