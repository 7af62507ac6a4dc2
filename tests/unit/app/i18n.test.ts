import { afterEach, describe, expect, it, vi } from 'vitest';
import { fmtDay, fmtEventDate, fmtPartial } from '../../../src/app/components/format';
import {
  LOCALES,
  axisTickFormat,
  catalog,
  checkMessages,
  countryName,
  eventTitle,
  fmtNumber,
  linkReason,
  localeFromLanguages,
  parseLocale,
  placeName,
  setLocale,
  t,
  withLang,
} from '../../../src/app/i18n';
import { loadCountryNames } from '../../../src/app/i18n/country-names.svelte';
import { noticeOf, parseQuery, toQuery } from '../../../src/app/state/url';
import { describe as describeEvent } from '../../../src/app/timeline/keyboard';
import { sampleData } from './sample';

afterEach(() => setLocale('en'));

describe('the message files a translator edits', () => {
  it('have every English key in Russian and Chinese, each a valid message with the same placeholders', async () => {
    for (const l of LOCALES) expect((await catalog(l)).problems, `${l}.json`).toEqual([]);
    const keys = [...(await catalog('en')).messages.keys()].sort();
    expect(keys.length).toBeGreaterThan(0);
    expect([...(await catalog('ru')).messages.keys()].sort()).toEqual(keys);
    expect([...(await catalog('zh')).messages.keys()].sort()).toEqual(keys);
  });

  it('report a missing, malformed or renamed message by file and key, and English stands in', async () => {
    const en = await catalog('en');
    const broken = {
      'lang.label': 'Язык',
      'count.events': '{n, plural, one {# событие} few {# события}', // unclosed
      'count.statements': '{count, plural, one {# высказывание} other {# высказываний}}', // renamed
      'count.places': 7,
      'no.such.key': 'лишнее',
    };
    const c = checkMessages('ru.json', broken, en);
    const by = Object.fromEntries(c.problems.map((p) => [p.key, p]));
    expect(c.problems.every((p) => p.file === 'ru.json')).toBe(true);
    expect(by['count.events']?.message).toMatch(/not a valid ICU message/);
    expect(by['count.statements']?.message).toMatch(/placeholders \{count\} where en.json has \{n\}/);
    expect(by['count.places']?.message).toMatch(/not text/);
    expect(by['no.such.key']?.message).toMatch(/not a key of en.json/);
    expect(by['count.documents']?.message).toMatch(/missing/);
    expect(c.messages.has('lang.label')).toBe(true);
    expect(c.messages.has('count.events')).toBe(false);
    expect(checkMessages('zh.json', ['not', 'an', 'object'], en).problems[0]).toMatchObject({ key: '(whole file)' });
  });
});

describe('plurals follow each language', () => {
  it('counts events in English, Russian and Chinese', async () => {
    expect([1, 2, 5].map((n) => t('count.events', { n }))).toEqual(['1 event', '2 events', '5 events']);
    await setLocale('ru');
    expect([1, 2, 5, 21, 12].map((n) => t('count.events', { n }))).toEqual([
      '1 событие',
      '2 события',
      '5 событий',
      '21 событие',
      '12 событий',
    ]);
    // The search's count: the verb agrees with the number found ('Подходят 1 из 30 событий' was wrong).
    expect(
      [
        [1, 30],
        [21, 30],
        [2, 21],
      ].map(([matching, total]) => t('controls.matching', { matching, total })),
    ).toEqual(['Подходит 1 из 30 событий', 'Подходит 21 из 30 событий', 'Подходят 2 из 21 события']);
    await setLocale('zh');
    expect(t('count.events', { n: 3 })).toBe('3 个事件');
  });

  it('writes numbers as the language does', async () => {
    expect(fmtNumber(12345)).toBe('12,345');
    await setLocale('ru');
    expect(fmtNumber(12345).replace(/\s/g, ' ')).toBe('12 345');
  });

  it('writes the count in a message as Intl does, small and large, in every language', async () => {
    // Small whole numbers skip Intl (i18n/catalog.ts, plainNumber): the words must not change for it.
    const ns = [0, 1, 2, 5, 21, 999, 1000, 1001, 12345, 1234567, 2.5, -3];
    for (const l of LOCALES) {
      await setLocale(l);
      const got = ns.map((n) => t('count.events', { n }));
      const digits = ns.map((n) => new Intl.NumberFormat(l === 'en' ? 'en-GB' : l === 'ru' ? 'ru-RU' : 'zh-CN').format(n));
      got.forEach((text, i) => expect(text.startsWith(digits[i]!), `${l}: ${text} for ${ns[i]}`).toBe(true));
      expect(got[6], l).not.toMatch(/^1000/); // 1,000 · 1 000: grouped by Intl
    }
  });
});

