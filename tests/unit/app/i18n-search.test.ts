/**
 * Search finds Russian words in any form (ё or е) and Chinese words without spaces, written traditional
 * or simplified, in a mixed corpus.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { filterMask } from '../../../src/app/data/indexes';
import { processTerm, searchReady, tokenize } from '../../../src/app/i18n/search.svelte';
import { sampleData } from './sample';
import type { AtlasData } from '../../../src/app/data/indexes';
import type { Statement } from '../../../src/contract/schema';

let data: AtlasData;
const extra: Statement[] = [
  {
    id: 'ru-1',
    docId: 'ru-doc',
    text: 'Саммит ШОС прошёл в Бишкеке 14 июня 2019 года.',
    start: 0,
    end: 10,
    placeIds: [],
    eventIds: [],
    topics: [],
    marks: [],
  },
  {
    id: 'zh-1',
    docId: 'zh-doc',
    text: '上海合作组织成员国元首理事会会议在青岛举行。',
    start: 0,
    end: 10,
    placeIds: [],
    eventIds: [],
    topics: [],
    marks: [],
  },
];

beforeAll(async () => {
  await searchReady();
  const d = await sampleData();
  // The sample's statements plus a Russian and a Chinese one, through the app's own index.
  const { buildIndexes } = await import('../../../src/app/data/indexes');
  data = buildIndexes({ ...d.raw, statements: [...d.raw.statements, ...extra] }, d.base);
});

describe('search per language', () => {
  it('finds a Russian city in another grammatical case', () => {
    for (const q of ['Бишкек', 'Бишкека', 'бишкеке', 'саммита']) expect([...data.search(q)], q).toContain('ru-1');
    expect([...data.search('Астане')]).not.toContain('ru-1');
  });

  it('finds Chinese words inside text without spaces', () => {
    for (const q of ['青岛', '上海合作组织', '元首理事会']) expect([...data.search(q)], q).toContain('zh-1');
    expect([...data.search('北京')]).not.toContain('zh-1');
  });

  it('finds Chinese written in traditional characters in a simplified text, and the other way round', () => {
    // The walk (zh, added documents): 會議 and 阿斯塔納 found nothing in a simplified text.
    for (const q of ['會議', '元首理事會', '青島']) expect([...data.search(q)], q).toContain('zh-1');
    expect([...data.search('上海合作組織')]).toContain('zh-1');
    expect([...data.search('北京')]).not.toContain('zh-1');
    expect(tokenize('會議')).toEqual(tokenize('会议'));
  });

  it('finds a Russian word written with е for ё, and with ё for е', () => {
    for (const q of ['прошел', 'ПРОШЁЛ', 'прошёл']) expect([...data.search(q)], q).toContain('ru-1');
  });

  it('still finds English words as before', () => {
    const hits = [...data.search('Astana')];
    expect(hits.length).toBeGreaterThan(0);
    expect(filterMask(data, { topics: [], docs: [], q: 'Astana' })?.some((v) => v === 1)).toBe(true);
  });

  it('tokenises Chinese into character pairs and stems Russian', () => {
    expect(tokenize('SCO上海峰会, 2018')).toEqual(['SCO', '上海', '海峰', '峰会', '2018']);
    expect(tokenize('在京')).toEqual(['在京']);
    expect(processTerm('Бишкеке')).toBe(processTerm('Бишкек'));
    expect(processTerm('Summit')).toBe('summit');
  });
});
