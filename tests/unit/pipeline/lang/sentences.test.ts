// @vitest-environment node
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sentenceStartsLang } from '../../../../src/pipeline/lang/index.ts';

const root = join(import.meta.dirname, '../../../..');
const icu = {
  ru: new Intl.Segmenter('ru', { granularity: 'sentence' }),
  zh: new Intl.Segmenter('zh', { granularity: 'sentence' }),
};
const byIcu = (lang: 'ru' | 'zh', s: string) => Array.from(icu[lang].segment(s), (x) => x.index);

// The scan replaces ICU for Russian and Chinese text: a sentence cut anywhere else would move a date
// away from its place or title, so it must cut exactly where ICU does, or say it cannot (null).
describe('sentenceStartsLang: where ICU starts each sentence', () => {
  it('on every paragraph and line of the Russian and Chinese development texts', () => {
    let read = 0;
    for (const lang of ['ru', 'zh'] as const) {
      const dir = join(root, 'eval/dev', lang);
      for (const f of readdirSync(dir).filter((x) => !x.endsWith('.json'))) {
        for (const para of readFileSync(join(dir, f), 'utf8').split(/\n[ \t]*\n/)) {
          for (const piece of [para, ...para.split('\n')]) {
            const s = piece.replace(/\n/g, ' ');
            const ours = sentenceStartsLang(s);
            if (ours) read++;
            if (ours) expect(ours, `${f}: ${s.slice(0, 80)}`).toEqual(byIcu(lang, s));
          }
        }
      }
    }
    expect(read).toBeGreaterThan(500);
  });
  it('on random strings of every character class it reads', () => {
    const chars = 'аБвГдЁёЯяabcXYZ0123４５中国人〇..．!?。！？"\'()«»“”‹›（）《》,-:;–—、，：；－%…·№  \u00a0\u3000\t';
    let seed = 11;
    const next = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    for (let t = 0; t < 20_000; t++) {
      let s = '';
      for (let n = 1 + Math.floor(next() * (t % 2 ? 12 : 48)); n > 0; n--) s += chars[Math.floor(next() * chars.length)];
      expect(sentenceStartsLang(s), JSON.stringify(s)).toEqual(byIcu(t % 3 ? 'ru' : 'zh', s));
    }
  });
  it('leaves to ICU a text with a character it does not read', () => {
    expect(sentenceStartsLang('Ἀθῆναι. Москва.')).toBeNull();
    expect(sentenceStartsLang('Москва\u0301. Пекин.')).toBeNull(); // a combining accent
    expect(sentenceStartsLang('')).toEqual([]);
  });
});
