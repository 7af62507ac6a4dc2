// @vitest-environment node
/**
 * Forms of text that the development set's misses showed (issue 10, "Accuracy that generalises"), each
 * through a whole document as `npm run extract` reads it: relative years, months without a year, a day
 * inside a meeting, calendar rows, and what is no event (plans behind a bracket, anniversaries, a list's
 * period). Sentences composed for these tests.
 */
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../../src/pipeline/document.ts';
import { context } from '../../../src/pipeline/testing.ts';

const ctx = context();
const eventsOf = (text: string) =>
  extractDocument('doc', text, null, ctx).events.map((e) => [e.start, e.end ?? null, e.placeId, e.online] as const);
const datesOf = (text: string) => eventsOf(text).map((e) => (e[1] ? `${e[0]}..${e[1]}` : e[0]));

describe('English: what the text dates', () => {
  it('a day the text dates inside a meeting is its own happening', () => {
    const text =
      'Qingdao summit\n\nThe 18th meeting of the Council of Heads of State was held in Qingdao on 9–10 June 2018. On 10 June the heads of state signed the Qingdao Declaration.\n';
    expect(eventsOf(text)).toEqual([
      ['2018-06-09', '2018-06-10', 'qingdao-cn', false],
      ['2018-06-10', null, 'qingdao-cn', false],
    ]);
  });

  it("a dateline's day inside the meeting it reports joins that meeting", () => {
    const text =
      'Leaders approve admission rules\n\nTASHKENT, June 11, 2010 (Xinhua) -- Leaders of the Shanghai Cooperation Organization, who met here on Thursday and Friday, approved rules for admitting new members.\n';
    expect(eventsOf(text)).toEqual([['2010-06-10', '2010-06-11', 'tashkent-uz', false]]);
  });

  it('a treaty enters into force at no place, whatever city its sentence names', () => {
    const text =
      'Charter\n\nThe Charter of the SCO was signed at the St Petersburg summit on 7 June 2002 and entered into force on 19 September 2003.\n';
    expect(eventsOf(text)).toEqual([
      ['2002-06-07', null, 'saint-petersburg-ru', false],
      ['2003-09-19', null, null, false],
    ]);
  });

  it('each row of a calendar is read on its own, with its own place', () => {
    const text =
      'Calendar\n\n29–31.10.2020 · Regular meeting of the SCO Youth Council · Moscow\n30.10.2020 · Meeting of the Chief Justices of the Supreme Courts · Nur-Sultan\n';
    expect(eventsOf(text)).toEqual([
      ['2020-10-29', '2020-10-31', 'moscow-ru', false],
      ['2020-10-30', null, 'astana-kz', false],
    ]);
  });

  it("a fact table's dates take its city row, and the programme's days the meeting's city", () => {
    const text =
      'Summit page\n\nDates\n31 August – 1 September 2025\nCity\nTianjin, China\n\n31 August | Arrival of delegations\n1 September | Meeting of the Council of Heads of State\n';
    const ev = extractDocument('doc', text, null, ctx).events;
    expect(ev.map((e) => [e.start, e.end ?? null, e.placeId])).toEqual([
      ['2025-08-31', null, 'tianjin-cn'],
      ['2025-08-31', '2025-09-01', 'tianjin-cn'],
      ['2025-09-01', null, 'tianjin-cn'],
    ]);
    expect(ev[1]!.title).not.toMatch(/^Dates/);
  });

  it('"last year" and "two years ago" count back from the report\'s own date', () => {
    const text =
      '---\npublished: 2019-06-14\n---\nSummit\n\nThe organization expanded to include India and Pakistan two years ago. Uzbekistan hosted the leaders last year.\n';
    expect(datesOf(text)).toEqual(['2017', '2018']);
  });

  it('"Twenty-two years ago, on 15 June 2001" is not "two years ago"', () => {
    const text =
      '---\npublished: 2023-06-15\n---\nSpeech\n\nTwenty-two years ago, on 15 June 2001, the heads of six states met in Shanghai.\n';
    expect(datesOf(text)).toEqual(['2001-06-15']);
  });

  it('"in January" takes the year its sentence names; "in September of that year" too', () => {
    const text =
      'Bodies\n\nThe two permanent bodies began work in 2004: the Secretariat in Beijing in January, and the anti-terrorist structure in Tashkent in June.\n\nMinsk applied for membership in 2021, and the procedure was launched at the Dushanbe summit in September of that year.\n';
    const ev = eventsOf(text);
    expect(ev).toContainEqual(['2004-01', null, 'beijing-cn', false]);
    expect(ev).toContainEqual(['2004-06', null, 'tashkent-uz', false]);
    expect(ev.some((e) => e[0] === '2021')).toBe(true);
    expect(ev.some((e) => e[0] === '2021-09')).toBe(true);
  });

  it('a month alone in a dated report is the last such month, and a dropped plan is none', () => {
    const text =
      '---\npublished: 2022-09-15\n---\nTalks\n\nThe two leaders last met during the visit to Beijing in February. The summit had originally been planned for St. Petersburg in July.\n';
    expect(datesOf(text)).toEqual(['2022-02']);
  });

  it('a year with no place beside a placed date of that year is another happening', () => {
    const text =
      'Observers\n\nThe anti-terrorist structure was inaugurated in Tashkent on 17 June 2004.\n\nMongolia received observer status in 2004.\n';
    expect(eventsOf(text)).toEqual([
      ['2004', null, null, false],
      ['2004-06-17', null, 'tashkent-uz', false],
    ]);
  });
});

