// @vitest-environment node
/**
 * The composed Russian and Chinese development texts (tests/fixtures/lang/, in windows-1251, UTF-16,
 * GB18030, Big5 and UTF-8) and the lead's two one-line probes, run through the whole pipeline: the
 * events a user should get, each with its date, end and place, and its title in the text's language.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runPipeline } from '../../../../src/pipeline/run.ts';

const tmp = mkdtempSync(join(tmpdir(), 'sco-lang-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const fixtures = new URL('../../../../tests/fixtures/lang/', import.meta.url).pathname;

function run(files: Record<string, string> | null) {
  const dir = join(tmp, String(Math.random()).slice(2));
  mkdirSync(dir);
  if (files) for (const [n, t] of Object.entries(files)) writeFileSync(join(dir, n), t);
  else for (const f of readdirSync(fixtures).filter((f) => f.endsWith('.txt'))) copyFileSync(join(fixtures, f), join(dir, f));
  return runPipeline(dir);
}
const ev = (o: ReturnType<typeof run>, doc: string) =>
  o.events.filter((e) => e.docId === doc).map((e) => [e.start, e.end ?? null, e.placeId]);

describe("the lead's probes", () => {
  const o = run({
    'ru-probe.txt': 'Бишкек, 14 июня 2019 года. Заседание Совета глав государств — членов ШОС прошло 13–14 июня 2019 года в Бишкеке.\n',
    'zh-probe.txt': '新华社青岛6月10日电 上海合作组织成员国元首理事会第十八次会议2018年6月9日至10日在青岛举行。\n',
  });
  it('a Russian one-liner gives 13–14 June 2019 in Bishkek, titled in Russian', () => {
    const e = o.events.find((x) => x.docId.includes('ru-probe') && x.start === '2019-06-13');
    expect(e).toMatchObject({ end: '2019-06-14', placeId: 'bishkek-kg' });
    expect(e!.title).toMatch(/^Заседание Совета глав государств/);
    expect(o.documents.find((d) => d.id === 'ru-probe')?.lang).toBe('ru');
  });
  it('a Chinese one-liner gives 9–10 June 2018 in Qingdao, titled in Chinese', () => {
    const e = o.events.find((x) => x.docId.includes('zh-probe') && x.start === '2018-06-09');
    expect(e).toMatchObject({ end: '2018-06-10', placeId: 'qingdao-cn' });
    expect(e!.title).toMatch(/第十八次会议/);
    expect(o.documents.find((d) => d.id === 'zh-probe')?.lang).toBe('zh');
  });
  it('similar sentences in other words: "с … по …", traditional characters, a capital named by its country', () => {
    const p = run({
      'a.txt': 'Саммит ШОС состоялся с 15 по 16 сентября 2022 года в Самарканде.\n',
      'b.txt': '上海合作組織成員國元首理事會第二十四次會議2024年7月3日至4日在阿斯塔納舉行。\n',
      'c.txt': 'Заседание глав правительств прошло 25—26 октября 2023 г. в столице Кыргызстана.\n',
    });
    expect(ev(p, 'a')).toEqual([['2022-09-15', '2022-09-16', 'samarkand-uz']]);
    expect(ev(p, 'b')).toEqual([['2024-07-03', '2024-07-04', 'astana-kz']]);
    expect(ev(p, 'c')).toEqual([['2023-10-25', '2023-10-26', 'bishkek-kg']]);
  });
});

describe('composed Russian and Chinese texts, in the encodings found in the wild', () => {
  const o = run(null);
  it('records the encoding decided for each file and the language found', () => {
    const enc = Object.fromEntries(o.report.documents.map((d) => [d.docId, d.encoding?.name]));
    expect(enc).toMatchObject({
      'ru-chronology': 'windows-1251',
      'ru-report': 'UTF-16LE',
      'zh-chronology': 'GB18030',
      'zh-big5': 'Big5',
      'ru-koi8': 'KOI8-R',
      'ru-wire': 'UTF-8',
    });
    expect(Object.fromEntries(o.documents.map((d) => [d.id, d.lang]))).toEqual({
      'ru-chronology': 'ru',
      'ru-koi8': 'ru',
      'ru-report': 'ru',
      'ru-wire': 'ru',
      'zh-big5': 'zh',
      'zh-chronology': 'zh',
      'zh-trad': 'zh',
      'zh-wire': 'zh',
    });
  });
  it('a Russian chronology (windows-1251): one event per line, with its place', () => {
    expect(ev(o, 'ru-chronology')).toEqual([
      ['2001-06-15', null, 'shanghai-cn'],
      ['2002-06-07', null, 'saint-petersburg-ru'],
      ['2017-06', null, 'astana-kz'],
      ['2018-06-09', '2018-06-10', 'qingdao-cn'],
      ['2019-06-13', '2019-06-14', 'bishkek-kg'],
    ]);
  });
  it('a Russian wire: "вчера" counts from the dateline, "в столице Таджикистана" is Dushanbe, a videoconference has no place', () => {
    expect(ev(o, 'ru-wire')).toEqual([
      ['2020-11-10', null, null],
      ['2021-09-14', null, 'dushanbe-tj'],
      ['2021-09-15', null, 'dushanbe-tj'],
      ['2021-09-16', '2021-09-17', 'dushanbe-tj'],
    ]);
  });
  it('a Russian report (UTF-16): "в г. Ташкенте" after "2022 г." is still the meeting\'s place; a term of office is no event', () => {
    expect(ev(o, 'ru-report')).toEqual([
      ['2022-06-14', null, 'tashkent-uz'],
      ['2022-07-28', '2022-07-29', 'tashkent-uz'],
      ['2022-09-15', '2022-09-16', 'samarkand-uz'],
    ]);
    expect(o.report.documents.find((d) => d.docId === 'ru-report')!.skipped.some((s) => s.text === '2022–2023')).toBe(true);
  });
  it('a Chinese chronology (GB18030) with Chinese numerals and full-width digits', () => {
    expect(ev(o, 'zh-chronology')).toEqual([
      ['2001-06-15', null, 'shanghai-cn'],
      ['2002-06-07', null, 'saint-petersburg-ru'],
      ['2005-07-05', null, 'astana-kz'],
      ['2017-06', null, 'astana-kz'],
      ['2019-06-13', '2019-06-14', 'bishkek-kg'],
    ]);
  });
  it("a KOI8-R wire: the summit, not only the report's day", () => {
    expect(ev(o, 'ru-koi8')).toEqual([
      ['2004-06-11', null, 'tashkent-uz'],
      ['2004-06-17', null, 'tashkent-uz'],
    ]);
  });
  it('Chinese wires and a report in traditional characters (UTF-8 and Big5)', () => {
    // the arrivals "昨天" and the signing on "10日" are days of their own beside the two-day meeting (as the eval's gold counts them)
    expect(ev(o, 'zh-wire')).toEqual([
      ['2018-06-09', null, 'qingdao-cn'],
      ['2018-06-09', '2018-06-10', 'qingdao-cn'],
      ['2018-06-10', null, 'qingdao-cn'],
    ]);
    // the dateline's day, which nothing else in the text names, is only the report's date: it joins its meeting
    expect(ev(o, 'zh-big5')).toEqual([['2019-06-13', '2019-06-14', 'bishkek-kg']]);
    expect(ev(o, 'zh-trad')).toEqual([
      ['2023-05-04', '2023-05-05', 'panaji-in'],
      ['2024-07-03', '2024-07-04', 'astana-kz'],
    ]);
  });
  it('titles say what happened, in the text\'s language: never "ШОС", a city, or the document\'s name alone', () => {
    const titles = o.events.filter((e) => /^(?:ru|zh)-/.test(e.docId)).map((e) => e.title);
    for (const t of titles) {
      expect(t).not.toMatch(/^(?:ШОС|ДУШАНБЕ|上合组织|上海合作组织)(?:,|（|$)/u);
      expect(t).toMatch(/[\p{Script=Cyrillic}\p{Script=Han}]/u);
    }
    expect(titles).toContain('Основана ШОС, Шанхай');
    expect(titles).toContain('阿斯塔纳峰会');
    expect(titles).toContain('上合组织成员国元首理事会第十八次会议（青岛）');
  });
});
