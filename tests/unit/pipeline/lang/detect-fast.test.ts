// @vitest-environment node
/**
 * The language of a document without franc's trigram scoring (lang/index.ts francOurs): the answer
 * must be franc's own, restricted to English, Russian and Chinese, on every kind of text; a new franc
 * that scores differently fails here, not silently in the outputs.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { franc } from 'franc-min';
import { describe, expect, it } from 'vitest';
import { francOurs } from '../../../../src/pipeline/lang/index.ts';
import { generateCorpus } from '../../../../bench/corpus.ts';

const root = new URL('../../../../', import.meta.url).pathname;
const OURS: Record<string, string> = { eng: 'en', rus: 'ru', cmn: 'zh' };
const byFranc = (s: string) => OURS[franc(s, { only: ['eng', 'rus', 'cmn'], minLength: 10 })];

/** The project's own documents in three languages, and the generated corpus's first few. */
function documents(): string[] {
  const texts: string[] = [];
  for (const dir of ['data/sources', 'eval/dev/en', 'eval/dev/ru', 'eval/dev/zh'])
    for (const f of readdirSync(join(root, dir))) if (/\.(txt|md|html)$/.test(f)) texts.push(readFileSync(join(root, dir, f), 'utf8'));
  for (const d of generateCorpus(5, 3)) texts.push(d.text);
  return texts;
}

describe('language without trigram scoring', () => {
  it("gives franc's answer on the project's documents, whole and cut anywhere", () => {
    const texts = documents();
    expect(texts.length).toBeGreaterThan(30);
    let compared = 0;
    for (const t of texts)
      for (const [from, length] of [
        [0, 4000],
        [0, 9],
        [0, 10],
        [0, 11],
        [0, 60],
        [0, 2047],
        [0, 2049],
        [500, 300],
        [1500, 4000],
      ] as const) {
        const s = t.slice(from, from + length);
        expect(francOurs(s), JSON.stringify(s.slice(0, 80))).toBe(byFranc(s));
        compared++;
      }
    expect(compared).toBeGreaterThan(300);
  });

  it('gives the same answer where scripts tie or mix, on digits, other scripts and nothing', () => {
    const fixed = [
      '',
      '1234567890 2024',
      '........................',
      'abcde абвгд',
      'абвгд abcde',
      '上海合作组织 SCO summit',
      'ШОС 上海合作组织峰会在阿斯塔纳举行',
      'مرحبا بالعالم هذا نص عربي',
      'これはテストの文章です。',
      'Γεια σου κόσμε, αυτό είναι',
      '😀😀😀😀😀😀😀😀😀😀😀',
      'Astana, 4 July 2024 — Астана, 4 июля 2024 г. — 阿斯塔纳，2024年7月4日',
    ];
    for (const s of fixed) expect(francOurs(s), s).toBe(byFranc(s));
    // Random mixtures of the scripts franc knows, short and long.
    const pieces = ['a', 'Ж', '中', 'ي', 'क', 'あ', 'α', ' ', '1', '.', 'é', 'ё', '𠀀', '\n'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 3000 }), (chars) => {
        const s = chars.join('');
        expect(francOurs(s)).toBe(byFranc(s));
      }),
      { numRuns: 400, seed: 12 },
    );
  });
});
