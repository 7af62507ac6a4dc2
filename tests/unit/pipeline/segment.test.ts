// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { paragraphs, sentences } from '../../../src/pipeline/segment.ts';

describe('segment: paragraphs and sentences as offsets into the text', () => {
  const text = '\n\nTitle line\n\nFirst sentence here. Second one follows!\n  \nA hard-wrapped\nsentence ends here.\n';

  it('splits paragraphs at blank lines, trimmed, with exact offsets', () => {
    const ps = paragraphs(text).map((p) => text.slice(p.start, p.end));
    expect(ps).toEqual(['Title line', 'First sentence here. Second one follows!', 'A hard-wrapped\nsentence ends here.']);
  });

  it('cuts at every blank line as the pattern /\\n[ \\t]*\\n/ finds them, whatever the mix of newlines, spaces and tabs', () => {
    // the cuts as first written, with the pattern (segment.ts now finds them with indexOf)
    const byPattern = (t: string) => {
      const out: { start: number; end: number }[] = [];
      const push = (s: number, e: number) => {
        while (s < e && /\s/.test(t[s]!)) s++;
        while (e > s && /\s/.test(t[e - 1]!)) e--;
        if (e > s) out.push({ start: s, end: e });
      };
      const re = /\n[ \t]*\n/g;
      let from = 0;
      for (let m = re.exec(t); m; m = re.exec(t)) {
        push(from, m.index);
        from = m.index + m[0].length;
      }
      push(from, t.length);
      return out;
    };
    const t = fc
      .array(fc.constantFrom('\n', '\n', ' ', '\t', '\r', 'a', 'Bc.', '\u00a0', '\u2028'), { maxLength: 40 })
      .map((xs) => xs.join(''));
    fc.assert(
      fc.property(t, (s) => {
        expect(paragraphs(s)).toEqual(byPattern(s));
      }),
      { numRuns: 5000, seed: 3 },
    );
  });

  it('finds sentences inside a paragraph, reading single newlines as spaces', () => {
    const [, second, third] = paragraphs(text);
    expect(sentences(text, second!).map((s) => text.slice(s.start, s.end))).toEqual(['First sentence here.', 'Second one follows!']);
    expect(sentences(text, third!).map((s) => text.slice(s.start, s.end))).toEqual(['A hard-wrapped\nsentence ends here.']);
  });

  it('handles one huge paragraph quickly and without losing text', () => {
    const big = 'The member states met in Moscow on 10 November 2020. '.repeat(20_000); // ~1 MB, no blank line
    const t = performance.now();
    const ss = sentences(big, { start: 0, end: big.length });
    expect(performance.now() - t).toBeLessThan(5000); // one Intl.Segmenter call over 1 MB takes ~19 s
    expect(ss.length).toBeGreaterThanOrEqual(20_000);
    for (const s of ss.slice(0, 50)) expect(big.slice(s.start, s.end)).toMatch(/^The member states met in Moscow on 10 November 2020\.$/);
  });

  it('does not end a sentence after an abbreviation: St. Petersburg, Mr. Wang, Sept. 1', () => {
    const t = 'Done at St. Petersburg on 7 June 2002. Mr. Wang spoke. The summit runs from Aug. 31 to Sept. 1, he said. Next one.';
    expect(sentences(t, { start: 0, end: t.length }).map((s) => t.slice(s.start, s.end))).toEqual([
      'Done at St. Petersburg on 7 June 2002.',
      'Mr. Wang spoke.',
      'The summit runs from Aug. 31 to Sept. 1, he said.',
      'Next one.',
    ]);
  });
});
