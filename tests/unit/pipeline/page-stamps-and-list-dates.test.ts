// @vitest-environment node
/**
 * How pages and lists write their dates, in the three languages: a stamp with a time of day or in a
 * byline dates the page and is no event; Chinese lists write "2004/01/15" and "2001.6.15", and ranges
 * "6月15—16日"; Russian stamps cut the month short ("02 сен 2025", "16 сент. 2022 г.").
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findDates } from '../../../src/pipeline/dates.ts';
import { runPipeline } from '../../../src/pipeline/run.ts';

const days = (text: string, lang: 'en' | 'ru' | 'zh') => findDates(text, null, lang, {}).mentions.map((m) => [m.value.start, m.value.end]);
const extract = (name: string, text: string) => {
  const dir = mkdtempSync(join(tmpdir(), 'sco-stamps-'));
  writeFileSync(join(dir, name), text);
  return runPipeline(dir);
};

describe('dates as lists and stamps write them', () => {
  it('Chinese: a range whose first day has no 日, and dates in figures', () => {
    expect(days('2009年6月15—16日，元首理事会会议在叶卡捷琳堡举行。', 'zh')).toEqual([['2009-06-15', '2009-06-16']]);
    expect(days('2004/01/15 北京 —— 秘书处启用。', 'zh')).toEqual([['2004-01-15', undefined]]);
    expect(days('2001.6.15 上海', 'zh')).toEqual([['2001-06-15', undefined]]);
    expect(days('版本 2.1.15 发布', 'zh')).toEqual([]);
  });

  it('Russian: a month cut short, with its year', () => {
    expect(days('02 сен 2025, 14:05', 'ru')).toEqual([['2025-09-02', undefined]]);
    expect(days('Саммит прошёл 16 сент. 2022 г. в Самарканде.', 'ru')).toEqual([['2022-09-16', undefined]]);
  });
});

describe("a page's stamp", () => {
  it('in English, a date with a time of day under the headline dates the page and is no event', () => {
    const o = extract(
      'page.txt',
      'Ministers meet in Astana\n\n22.05.2024 09:10\n\nThe Council of Foreign Ministers met in Astana on 21 May 2024.\n',
    );
    expect(o.documents[0]!.published).toBe('2024-05-22');
    expect(o.events.map((e) => e.start)).toEqual(['2024-05-21']);
  });

  it('in Russian, "02 сен 2025, 14:05" dates the page, so "1 сентября" is of 2025', () => {
    const o = extract(
      'rbc.txt',
      'Экономика\n02 сен 2025, 14:05\n\nБанк развития ШОС\n\nЛидеры государств ШОС на саммите в Тяньцзине 1 сентября договорились учредить банк.\n',
    );
    expect(o.documents[0]!.published).toBe('2025-09-02');
    expect(o.events).toContainEqual(expect.objectContaining({ start: '2025-09-01', placeId: 'tianjin-cn' }));
    expect(o.events.map((e) => e.start)).not.toContain('2025-09-02');
  });

  it('in a Chinese byline of fields, the ISO date dates the page, so "7月3日至4日" is of that year', () => {
    const o = extract(
      'editorial.txt',
      '上合组织峰会落幕\n\n来源：本报    2024-07-05 00:15    字号：大 中 小    分享到：微信\n\n7月3日至4日在阿斯塔纳举行的上合组织峰会落下帷幕。\n',
    );
    expect(o.documents[0]!.published).toBe('2024-07-05');
    expect(o.events).toContainEqual(expect.objectContaining({ start: '2024-07-03', end: '2024-07-04', placeId: 'astana-kz' }));
    expect(o.events.map((e) => e.start)).not.toContain('2024-07-05');
  });
});
