// @vitest-environment node
/**
 * Sentence boundaries of plain ASCII without Intl.Segmenter (sentence-breaks.ts): they must be ICU's,
 * on the project's documents and on any mix of the characters the sentence rules tell apart; an ICU
 * that breaks differently fails here, not silently in the outputs.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateCorpus } from '../../../bench/corpus.ts';
import { plainAscii, sentenceStarts } from '../../../src/pipeline/sentence-breaks.ts';
import { paragraphs, sentences } from '../../../src/pipeline/segment.ts';

const root = new URL('../../../', import.meta.url).pathname;
const icu = new Intl.Segmenter('en', { granularity: 'sentence' });
const byIcu = (s: string) => [...icu.segment(s)].map((x) => x.index);

/** Every paragraph of the project's English documents and of a few generated ones, as `sentences` gives them to the segmenter. */
function pieces(): string[] {
  const texts: string[] = generateCorpus(5, 7).map((d) => d.text);
  for (const dir of ['data/sources', 'eval/dev/en'])
    for (const f of readdirSync(join(root, dir))) if (/\.(txt|md)$/.test(f)) texts.push(readFileSync(join(root, dir, f), 'utf8'));
  return texts.flatMap((t) => paragraphs(t).map((p) => t.slice(p.start, p.end).replace(/\n/g, ' ')));
}

describe('sentence boundaries of plain ASCII', () => {
  it("are ICU's on the project's documents", () => {
    const plain = pieces().filter(plainAscii);
    expect(plain.length).toBeGreaterThan(300);
    for (const p of plain) expect(sentenceStarts(p), p).toEqual(byIcu(p));
  });

  it("are ICU's on any mix of letters, digits, stops, quotes, brackets, commas, spaces and signs", () => {
    // One of each class the rules tell apart (and words that end in a stop), so the rare orders come up.
    const bits = ['a', 'z', 'A', 'Q', '0', '7', '.', '!', '?', ' ', '\t', '"', "'", '(', ')', ']', '}', ',', '-', ':', ';', '#', '/', '~'];
    const words = ['etc.', 'U.S.', 'Mr. ', ' the ', ' The ', '3.5', '... '];
    const text = fc.array(fc.constantFrom(...bits, ...words), { maxLength: 30 }).map((xs) => xs.join(''));
    fc.assert(
      fc.property(text, (s) => {
        expect(sentenceStarts(s)).toEqual(byIcu(s));
      }),
      { numRuns: 20_000 },
    );
  });

  it('leaves text with anything but printable ASCII and tabs to ICU', () => {
    for (const s of ['Done.\nNext.', 'Café. Next.', 'Quote ”. Next', 'a\rb', '\u0085']) expect(plainAscii(s)).toBe(false);
    expect(plainAscii('Plain text, (with) "quotes" and\ttabs.')).toBe(true);
  });

  it('give the same sentences as ICU alone, abbreviations joined as before', () => {
    const t = 'Done at St. Petersburg on 7 June 2002. Mr. Wang spoke. The summit runs from Aug. 31 to Sept. 1, he said. Next one.';
    // The same text with one non-ASCII letter goes to ICU: the cuts must not move.
    const u = t.replace('Next one.', 'Next oné.');
    const cut = (x: string) => sentences(x, { start: 0, end: x.length }).map((s) => [s.start, s.end]);
    expect(cut(t)).toEqual(cut(u));
  });
});
