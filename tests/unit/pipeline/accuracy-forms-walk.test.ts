// @vitest-environment node
/**
 * Forms of date the walk-through's six new documents (tests/fixtures/walk/) showed the pipeline missing,
 * each read generally: sentences composed for these tests (other meetings, cities and dates than the
 * walk's texts), through a whole document as `npm run extract` reads it.
 */
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../../src/pipeline/document.ts';
import { context } from '../../../src/pipeline/testing.ts';

const ctx = context();
const eventsOf = (text: string) =>
  extractDocument('doc', text, null, ctx).events.map((e) => [e.start, e.end ?? null, e.placeId, e.online] as const);
const datesOf = (text: string) => eventsOf(text).map((e) => (e[1] ? `${e[0]}..${e[1]}` : e[0]));

describe('Chinese: a range of days with no month before it', () => {
  it('"会议于9日至10日举行" after a dateline of June is 9–10 June', () => {
    const text = '青岛峰会开幕\n\n新华社青岛6月10日电 上合组织成员国元首理事会第十八次会议于9日至10日在青岛举行。\n';
    expect(datesOf(text)).toContainEqual('2018-06-09..2018-06-10');
  });

  it('"15至16日" and "十五日至十六日" take month and year from the date before them', () => {
    const a = '撒马尔罕\n\n2022年9月，元首们来到撒马尔罕。元首理事会会议15至16日在撒马尔罕举行。\n';
    expect(eventsOf(a)).toContainEqual(['2022-09-15', '2022-09-16', 'samarkand-uz', false]);
    const b = '比什凯克\n\n2019年6月13日，代表团抵达比什凯克。元首理事会会议十三日至十四日在比什凯克举行。\n';
    expect(eventsOf(b)).toContainEqual(['2019-06-13', '2019-06-14', 'bishkek-kg', false]);
  });

  it('a range of days with no month or year anywhere before it is no date', () => {
    const text = '论坛\n\n论坛于3日至5日在喀什举行。\n';
    expect(eventsOf(text)).toEqual([]);
  });
});

describe("Chinese and Russian: a month in a year counted from the report's own", () => {
  it('"去年6月" and "今年2月" are months of the year before and of the report\'s year; "明年" is a plan', () => {
    const text =
      '---\npublished: 2019-06-20\n---\n声明\n\n去年6月，上合组织青岛峰会发表《青岛宣言》。今年2月，防长会议在比什凯克举行。明年3月将在莫斯科举行外长会议。\n';
    const ev = eventsOf(text);
    expect(ev).toContainEqual(['2018-06', null, 'qingdao-cn', false]);
    expect(ev).toContainEqual(['2019-02', null, 'bishkek-kg', false]);
    expect(ev.some(([start]) => start.startsWith('2020'))).toBe(false);
  });

  it('"前年10月14日" is a day two years before the report', () => {
    const text = '---\npublished: 2021-03-02\n---\n回顾\n\n前年10月14日，总理会议在塔什干举行。\n';
    expect(eventsOf(text)).toContainEqual(['2019-10-14', null, 'tashkent-uz', false]);
  });

  it('"в июне прошлого года" and "10 ноября этого года" count from the report\'s year; "следующего года" is a plan', () => {
    const text =
      '---\npublished: 2020-12-01\n---\nОбзор\n\nВ июне прошлого года саммит ШОС прошёл в Бишкеке. Заседание глав правительств состоялось 10 ноября этого года в Москве. В июле следующего года саммит пройдёт в Душанбе.\n';
    const ev = eventsOf(text);
    expect(ev).toContainEqual(['2019-06', null, 'bishkek-kg', false]);
    expect(ev).toContainEqual(['2020-11-10', null, 'moscow-ru', false]);
    expect(ev.some(([start]) => start.startsWith('2021'))).toBe(false);
  });
});

describe("Russian: a month counted from the report's own", () => {
  it('"через месяц", "месяц назад" and "в прошлом месяце" are months after and before the report\'s', () => {
    const ahead = '---\npublished: 2022-08-10\n---\nАнонс\n\nЧерез месяц в Самарканде соберутся главы государств ШОС.\n';
    expect(eventsOf(ahead)).toContainEqual(['2022-09', null, 'samarkand-uz', false]);
    const back = '---\npublished: 2024-01-15\n---\nИтоги\n\nМесяц назад в Бишкеке прошло заседание глав правительств.\n';
    expect(eventsOf(back)).toContainEqual(['2023-12', null, 'bishkek-kg', false]);
    const last = '---\npublished: 2021-10-05\n---\nИтоги\n\nВ прошлом месяце в Душанбе прошёл саммит ШОС.\n';
    expect(eventsOf(last)).toContainEqual(['2021-09', null, 'dushanbe-tj', false]);
  });
});

