import { describe, expect, it } from 'vitest';
import { extractDocument } from '../document.ts';
import { context } from '../testing.ts';

const events = (text: string) => extractDocument('w', text, null, context()).events.map((e) => `${e.start}${e.end ? '..' + e.end : ''}@${e.placeId ?? (e.online ? 'online' : '-')}`);

describe("a report's own meeting, its day and its video link", () => {
  it('a summit around the report day with no city in its clause is at the dateline city, and the day stays its own event', () => {
    const got = events('САМАРКАНД, 16 сентября. /ТАСС/. Лидеры государств ШОС сегодня в Самарканде подписали декларацию. Саммит, который проходит 15-16 сентября, стал первым очным с 2019 года. Предыдущая встреча лидеров ШОС состоялась в июне 2021 года в Душанбе.');
    expect(got).toContain('2022-09-15..2022-09-16@samarkand-uz');
    expect(got).toContain('2022-09-16@samarkand-uz');
  });
  it('本次峰会 takes the dateline city; a meeting long before the report day does not', () => {
    const got = events('新华社天津9月1日电 上海合作组织成员国元首理事会第二十五次会议1日在天津举行。本次峰会于8月31日至9月1日举行。上合组织成员国外长理事会会议已于7月15日举行。');
    expect(got).toContain('2025-08-31..2025-09-01@tianjin-cn');
    expect(got).toContain('2025-07-15@-');
  });
  it('a lead paragraph that says the meeting was held by video link makes the report day online, not at the dateline city', () => {
    expect(events('新华社北京11月25日电 25日晚，李克强参加了上合组织成员国政府首脑（总理）理事会第二十次会议。本次会议在线上以视频方式召开。')).toContain('2021-11-25@online');
  });
  it('but not a meeting held both ways at once', () => {
    expect(events('新华社杜尚别9月17日电 上海合作组织成员国元首理事会第二十一次会议17日在杜尚别以线上线下相结合方式举行。国家主席习近平在北京以视频方式出席会议。')).toContain('2021-09-17@dushanbe-tj');
  });
  it('reads the Taiwan form of Bishkek', () => {
    expect(events('2007年8月16日，成員國在比斯凱克簽署條約。')).toContain('2007-08-16@bishkek-kg');
  });
});
