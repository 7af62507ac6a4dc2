import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../../../src/pipeline/document.ts';
import { context } from '../../../../src/pipeline/testing.ts';
import { reportYearLang } from '../../../../src/pipeline/lang/report-year.ts';

const days = (text: string) => extractDocument('w', text, null, context()).events.map((e) => `${e.start}${e.end ? '..' + e.end : ''}`);

describe('a wire whose dateline has no year takes the year its text says', () => {
  it('from the ordinal of the heads of state council meeting', () => {
    expect(
      days('新华社青岛6月10日电 上海合作组织成员国元首理事会第十八次会议10日在青岛举行。上海合作组织于2001年6月15日在上海成立。'),
    ).toContain('2018-06-10');
  });
  it('from the ordinal of the heads of government council, which skipped 2002', () => {
    expect(days('新华社北京11月25日电 上合组织成员国政府首脑（总理）理事会第二十次会议25日以视频方式举行。')).toContain('2021-11-25');
  });
  it("from the previous meeting's year, and yesterday counts from the dateline", () => {
    const got = days(
      'БИШКЕК, 14 июня. /ТАСС/. Лидеры ШОС сегодня подписали декларацию в Бишкеке. Вчера в Бишкеке прошли переговоры. Предыдущая встреча лидеров ШОС состоялась в июне 2018 года в Циндао.',
    );
    expect(got).toContain('2019-06-14');
    expect(got).toContain('2019-06-13');
  });
  it('from a publication stamp, though the dateline names no city', () => {
    expect(days('发布时间：2025-09-02 08:30\n\n中新网9月1日电 上海合作组织峰会1日在天津举行。')).toContain('2025-09-01');
  });
  it('and guesses nothing when the text says no year', () => {
    expect(days('МОСКВА, 10 ноября. /ТАСС/. Лидеры ШОС сегодня провели встречу.')).toEqual([]);
  });
  it('from the weekday the text gives for the dateline day, when one year only fits', () => {
    expect(
      days(
        'МОСКВА, 10 ноября — РИА Новости. Лидеры ШОС провели во вторник саммит в Москве. Очная встреча должна была пройти 22-23 июля 2020 года.',
      ),
    ).toContain('2020-11-10');
    expect(days('新华社北京11月10日电 上合组织峰会星期二在北京举行。2020年7月的会议被推迟。')).toContain('2020-11-10');
  });
});

describe("the previous or next meeting's year, against the dateline's month", () => {
  const year = (lang: 'ru' | 'zh', text: string, month?: number) => reportYearLang(lang, text, '', month)?.y;
  it('a next meeting later in the year is in the report’s own year', () => {
    const zh = '新华社比什凯克5月14日电 外长理事会会议14日举行。下一次政府首脑理事会会议将于2025年11月在莫斯科举行。';
    expect(year('zh', zh, 5)).toBe(2025);
    const ru = 'БИШКЕК, 14 мая. Министры провели встречу. Следующая встреча глав правительств намечена на ноябрь 2025 года в Москве.';
    expect(year('ru', ru, 5)).toBe(2025);
  });
  it('a next meeting in an earlier or the same month, or with no month, is the next year’s', () => {
    expect(year('zh', '新华社青岛6月10日电 峰会举行。下一次元首理事会会议将于2019年6月举行。', 6)).toBe(2018);
    expect(year('ru', 'БИШКЕК, 14 июня. Индия примет следующий саммит в 2023 году.', 6)).toBe(2022);
    expect(year('ru', 'Следующая встреча пройдет в ноябре 2025 года.')).toBe(2024); // no dateline month: as before
  });
  it('a previous meeting is the year before, whatever its month: a yearly council moves between months', () => {
    expect(year('ru', 'МОСКВА, 18 ноября. Предыдущее заседание совета прошло 15-16 октября 2024 года в Исламабаде.', 11)).toBe(2025);
    expect(year('ru', 'БИШКЕК, 14 июня. Предыдущая встреча лидеров ШОС состоялась в июне 2018 года в Циндао.', 6)).toBe(2019);
    expect(year('zh', '上一次会议于2024年10月在伊斯兰堡举行。', 3)).toBe(2025);
  });
});

describe('a wire read whole', () => {
  it('whose next meeting is later in the same year takes that year for its dateline and "this year"', () => {
    const got = days(
      '新华社比什凯克5月14日电 上海合作组织成员国外长理事会会议14日在比什凯克举行。今年3月在塔什干举行了专家磋商。下一次政府首脑理事会会议将于2025年11月在莫斯科举行。',
    );
    expect(got).toContain('2025-05-14');
    expect(got).toContain('2025-03');
    expect(got.some((d) => d.startsWith('2024'))).toBe(false);
  });
});