describe('English: a speech dated only by the line under its heading', () => {
  const published = (text: string) => extractDocument('doc', text, null, ctx).meta.published;
  it('"Bishkek, 14 June 2019 — as delivered" and "Delivered in New Delhi, 4 July 2023" date the speech', () => {
    expect(
      published('Statement at the Council of Heads of State\n\nBishkek, 14 June 2019 — as delivered\n\nColleagues, I thank our hosts.\n'),
    ).toBe('2019-06-14');
    expect(
      published(
        'Remarks by the Secretary-General\n\nDelivered in New Delhi, 4 July 2023\n\nExcellencies, it is an honour to speak today.\n',
      ),
    ).toBe('2023-07-04');
    expect(published('Address to the forum\n\n16 September 2022, Samarkand (check against delivery)\n\nFriends,\n')).toBe('2022-09-16');
  });

  it('"in this very city" is the city of the line under the heading, or of the dateline', () => {
    const speech =
      'Address to the business forum\n\nDushanbe, 17 September 2021 — as delivered\n\nFriends,\n\nOur prime ministers met in this very city on 2 June 2021 and agreed on a road map.\n';
    expect(eventsOf(speech)).toContainEqual(['2021-06-02', null, 'dushanbe-tj', false]);
    const wire =
      'Ministers meet\n\nTASHKENT, May 13, 2022 (Xinhua) -- Transport ministers of the SCO met on Friday. Their deputies had gathered in this same city on 12 April 2022.\n';
    expect(eventsOf(wire)).toContainEqual(['2022-04-12', null, 'tashkent-uz', false]);
    const nowhere = 'Note\n\nThe envoys met in this city on 5 May 2020.\n';
    expect(eventsOf(nowhere)).toEqual([['2020-05-05', null, null, false]]);
  });

  it('a heading that names a meeting and its date stays the title', () => {
    const doc = extractDocument('doc', 'Qingdao Summit, 9 June 2018\n\nThe leaders met in Qingdao on 9–10 June 2018.\n', null, ctx).meta;
    expect(doc.title).toBe('Qingdao Summit, 9 June 2018');
  });
});

describe("English: a place belongs to the clause's nearer date, not to a later one past a comma", () => {
  it('"talks in Almaty on Sunday, approving what leaders will adopt at the summit ... in July" gives the summit no place', () => {
    const text =
      'Ministers end talks\n\nALMATY, Kazakhstan, March 3, 2024 — Transport ministers of the SCO concluded their meeting in Almaty on Sunday, approving the texts that heads of state will adopt at the summit hosted by Kazakhstan in July.\n';
    const ev = eventsOf(text);
    expect(ev).toContainEqual(['2024-03-03', null, 'almaty-kz', false]);
    expect(ev).toContainEqual(['2024-07', null, null, false]);
  });

  it('"gathered in Tashkent on 4 March 2021, settling the plan endorsed at their session in August 2021": August is not in Tashkent', () => {
    const text =
      'Report\n\nThe defence ministers gathered in Tashkent on 4 March 2021, settling the exercise plan that the chiefs of staff endorsed at their session in August 2021.\n';
    expect(eventsOf(text)).toEqual([
      ['2021-03-04', null, 'tashkent-uz', false],
      ['2021-08', null, null, false],
    ]);
  });

  it('dates written together keep the place: "in Astana on 3 and 5 July 2024"', () => {
    const text = 'Events\n\nRound tables were held in Astana on 3 and 5 July 2024.\n';
    for (const e of eventsOf(text)) expect(e[2]).toBe('astana-kz');
  });
});

describe("English: a month counted from the report's own", () => {
  it('"last month" and "a month ago" are the month before the report\'s', () => {
    const a = '---\npublished: 2023-01-12\n---\nNews\n\nThe youth council met in Varanasi last month and adopted its plan.\n';
    expect(eventsOf(a)).toContainEqual(['2022-12', null, 'varanasi-in', false]);
    const b = '---\npublished: 2019-11-20\n---\nNews\n\nA month ago the prime ministers met in Tashkent to approve the budget.\n';
    expect(eventsOf(b)).toContainEqual(['2019-10', null, 'tashkent-uz', false]);
  });
});

describe('Russian: a month alone in a dated report', () => {
  it('"в марте" in a report of May is March of that year; a later month ("в августе") is no date', () => {
    const text =
      '---\npublished: 2022-05-18\n---\nИтоги\n\nВ марте в Ташкенте прошла встреча министров транспорта. В августе в Самарканде пройдёт форум.\n';
    const ev = eventsOf(text);
    expect(ev).toContainEqual(['2022-03', null, 'tashkent-uz', false]);
    expect(ev.some(([start]) => start.startsWith('2022-08') || start.startsWith('2021-08'))).toBe(false);
  });
});

describe('Chinese: last month', () => {
  it('"上个月" and "上月" are the month before the report\'s', () => {
    const a = '---\npublished: 2024-01-09\n---\n简讯\n\n上个月，上合组织青年论坛在西安举行。\n';
    expect(eventsOf(a)).toContainEqual(['2023-12', null, 'xi-an-cn', false]);
    const b = '---\npublished: 2021-10-02\n---\n简讯\n\n上月在杜尚别举行的峰会启动了接收伊朗的程序。\n';
    expect(eventsOf(b)).toContainEqual(['2021-09', null, 'dushanbe-tj', false]);
  });
});

describe('relative months in a paragraph that names no number and no place', () => {
  it('"В марте …", "В сентябре прошлого года …", "Через месяц …", "last month" and "上个月…" are still read', () => {
    const ru =
      '---\npublished: 2022-05-18\n---\nИтоги\n\nВ марте министры утвердили план. В сентябре прошлого года саммит одобрил программу. Через месяц соберутся эксперты.\n';
    expect(datesOf(ru)).toEqual(expect.arrayContaining(['2022-03', '2021-09', '2022-06']));
    const en = '---\npublished: 2023-01-12\n---\nNews\n\nThe youth council met last month and adopted its plan.\n';
    expect(datesOf(en)).toEqual(['2022-12']);
    const zh = '---\npublished: 2024-01-09\n---\n简讯\n\n上个月，上合组织青年论坛开幕。\n';
    expect(datesOf(zh)).toContain('2023-12');
  });
});
