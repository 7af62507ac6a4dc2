/**
 * Search hits in statements (issue 13 item 6): the words the search found, over the place and date marks,
 * in Chinese (no spaces; traditional or simplified) and Russian (ё or е) too.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { searchHits, segments } from '../../../src/app/components/highlight';
import { searchReady } from '../../../src/app/i18n/search.svelte';

// MiniSearch is fetched on the first search, not with the page (i18n/search.svelte.ts).
beforeAll(() => searchReady());

const text = 'The summit in Moscow on 10 November 2020 was held online.';
const moscow = { kind: 'place' as const, start: 14, end: 20 };
const date = { kind: 'date' as const, start: 24, end: 40 };
const shown = (q: string) =>
  segments(text, [moscow, date], searchHits(text, q))
    .filter((s) => s.kind)
    .map((s) => `${s.kind}:${s.text}`);

describe('search hits in a statement', () => {
  it('marks whole words the search matched, by prefix and with a small typo', () => {
    expect(shown('summ')).toEqual(['hit:summit', 'place:Moscow', 'date:10 November 2020']);
    expect(shown('onlin')).toContain('hit:online');
    expect(shown('novembr')).toEqual(['place:Moscow', 'date:10 ', 'hit:November', 'date: 2020']);
  });

  it('a hit inside a place wins, and no query marks nothing', () => {
    expect(shown('moscow')).toEqual(['hit:Moscow', 'date:10 November 2020']);
    expect(shown('')).toEqual(['place:Moscow', 'date:10 November 2020']);
    expect(searchHits(text, 'beijing')).toEqual([]);
  });

  it('keeps every character, in order', () => {
    expect(
      segments(text, [moscow, date], searchHits(text, 'held'))
        .map((s) => s.text)
        .join(''),
    ).toBe(text);
  });

  it('lights Chinese words inside a clause, written traditional or simplified, and a Russian ё typed as е', () => {
    const zh = '新华社阿斯塔纳7月4日电 上海合作组织成员国元首理事会第二十四次会议于2024年7月4日在阿斯塔纳举行。';
    const lit = (t: string, q: string) => searchHits(t, q).map((h) => t.slice(h.start, h.end));
    // A Chinese search lit nothing: MiniSearch's own words were whole clauses.
    expect(lit(zh, '会议')).toEqual(['会议']);
    expect(lit(zh, '阿斯塔納')).toEqual(['阿斯塔纳', '阿斯塔纳']);
    expect(lit('會議在青島舉行', '会议 青岛')).toEqual(['會議', '青島']);
    const ru = 'Ещё 15 июня 2023 года в Шанхае её участники договорились.';
    expect(lit(ru, 'еще')).toEqual(['Ещё']);
    expect(lit(ru, 'ЕЩЁ шанхай')).toEqual(['Ещё', 'Шанхае']);
  });
});
