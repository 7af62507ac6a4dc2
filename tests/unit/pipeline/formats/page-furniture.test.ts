// @vitest-environment node
/**
 * Pages as news sites and ministries serve them (tests/fixtures/pages, composed for these tests; see
 * tests/fixtures/pages.README.md): the article is read, and the columns of other pages' dated headlines,
 * the breadcrumbs, share bars, calendars and copyright lines around it give no events.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { htmlToText } from '../../../../src/pipeline/formats/html.ts';
import { runPipeline } from '../../../../src/pipeline/run.ts';

const pages = join(import.meta.dirname, '../../../fixtures/pages');
const page = (name: string) => htmlToText(readFileSync(join(pages, name), 'utf8'));
const run = () => {
  const dir = mkdtempSync(join(tmpdir(), 'sco-pages-'));
  cpSync(pages, dir, { recursive: true });
  return runPipeline(dir);
};

describe('a news site built of plain divs', () => {
  const text = page('en-news-site.html');
  it('keeps the article and leaves out the "Latest news" column, the calendar, the breadcrumb and the copyright line', () => {
    expect(text).toContain('met in Astana on 21 May 2024 under the chairmanship of Kazakhstan.');
    expect(text).toContain('held in Goa on 4-5 May 2023');
    for (const gone of ['Latest news', 'Expert forum on transport connectivity', 'Mo Tu We', 'Home / News', '© 2001–2024', '17.05.2024'])
      expect(text).not.toContain(gone);
  });
});

describe('an official site in Russian', () => {
  const text = page('ru-official-site.html');
  it('keeps the report and its stamp, and leaves out "Другие материалы" with its dated headlines', () => {
    expect(text).toContain('которое прошло в Астане 3–4 июля 2024 года');
    expect(text).toContain('4 июля 2024 года, 11:30');
    for (const gone of ['Другие материалы', 'Встреча с Президентом Казахстана', 'Интервью казахстанской газете', '1 июля 2024 года'])
      expect(text).not.toContain(gone);
  });
});

describe('a ministry page in Chinese, laid out in tables', () => {
  const text = page('zh-ministry-site.html');
  it('leaves out the breadcrumb, the "相关新闻" cell, the share bar and the copyright line', () => {
    expect(text.split('\n').find((l) => l.trim())).not.toMatch(/当前位置/);
    expect(text).toContain('2024年5月21日，上海合作组织成员国外长理事会会议在哈萨克斯坦阿斯塔纳举行。');
    for (const gone of ['当前位置', '相关新闻', '王毅在北京会见', '分享到', '版权所有', '2024-05-17']) expect(text).not.toContain(gone);
  });
});

describe('what the pipeline makes of the three pages', () => {
  const o = run();
  const starts = (docId: string) => o.events.filter((e) => e.docId === docId).map((e) => e.start);

  it("gives no event for another page's headline or a calendar", () => {
    for (const d of ['2024-05-17', '2024-05-14', '2024-05-08', '2024-05']) expect(starts('en-news-site')).not.toContain(d);
    for (const d of ['2024-07-01', '2024-07-02']) expect(starts('ru-official-site')).not.toContain(d);
    for (const d of ['2024-05-17', '2024-05-10']) expect(starts('zh-ministry-site')).not.toContain(d);
  });

  it("keeps each article's own events at their places", () => {
    expect(o.events).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ docId: 'en-news-site', start: '2024-05-21', placeId: 'astana-kz' }),
        expect.objectContaining({ docId: 'ru-official-site', start: '2024-07-03', end: '2024-07-04', placeId: 'astana-kz' }),
        expect.objectContaining({ docId: 'zh-ministry-site', start: '2024-05-21', placeId: 'astana-kz' }),
      ]),
    );
  });

  it("dates the Chinese page by its ISO stamp, so that '去年7月4日' is the New Delhi video summit of 2023", () => {
    const doc = o.documents.find((d) => d.id === 'zh-ministry-site')!;
    expect(doc).toMatchObject({ published: '2024-05-21', title: '上海合作组织成员国外长理事会会议在阿斯塔纳举行' });
    expect(o.events).toContainEqual(expect.objectContaining({ docId: 'zh-ministry-site', start: '2023-07-04', online: true }));
  });
});

describe('what a heading over other pages does not take out', () => {
  it('an article after the column, in the same element', () => {
    const html = `<body><div><h3>Related news</h3><ul><li><a href="/a">Ministers met in Tashkent on 3 May 2024</a></li></ul>
      <article><p>The summit opened in Astana on 3 July 2024.</p></article></div></body>`;
    const text = htmlToText(html);
    expect(text).toContain('The summit opened in Astana on 3 July 2024.');
    expect(text).not.toContain('Tashkent');
  });

  it('a chronology whose meetings are links', () => {
    const html = `<body><h1>SCO summits</h1><ul><li>15 June 2001: <a href="/s1">Shanghai summit</a></li>
      <li>9–10 June 2018: <a href="/s18">Qingdao summit</a></li></ul></body>`;
    expect(htmlToText(html)).toContain('9–10 June 2018: Qingdao summit');
  });
});

describe("a Chinese wire under its site's ISO stamp", () => {
  it('counts "当天" from its dateline\'s day, not from the stamp of the next morning', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sco-zh-stamp-'));
    writeFileSync(
      join(dir, 'wire.txt'),
      [
        '上合组织天津峰会闭幕',
        '',
        '发布时间：2025-09-02 08:30　来源：本网',
        '',
        '本网9月1日电 上海合作组织成员国元首理事会第二十五次会议1日在天津举行。',
        '',
        '当天下午，“上海合作组织+”会议在天津举行。',
        '',
      ].join('\n'),
    );
    const o = runPipeline(dir);
    expect(o.events.map((e) => e.start)).not.toContain('2025-09-02');
    expect(o.events).toContainEqual(expect.objectContaining({ start: '2025-09-01', placeId: 'tianjin-cn' }));
  });
});

describe('a calendar of events is the page, not a widget', () => {
  it('keeps a list whose class says "calendar"', () => {
    const html = `<body><h1>Calendar of events</h1><div class="calendar events-calendar"><ul>
      <li>21 May 2024: Council of Foreign Ministers, Astana</li><li>3–4 July 2024: Council of Heads of State, Astana</li></ul></div></body>`;
    expect(htmlToText(html)).toContain('3–4 July 2024: Council of Heads of State, Astana');
  });
});
