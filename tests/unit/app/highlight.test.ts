/** Search hits in statements (issue 13 item 6): the words the search found, over the place and date marks. */
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
});
