// @vitest-environment node
/** Russian and Chinese as a reader writes them: dates, places, sentences, language (issue 11). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findDates } from '../../../../src/pipeline/dates.ts';
import { Gazetteer, type GazetteerFile } from '../../../../src/pipeline/gazetteer.ts';
import { sentences } from '../../../../src/pipeline/segment.ts';
import { detectLang, findDatelineLang, findPlacesLang, type DateCarry } from '../../../../src/pipeline/lang/index.ts';
import { zhNumber } from '../../../../src/pipeline/lang/zh-dates.ts';

const gaz = new Gazetteer(JSON.parse(readFileSync(new URL('../../../../data/gazetteer.json', import.meta.url), 'utf8')) as GazetteerFile);
const ru = (s: string, carry: DateCarry = {}) =>
  findDates(s, null, 'ru', carry).mentions.map((m) => [m.text, m.value.start, m.value.end ?? null, m.value.precision]);
const zh = (s: string, carry: DateCarry = {}) =>
  findDates(s, null, 'zh', carry).mentions.map((m) => [m.text, m.value.start, m.value.end ?? null, m.value.precision]);
const places = (lang: 'ru' | 'zh', s: string) => findPlacesLang(lang, s, gaz).mentions.map((m) => [m.text, m.place.id]);

describe('Russian dates', () => {
  it('reads days, ranges written with a dash, an em dash, "с … по …" and across months', () => {
    expect(ru('прошло 13–14 июня 2019 года в Бишкеке')).toEqual([['13–14 июня 2019 года', '2019-06-13', '2019-06-14', 'day']]);
    expect(ru('3—4 июля 2024 г. в Астане')).toEqual([['3—4 июля 2024 г.', '2024-07-03', '2024-07-04', 'day']]);
    expect(ru('с 9 по 10 июня 2018 года')).toEqual([['9 по 10 июня 2018 года', '2018-06-09', '2018-06-10', 'day']]);
    expect(ru('29 июня - 2 июля 2024 года')).toEqual([['29 июня - 2 июля 2024 года', '2024-06-29', '2024-07-02', 'day']]);
    expect(ru('документ от 14.06.2019')).toEqual([['14.06.2019', '2019-06-14', null, 'day']]);
    expect(ru('саммит 5-го июля 2020 года')).toEqual([['5-го июля 2020 года', '2020-07-05', null, 'day']]);
  });
  it('gives a month or a year its own precision; a year alone only when the sentence says what happened', () => {
    expect(ru('в июне 2017 года')).toEqual([['июне 2017 года', '2017-06', null, 'month']]);
    expect(ru('ШОС была основана в 2001 году')).toEqual([['2001 году', '2001', null, 'year']]);
    expect(ru('в 2001 году рост торговли')).toEqual([]);
    expect(findDates('программа на 2023–2027 годы', null, 'ru').mentions).toEqual([]);
  });
  it('takes the year from the text before a day and month without one, and counts "вчера" from the dateline', () => {
    const carry: DateCarry = { y: 2021, m: 9, anchor: { y: 2021, m: 9, d: 15 } };
    expect(ru('Вчера открылись консультации, а 16 сентября начнётся саммит.', carry)).toEqual([
      ['Вчера', '2021-09-14', null, 'day'],
      ['16 сентября', '2021-09-16', null, 'day'],
    ]);
  });
});

describe('Chinese dates', () => {
  it('reads full dates, 至 ranges, Chinese numerals and full-width digits, keeping offsets into the original', () => {
    expect(zh('2021年9月17日')).toEqual([['2021年9月17日', '2021-09-17', null, 'day']]);
    expect(zh('会议于2015年7月9日至10日在乌法举行')).toEqual([['2015年7月9日至10日', '2015-07-09', '2015-07-10', 'day']]);
    expect(zh('二〇〇一年六月十五日，上海合作组织成立')).toEqual([['二〇〇一年六月十五日', '2001-06-15', null, 'day']]);
    const s = '会议２０１８年６月９日开幕';
    const [m] = findDates(s, null, 'zh').mentions;
    expect(s.slice(m!.start, m!.end)).toBe('２０１８年６月９日');
    expect(m!.value.start).toBe('2018-06-09');
    expect(zhNumber('三十一')).toBe(31);
    expect(zhNumber('十')).toBe(10);
  });
  it('gives "2001年6月" month precision; "6月17日" and "15日" take year and month from the text before them', () => {
    const carry: DateCarry = {};
    expect(zh('2001年6月，各方商定', carry)).toEqual([['2001年6月', '2001-06', null, 'month']]);
    expect(zh('6月17日举行会晤', carry)).toEqual([['6月17日', '2001-06-17', null, 'day']]);
    expect(zh('15日签署宣言', carry)).toEqual([['15日', '2001-06-15', null, 'day']]);
  });
  it('does not take targets and periods for events: "2025年前", "2023—2027年"', () => {
    expect(zh('2025年前完成建设')).toEqual([]);
    expect(zh('2023—2027年合作纲要')).toEqual([]);
    expect(zh('2001年上海合作组织成立')).toEqual([['2001年', '2001', null, 'year']]);
  });
  it('counts 昨天 from the dateline day', () => {
    expect(zh('昨天，各国领导人抵达青岛。', { y: 2018, m: 6, anchor: { y: 2018, m: 6, d: 10 } })).toEqual([
      ['昨天', '2018-06-09', null, 'day'],
    ]);
  });
});

describe('Russian and Chinese places', () => {
  it('match inflected Russian names through the stemmer, old names too, but not adjectives of organisations and documents', () => {
    expect(
      places(
        'ru',
        'Встречи прошли в Бишкеке, в Астане, в г. Ташкенте, в Уфе, в Санкт-Петербурге, в Нур-Султане, в Алма-Ате и Душанбе; делегации прибыли из Москвы.',
      ),
    ).toEqual([
      ['Бишкеке', 'bishkek-kg'],
      ['Астане', 'astana-kz'],
      ['Ташкенте', 'tashkent-uz'],
      ['Уфе', 'ufa-ru'],
      ['Санкт-Петербурге', 'saint-petersburg-ru'],
      ['Нур-Султане', 'astana-kz'],
      ['Алма-Ате', 'almaty-kz'],
      ['Душанбе', 'dushanbe-tj'],
      ['Москвы', 'moscow-ru'],
    ]);
    expect(places('ru', 'Шанхайская организация сотрудничества приняла Душанбинскую декларацию и Уфимскую программу.')).toEqual([]);
    expect(places('ru', 'Саммит прошёл в столице Кыргызстана.')).toEqual([['столице Кыргызстана', 'bishkek-kg']]);
  });
  it('match Chinese names as the longest substring, simplified and traditional, never inside 上海合作组织 or 青岛宣言', () => {
    expect(places('zh', '上海合作组织成员国元首在青岛签署青岛宣言，外长在新德里和比什凱克会晤。')).toEqual([
      ['青岛', 'qingdao-cn'],
      ['新德里', 'new-delhi-in'],
      ['比什凱克', 'bishkek-kg'],
    ]);
    expect(places('zh', '上海五国机制和上海精神')).toEqual([]);
    expect(places('zh', '会议在吉尔吉斯斯坦首都举行')).toEqual([['吉尔吉斯斯坦首都', 'bishkek-kg']]);
  });
  it('read datelines that place and date a report', () => {
    expect(findDatelineLang('ru', 'МОСКВА, 10 ноября. /ТАСС/. Саммит', gaz)).toMatchObject({
      text: 'МОСКВА',
      place: { id: 'moscow-ru' },
      headerEnd: 27,
    });
    expect(findDatelineLang('ru', 'ДУШАНБЕ, 13 июня — Сегодня', gaz)?.place.id).toBe('dushanbe-tj');
    expect(findDatelineLang('zh', '新华社北京6月10日电（记者 张三）上海合作组织', gaz)).toMatchObject({
      text: '北京',
      place: { id: 'beijing-cn' },
    });
    expect(findDatelineLang('ru', 'Шанхайская организация, 10 ноября', gaz)).toBeNull();
  });
});

describe('sentences and language', () => {
  it('Russian abbreviations and initials do not end a sentence; a sentence opening with a date starts one', () => {
    const t =
      'Встреча прошла в г. Ташкенте, т.е. в столице. В. В. Путин выступил. Хартия ШОС подписана. 7 июня 2002 г. Совет собрался снова.';
    expect(sentences(t, { start: 0, end: t.length }, 'ru').map((s) => t.slice(s.start, s.end))).toEqual([
      'Встреча прошла в г. Ташкенте, т.е. в столице.',
      'В. В. Путин выступил.',
      'Хартия ШОС подписана.',
      '7 июня 2002 г. Совет собрался снова.',
    ]);
  });
  it('Chinese sentences end with 。！？ and have no spaces', () => {
    const t = '会议在青岛举行。各方签署宣言！是否延期？否。';
    expect(sentences(t, { start: 0, end: t.length }, 'zh').map((s) => t.slice(s.start, s.end))).toEqual([
      '会议在青岛举行。',
      '各方签署宣言！',
      '是否延期？',
      '否。',
    ]);
  });
  it('detects the language of short and long texts', () => {
    expect(detectLang('Бишкек, 14 июня 2019 года. Заседание Совета глав государств прошло в Бишкеке.').lang).toBe('ru');
    expect(detectLang('上海合作组織成員國元首理事會會議在比什凱克舉行。').lang).toBe('zh');
    expect(detectLang('The summit was held in Bishkek on 14 June 2019.').lang).toBe('en');
    expect(detectLang('Душанбе').lang).toBe('ru');
  });
});
