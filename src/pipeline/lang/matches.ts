/**
 * Every match of a global pattern, in order, as `text.matchAll(re)` gives them. Why not matchAll: it
 * clones the pattern and steps an iterator on every call, and the date stages call it ~15 times per
 * sentence; over sentences of the generated corpus that machinery took about twice the search itself.
 */
export function allMatches(re: RegExp, text: string): RegExpExecArray[] {
  // (without the g flag exec ignores lastIndex and this would never end; matchAll refuses such a pattern too)
  if (!re.global) throw new TypeError(`allMatches needs a global pattern: ${re}`);
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    out.push(m);
    // an empty match would be found again at the same place: step over it, as matchAll does
    if (m[0] === '') re.lastIndex = stepOver(text, re.lastIndex, re.unicode || re.flags.includes('v'));
  }
  return out;
}

/** The index after `i`: past a whole surrogate pair when the pattern reads code points. */
function stepOver(text: string, i: number, codePoints: boolean): number {
  if (!codePoints || i + 1 >= text.length) return i + 1;
  const c = text.charCodeAt(i);
  const d = text.charCodeAt(i + 1);
  return c >= 0xd800 && c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff ? i + 2 : i + 1;
}
