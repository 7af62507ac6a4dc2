/**
 * Pattern scans for the Russian and Chinese date finders, without a leading look-behind.
 *
 * Why: a pattern that opens with a look-behind ("(?<![\d\p{L}])в июне 2019") gives V8 no first
 * character to search for, so it runs the look-behind at every position of the sentence; over the
 * lang-speed bench's Russian sentences the month-word pattern took 5x as long with its look-behind as
 * without. Here the pattern is searched without it and the look-behind is asked in code, only where
 * the rest matched. The matches are the same, in the same order: the first position from lastIndex
 * where the rest matches is where the whole pattern would match if the look-behind holds there; if it
 * does not, the whole pattern matches nowhere before the next position, so the search goes on from there.
 */

/** Every match of global `re` at whose start `before(text, index)` holds, as allMatches gives `(?<=…)re`. */
export function matchesAfter(re: RegExp, text: string, before: (text: string, at: number) => boolean): RegExpExecArray[] {
  if (!re.global) throw new TypeError(`matchesAfter needs a global pattern: ${re}`);
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m[0] === '') throw new TypeError(`matchesAfter: ${re} matched nothing at ${m.index}`);
    if (before(text, m.index)) out.push(m);
    else re.lastIndex = m.index + (re.unicode && isPairAt(text, m.index) ? 2 : 1);
  }
  return out;
}

const isPairAt = (s: string, i: number) => {
  const c = s.charCodeAt(i);
  const d = s.charCodeAt(i + 1);
  return c >= 0xd800 && c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff;
};

/** The code point that ends right before `at` (a surrogate pair read whole, as a Unicode look-behind reads it); -1 at the start. */
function codePointBefore(s: string, at: number): number {
  if (at <= 0) return -1;
  const lo = s.charCodeAt(at - 1);
  if (lo >= 0xdc00 && lo <= 0xdfff && at >= 2) {
    const hi = s.charCodeAt(at - 2);
    if (hi >= 0xd800 && hi <= 0xdbff) return (hi - 0xd800) * 0x400 + (lo - 0xdc00) + 0x10000;
  }
  return lo;
}

const LETTER = /\p{L}/u;
/** `(?<![\d\p{L}])`: no ASCII digit and no letter of any script right before `at`. */
export function notAfterWordChar(s: string, at: number): boolean {
  const c = codePointBefore(s, at);
  if (c < 0) return true;
  if (c < 128) return !((c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122));
  return !LETTER.test(String.fromCodePoint(c));
}

/** `(?<![\p{L}])`: no letter of any script right before `at`. */
export function notAfterLetter(s: string, at: number): boolean {
  const c = codePointBefore(s, at);
  if (c < 0) return true;
  if (c < 128) return !((c | 32) >= 97 && (c | 32) <= 122);
  return !LETTER.test(String.fromCodePoint(c));
}

/** `(?<![class])` for a character class written as in a pattern ("0-9０-９一二", no brackets): no such character right before `at`. */
export function notAfterClass(cls: string): (s: string, at: number) => boolean {
  const re = new RegExp(`[${cls}]`, 'u');
  return (s, at) => {
    const c = codePointBefore(s, at);
    return c < 0 || !re.test(String.fromCodePoint(c));
  };
}