describe('English: what is no event', () => {
  it('a plan whose date comes after a bracketed name ("will chair ... (SCO) via video link on Tuesday")', () => {
    const text =
      'Briefing\n\nBEIJING, Oct. 31, 2022 (Xinhua) -- Premier Li Keqiang will chair the 21st meeting of the Council of Heads of Government of the Shanghai Cooperation Organization (SCO) via video link on Tuesday, a spokesperson announced.\n';
    expect(datesOf(text)).not.toContain('2022-10-25');
  });

  it('a proposal to hold something, and the year an anniversary falls in', () => {
    const text =
      'Declaration\n\nThe member states praise the proposal to hold a joint exhibition in New Delhi from 30 November 2020 through 28 February 2021. They will celebrate to mark the 20th anniversary of the SCO in 2021.\n';
    expect(datesOf(text)).toEqual([]);
  });

  it('the year a table of meetings starts from', () => {
    expect(datesOf('Meetings\n\nThe table lists its regular meetings since 2018 as recorded by the ministers.\n')).toEqual([]);
  });
});

describe('Russian and Chinese', () => {
  it('a Markdown fact table\'s date row takes its place row: "| Место | Шанхай |"', () => {
    const text = '# Пятёрка\n\n| Пятёрка | |\n|---|---|\n| Дата создания | 26 апреля 1996 года |\n| Место | Шанхай |\n';
    expect(eventsOf(text)).toEqual([['1996-04-26', null, 'shanghai-cn', false]]);
  });

  it('"в 2004 и 2010 гг." is two years', () => {
    const text = 'Ташкент\n\nГород принимал глав государств ШОС в 2004 и 2010 гг. в Ташкенте.\n';
    expect(datesOf(text)).toEqual(['2004', '2010']);
  });

  it('"Годом ранее" is the year before the date last read', () => {
    const text =
      'Совет\n\nПредыдущее заседание совета прошло 15-16 октября 2024 года в Исламабаде. Годом ранее главы правительств собирались в Бишкеке.\n';
    expect(eventsOf(text)).toEqual([
      ['2023', null, 'bishkek-kg', false],
      ['2024-10-15', '2024-10-16', 'islamabad-pk', false],
    ]);
  });

  it('an anniversary is no event: "2006年6月，上合组织迎来成立五周年"', () => {
    const text = '大事记\n\n2006年6月，上合组织迎来成立五周年。2006年6月15日，元首理事会会议在上海举行。\n';
    expect(datesOf(text)).toEqual(['2006-06-15']);
  });
});