describe('dates in the interface language', () => {
  const jun9 = Date.UTC(2018, 5, 9);
  it('English keeps day-month-year', () => {
    expect(fmtDay(jun9)).toBe('9 Jun 2018');
    expect(fmtPartial('2018-06')).toBe('June 2018');
    expect(fmtEventDate({ start: '2018-06-09', end: '2018-06-10' })).toBe('9 Jun 2018 – 10 Jun 2018');
  });
  it('Russian and Chinese write their own month names and spans', async () => {
    await setLocale('ru');
    expect(fmtDay(jun9)).toMatch(/^9 июн\.? 2018/);
    expect(fmtPartial('2018-06')).toMatch(/^июнь 2018/);
    expect(fmtEventDate({ start: '2018-06-09', end: '2018-06-10' })).toMatch(/^9\s*[–-]\s*10 июн/);
    await setLocale('zh');
    expect(fmtDay(jun9)).toBe('2018年6月9日');
    expect(fmtPartial('2018')).toBe('2018年');
    expect(fmtEventDate({ start: '2018-06-09', end: '2018-06-10' })).toBe('2018年6月9日至2018年6月10日');
  });
});

describe('the language a reader gets', () => {
  it('is the first of the browser languages the app speaks, else English', () => {
    expect(localeFromLanguages(['de-DE', 'ru-RU', 'en'])).toBe('ru');
    expect(localeFromLanguages(['zh-Hant-TW'])).toBe('zh');
    expect(localeFromLanguages(['fr', 'de'])).toBe('en');
    expect(localeFromLanguages([])).toBe('en');
    expect(parseLocale('xx')).toBeNull();
  });

  it('travels in the link as lang=, and a bad value is named and ignored', () => {
    const { values, notices } = parseQuery('?lang=ru&place=moscow');
    expect(values.lang).toBe('ru');
    expect(notices).toEqual([]);
    expect(toQuery(values)).toContain('lang=ru');
    const bad = parseQuery('?lang=fr');
    expect(bad.values.lang).toBeNull();
    expect(bad.notices).toEqual([
      expect.objectContaining({ param: 'lang', message: expect.stringContaining('“lang=fr”'), key: 'url.badLang' }),
    ]);
    expect(toQuery(bad.values)).not.toContain('lang');
  });
});

