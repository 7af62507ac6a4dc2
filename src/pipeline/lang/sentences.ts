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

import { SB, startsByClass } from '../sentence-breaks.ts';

// The UAX #29 sentence-break class of each character read here (SentenceBreakProperty.txt, numbered as
// sentence-breaks.ts numbers them); UNKNOWN for the rest.
const UNKNOWN = 255;
const { OTHER, SP, LOWER, UPPER, OLETTER, NUMERIC, ATERM, STERM, CLOSE, SCONTINUE } = SB;

const CLASS = new Uint8Array(0x10000).fill(UNKNOWN);
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
  return startsByClass(s, CLASS);
}
