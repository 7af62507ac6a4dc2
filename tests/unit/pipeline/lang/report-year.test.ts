import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../../../src/pipeline/document.ts';
import { context } from '../../../../src/pipeline/testing.ts';

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
