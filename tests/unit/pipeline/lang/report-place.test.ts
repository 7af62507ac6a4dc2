import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../../../src/pipeline/document.ts';
import { context } from '../../../../src/pipeline/testing.ts';

const events = (text: string) =>
  extractDocument('w', text, null, context()).events.map(
    (e) => `${e.start}${e.end ? '..' + e.end : ''}@${e.placeId ?? (e.online ? 'online' : '-')}`,
  );

describe("a report's own meeting, its day and its video link", () => {
  it('a summit around the report day with no city in its clause is at the dateline city, and the day stays its own event', () => {
    const got = events(
      'САМАРКАНД, 16 сентября. /ТАСС/. Лидеры государств ШОС сегодня в Самарканде подписали декларацию. Саммит, который проходит 15-16 сентября, стал первым очным с 2019 года. Предыдущая встреча лидеров ШОС состоялась в июне 2021 года в Душанбе.',
    );
    expect(got).toContain('2022-09-15..2022-09-16@samarkand-uz');
    expect(got).toContain('2022-09-16@samarkand-uz');
  });
  it('本次峰会 takes the dateline city; a meeting long before the report day does not', () => {
    const got = events(
      '新华社天津9月1日电 上海合作组织成员国元首理事会第二十五次会议1日在天津举行。本次峰会于8月31日至9月1日举行。上合组织成员国外长理事会会议已于7月15日举行。',
    );
    expect(got).toContain('2025-08-31..2025-09-01@tianjin-cn');
    expect(got).toContain('2025-07-15@-');
  });
  it('a lead paragraph that says the meeting was held by video link makes the report day online, not at the dateline city', () => {
    expect(
      events('新华社北京11月25日电 25日晚，李克强参加了上合组织成员国政府首脑（总理）理事会第二十次会议。本次会议在线上以视频方式召开。'),
    ).toContain('2021-11-25@online');
  });
  it('but not a meeting held both ways at once', () => {
    expect(
      events(
        '新华社杜尚别9月17日电 上海合作组织成员国元首理事会第二十一次会议17日在杜尚别以线上线下相结合方式举行。国家主席习近平在北京以视频方式出席会议。',
      ),
    ).toContain('2021-09-17@dushanbe-tj');
  });
  it('reads the Taiwan form of Bishkek', () => {
    expect(events('2007年8月16日，成員國在比斯凱克簽署條約。')).toContain('2007-08-16@bishkek-kg');
  });
  it("a day and month a report recalls take the year nearest the report's day, not the year of the history told before them", () => {
    const got = events(
      '中新网9月17日电 上海合作组织成员国元首理事会第二十一次会议17日在杜尚别举行。\n\n2001年6月，六国元首在上海会晤。此前，外长理事会会议已于7月14日在杜尚别举行。',
    );
    expect(got).toContain('2021-07-14@dushanbe-tj');
    expect(got).not.toContain('2001-07-14@dushanbe-tj');
  });
  it('with a dateline naming no city, the meeting around the report day is where the lead placed that day', () => {
    expect(
      events('发布时间：2025-09-02 08:30\n\n中新网9月1日电 上海合作组织峰会1日在天津举行。\n\n本次峰会于8月31日至9月1日举行。'),
    ).toContain('2025-08-31..2025-09-01@tianjin-cn');
  });
  it('an earlier plan, a host of the next summit and revision stamps are no events', () => {
    expect(
      events(
        'БИШКЕК, 14 июня. /ТАСС/. Саммит ШОС прошел сегодня в Бишкеке. Изначально встречу лидеров планировали на 14-15 июня. Индия примет следующий саммит в 2023 году.',
      ),
    ).toEqual(['2022-06-14@bishkek-kg']);
    expect(events('2019年6月14日，峰会在比什凯克举行。\n\n本頁面最後修訂於2025年9月3日。')).toEqual(['2019-06-14@bishkek-kg']);
  });
  it('a day of a meeting the text placed is at that place, as an event of its own', () => {
    const got = events(
      'Программа\n\nЗаседание Совета глав правительств ШОС прошло 15-16 октября 2024 года в Исламабаде.\n\n16 октября — заседание Совета в расширенном составе.\n\n20 октября — отъезд делегаций.',
    );
    expect(got).toContain('2024-10-15..2024-10-16@islamabad-pk');
    expect(got).toContain('2024-10-16@islamabad-pk');
    expect(got).toContain('2024-10-20@-');
  });
  it('a bracketed aside on a city does not cut its date from it', () => {
    expect(
      events('Заголовок\n\nИндия и Пакистан стали членами организации на саммите в Астане (ныне Нур-Султан) в июне 2017 года.'),
    ).toEqual(['2017-06@astana-kz']);
  });
  it('a year alone is an event where its sentence says what happened, in traditional characters too and in either word order', () => {
    expect(events('標題\n\n比什凱克此前曾於2007年和2013年兩度主辦峰會。')).toEqual(['2007@bishkek-kg', '2013@bishkek-kg']);
    expect(events('Заголовок\n\nВ 2017 году ее полноправными членами стали Индия и Пакистан.')).toEqual(['2017@-']);
    expect(events('Заголовок\n\nВ 2017 году в стране было тепло.')).toEqual([]);
  });
  it('a day and month take the year of the last full date, not of a month the text recalls in passing', () => {
    const got = events(
      'Заголовок\n\nСаммит ШОС 23–24 июня 2016 г. прошел в Ташкенте.\n\nРешение было принято годом ранее, в июле 2015 г. в Уфе.\n\n23 июня премьер-министр Индии встретился с председателем КНР в Ташкенте.',
    );
    expect(got).toContain('2016-06-23@tashkent-uz');
    expect(got.some((e) => e.startsWith('2015-06-23'))).toBe(false);
  });
  it("an event page's fact table gives the meeting its dates and its place row's city", () => {
    const got = events(
      '上海合作组织成员国元首理事会第十二次会议\n\n会议日期 | 2012年6月6日至7日\n会议地点 | 中国北京 人民大会堂\n\n会议日程\n\n7日上午，元首理事会会议在人民大会堂举行大范围会谈。',
    );
    expect(got).toContain('2012-06-06..2012-06-07@beijing-cn');
    expect(got).toContain('2012-06-07@beijing-cn');
  });
  it("a date's clause is its own in Russian and Chinese too: a city of the next clause is not its place", () => {
    expect(events('標題\n\n伊朗於2023年7月4日成為第九個成員國；白俄羅斯則於2024年7月4日在阿斯塔納峰會上加入。')).toEqual([
      '2023-07-04@-',
      '2024-07-04@astana-kz',
    ]);
    expect(
      events('Заголовок\n\nИран стал членом организации 4 июля 2023 года, Белоруссия — на саммите в Астане 4 июля 2024 года.'),
    ).toEqual(['2023-07-04@-', '2024-07-04@astana-kz']);
  });
  it("a treaty's entry into force has no place, though it was signed somewhere", () => {
    expect(
      events('Заголовок\n\nХартия ШОС, подписанная в Санкт-Петербурге 7 июня 2002 года, вступила в силу 19 сентября 2003 года.'),
    ).toEqual(['2002-06-07@saint-petersburg-ru', '2003-09-19@-']);
    expect(events('標題\n\n2002年6月7日，各國元首於聖彼得堡簽署《上海合作組織憲章》，憲章於2003年9月19日生效。')).toEqual([
      '2002-06-07@saint-petersburg-ru',
      '2003-09-19@-',
    ]);
  });
  it('a report filed from one city about a summit in another places the summit and its day where the text says', () => {
    expect(
      events(
        'Заголовок\n\nМОСКВА, 4 июля. /ТАСС/. Лидеры ШОС сегодня в Астане подписали декларацию. Саммит, который проходит 3-4 июля, стал первым после расширения. Предыдущая встреча лидеров ШОС состоялась в 2023 году.',
      ),
    ).toEqual(['2023@-', '2024-07-03..2024-07-04@astana-kz', '2024-07-04@astana-kz']);
  });
  it('a Chinese comma before a year starts the clause of that date', () => {
    expect(events('標題\n\n上海合作組織於2001年6月15日在上海成立，2017年6月擴員至八個成員國。')).toEqual([
      '2001-06-15@shanghai-cn',
      '2017-06@-',
    ]);
  });
});