describe('names in the interface language', () => {
  const bishkek = { name: 'Bishkek', names: { ru: 'Бишкек', zh: '比什凯克' } };
  const summit = {
    title: '19th meeting of the SCO Council of Heads of State, Bishkek',
    meeting: { names: { en: 'x', ru: 'Заседание СГГ', zh: '元首理事会会议' } },
  };
  it('cities, countries and linked meetings follow the language; unknown ones keep English', async () => {
    expect([placeName(bishkek), countryName('KG', 'Kyrgyzstan'), eventTitle(summit)]).toEqual(['Bishkek', 'Kyrgyzstan', summit.title]);
    await setLocale('ru');
    // The countries' Russian names are fetched when the language is chosen; the SCO's own short forms need no fetch.
    expect(countryName('KG', 'Kyrgyzstan')).toBe('Кыргызстан');
    await Promise.all([loadCountryNames('ru'), loadCountryNames('zh')]);
    expect([placeName(bishkek), countryName('KG', 'Kyrgyzstan'), countryName('KZ', 'Kazakhstan'), eventTitle(summit)]).toEqual([
      'Бишкек',
      'Кыргызстан',
      'Казахстан',
      'Заседание СГГ',
    ]);
    expect(placeName({ name: 'Goa' })).toBe('Goa');
    expect(eventTitle({ title: 'Саммит в Бишкеке' })).toBe('Саммит в Бишкеке');
    await setLocale('zh');
    expect([placeName(bishkek), countryName('KG', 'Kyrgyzstan'), eventTitle(summit)]).toEqual([
      '比什凯克',
      '吉尔吉斯斯坦',
      '元首理事会会议',
    ]);
    // Any of ISO's codes names the country; one ISO lacks keeps the data's English name.
    expect([countryName('KAZ', 'Kazakhstan'), countryName('398', 'Kazakhstan'), countryName('ZZ', 'Nowhere')]).toEqual([
      '哈萨克斯坦',
      '哈萨克斯坦',
      'Nowhere',
    ]);
  });

  it('why an event is tied to a meeting (the data says it in English) is said in the language, on the timeline too', async () => {
    const data = await sampleData();
    const summit = data.eventIndex.get('chs-2020')!;
    expect(describeEvent(data, summit).why).toContain('linked: a document adopted at this meeting');
    await setLocale('ru');
    expect(describeEvent(data, summit).why).toContain('связано: документ, принятый на этой встрече');
    expect(linkReason('linked: date and place match the meeting')).toBe('связано: дата и место совпадают со встречей');
    // A corrections file's own words stay as written after the prefix.
    expect(linkReason('linked by the corrections file: seen at the venue')).toBe('связано файлом исправлений: seen at the venue');
    await setLocale('zh');
    expect(linkReason("linked: held by video on the meeting's date")).toBe('关联依据：会议当日以视频方式举行');
    expect(linkReason('something else')).toBe('something else');
  });

  it('an English page fetches no country names; another language gets them once they are in', async () => {
    vi.resetModules();
    const names = await import('../../../src/app/i18n/country-names.svelte');
    const { countryName: name } = await import('../../../src/app/i18n/names');
    expect(name('KZ', 'Kazakhstan', 'en')).toBe('Kazakhstan');
    expect(names.countryNamesIn('ru')).toBeNull();
    // Asked in Russian before they are in: English for now, and the fetch starts.
    expect(name('KZ', 'Kazakhstan', 'ru')).toBe('Kazakhstan');
    await names.loadCountryNames('ru');
    expect(name('KZ', 'Kazakhstan', 'ru')).toBe('Казахстан');
    expect(names.countryNamesIn('zh')).toBeNull();
  });

  it('a notice keeps its English text and shows in the interface language', async () => {
    const n = noticeOf('place', 'url.noPlace', { id: 'atlantis' });
    expect(n.message).toBe('No place “atlantis” in this data; ignored.');
    await setLocale('ru');
    expect(t(n.key!, n.values)).toBe('В этих данных нет места «atlantis»; пропущено.');
  });

  it('axis ticks name months in Russian and Chinese; English keeps d3’s', () => {
    expect(axisTickFormat('en')).toBeNull();
    const ru = axisTickFormat('ru')!;
    const zh = axisTickFormat('zh')!;
    expect(ru(new Date(Date.UTC(2019, 0, 1)))).toBe('2019');
    expect(ru(new Date(Date.UTC(2019, 5, 1)))).toMatch(/^июн/);
    expect(zh(new Date(Date.UTC(2019, 5, 1)))).toBe('6月');
    expect(zh(new Date(Date.UTC(2019, 5, 9)))).toBe('6月9日');
  });

  it('a shared link carries the language unless it names one', () => {
    expect(withLang('https://x.org/atlas/?place=bishkek-kg', 'zh')).toBe('https://x.org/atlas/?place=bishkek-kg&lang=zh');
    expect(withLang('https://x.org/atlas/?lang=ru', 'zh')).toBe('https://x.org/atlas/?lang=ru');
  });
});
