// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { datelineByWeekday } from '../../../src/pipeline/dates-en.ts';
import { findDates, findYears } from '../../../src/pipeline/dates.ts';

const docDate = { y: 2024, m: 7, d: 4 };
const found = (text: string, doc = docDate) =>
  findDates(text, doc).mentions.map((m) => [m.text, m.value.start, m.value.end ?? null, m.value.precision]);
const skipped = (text: string) => findDates(text, docDate).skipped.map((s) => [s.text, s.why]);

describe('dates: what a reader would call the date of something', () => {
  it('reads day ranges, with hyphen or en dash', () => {
    expect(found('held in Sochi on 17-19 June 2019')).toEqual([['17-19 June 2019', '2019-06-17', '2019-06-19', 'day']]);
    expect(found('Forum, 27–28 November 2023')).toEqual([['27–28 November 2023', '2023-11-27', '2023-11-28', 'day']]);
    expect(found('(New Delhi 4-8 November 2019)')).toEqual([['4-8 November 2019', '2019-11-04', '2019-11-08', 'day']]);
  });

  it('reads ranges across months and years', () => {
    expect(found('from 30 November 2020 through 28 February 2021')).toEqual([
      ['30 November 2020 through 28 February 2021', '2020-11-30', '2021-02-28', 'day'],
    ]);
    expect(found('from 30 November to 2 December 2022')).toEqual([['30 November to 2 December 2022', '2022-11-30', '2022-12-02', 'day']]);
  });

  it('reads "between 23 and 27 May 2020" as a range, not as 27 May', () => {
    expect(found('the operation held between 23 and 27 May 2020 by Russia')).toEqual([
      ['23 and 27 May 2020', '2020-05-23', '2020-05-27', 'day'],
    ]);
  });

  it('reads "9 and 10 June 2018" as a range, "9 and 12 June" as two days, and ranges across months', () => {
    expect(found('on 9 and 10 June 2018 in Qingdao')).toEqual([['9 and 10 June 2018', '2018-06-09', '2018-06-10', 'day']]);
    expect(found('on June 9 and 10, 2018')).toEqual([['June 9 and 10, 2018', '2018-06-09', '2018-06-10', 'day']]);
    expect(found('on 9 and 12 June 2018')).toEqual([
      ['9', '2018-06-09', null, 'day'],
      ['12 June 2018', '2018-06-12', null, 'day'],
    ]);
    expect(found('in Tianjin on 31 August-1 September 2025')).toEqual([['31 August-1 September 2025', '2025-08-31', '2025-09-01', 'day']]);
    expect(found('from 30 December-2 January 2025')).toEqual([['30 December-2 January 2025', '2024-12-30', '2025-01-02', 'day']]);
    expect(found('from 9 to 10 July 2015')).toEqual([['9 to 10 July 2015', '2015-07-09', '2015-07-10', 'day']]);
  });

  it('reads ordinals, weekdays, commas and ISO dates', () => {
    expect(found('Fri 29th May 2020 | 11:40 PM')).toEqual([['Fri 29th May 2020', '2020-05-29', null, 'day']]);
    expect(found('Pakistan Point News - 29th May, 2020 ):The')).toEqual([['29th May, 2020', '2020-05-29', null, 'day']]);
    expect(found('date 2024-07-04 ASTANA')).toEqual([['2024-07-04', '2024-07-04', null, 'day']]);
    expect(found('(April 23, 2024)')).toEqual([['April 23, 2024', '2024-04-23', null, 'day']]);
    expect(found('Sept. 16, 2022 and on the 15th of June 2001')).toEqual([
      ['Sept. 16, 2022', '2022-09-16', null, 'day'],
      ['15th of June 2001', '2001-06-15', null, 'day'],
    ]);
    expect(found('signed on 10.11.2020 in Moscow')).toEqual([['10.11.2020', '2020-11-10', null, 'day']]);
    expect(found('2010/06/11')).toEqual([['2010/06/11', '2010-06-11', null, 'day']]);
  });

  it('gives a date without a year the year of the document', () => {
    expect(found('the 24th summit on July 4.', { y: 2024, m: 7, d: 4 })).toEqual([['July 4', '2024-07-04', null, 'day']]);
    expect(found('TASHKENT, June 11 (Xinhua) --', { y: 2021, m: 6, d: 11 })).toEqual([['June 11', '2021-06-11', null, 'day']]);
    // chrono alone reads "May 31" as May 2031
    expect(found('on May 31 they met', { y: 2020, m: 6, d: 2 })).toEqual([['May 31', '2020-05-31', null, 'day']]);
  });

  it('prefers a lone year in the same sentence to the document year', () => {
    expect(found('In 2019 the summit took place in Bishkek (13–14 June).', { y: 2024, m: 1, d: 1 })).toEqual([
      ['13–14 June', '2019-06-13', '2019-06-14', 'day'],
    ]);
  });

  it('never writes a year outside 1000–2999, whatever the document date says', () => {
    expect(found('on May 31 they met', { y: 0, m: 1, d: 1 })).toEqual([]);
    expect(findDates('on May 31 they met', { y: 0, m: 1, d: 1 }).skipped.map((s) => s.why)).toContain('a year outside 1000–2999');
    expect(findDates('0 May 0000 May 31', null).mentions).toEqual([]);
  });

  it('skips a date without a year when the document has no date', () => {
    expect(findDates('on July 4 they met', null).mentions).toEqual([]);
    expect(findDates('on July 4 they met', null).skipped[0]?.why).toMatch(/without a year/);
  });

  it('reads a month and year as month precision', () => {
    expect(found('established the Forum in June 2018. Every year')).toEqual([['June 2018', '2018-06', null, 'month']]);
    expect(found('to take place in April 2024, and')).toEqual([['April 2024', '2024-04', null, 'month']]);
  });

  it('does not take programme periods, bare years or names with years for events', () => {
    for (const t of [
      'Programme of Cooperation for 2019-2021',
      'SCO Anti-Drug Strategy for 2018-2023',
      'border operation Solidarity 2019-2021',
      'SCO Development Strategy until 2025',
      'exercise Xiamen-2019',
      'Single Convention on Narcotic Drugs (1961)',
      'Agreement on Cooperation in Culture of 2007',
      'came into effect in 2019.',
      'the 2018- 2028 International Decade',
    ]) {
      expect(found(t), t).toEqual([]);
    }
    expect(skipped('Programme of Cooperation for 2019-2021')).toEqual([
      ['2019-2021', 'a period of years (programme, plan or term), not a dated event'],
    ]);
  });

  it('does not take "31 February 2020" for a date, and says why', () => {
    expect(found('on 31 February 2020 it')).toEqual([]);
    expect(skipped('on 31 February 2020 it')).toEqual([['31 February 2020', 'not a real calendar date']]);
  });

  it('ignores relative words, times and the modal "may"', () => {
    expect(found('today we met at 11:40 PM; digital transformation may help')).toEqual([]);
  });

  it('does not read dates inside web addresses', () => {
    expect(found('see https://example.org/news/2024/07/04/summit-2024-07-04.html for 4 July 2024')).toEqual([
      ['4 July 2024', '2024-07-04', null, 'day'],
    ]);
  });

  it('reports offsets that index the text', () => {
    const t = 'They met in Moscow on 29-31 October 2020 and in Ufa on 10 July 2015.';
    for (const m of findDates(t, docDate).mentions) expect(t.slice(m.start, m.end)).toBe(m.text);
  });

  it('reads news-style ranges across months, with or without a year', () => {
    expect(found('the summit held in Tianjin from Aug. 31 to Sept. 1, Wang said', { y: 2025, m: 9, d: 5 })).toEqual([
      ['Aug. 31 to Sept. 1', '2025-08-31', '2025-09-01', 'day'],
    ]);
    expect(found('from 30 November to 2 December 2022')).toEqual([['30 November to 2 December 2022', '2022-11-30', '2022-12-02', 'day']]);
  });

  it('reads plain dates itself and still leaves ranges and times to chrono', () => {
    expect(found('on 15 June 2001 and on June 7, 2002')).toEqual([
      ['15 June 2001', '2001-06-15', null, 'day'],
      ['June 7, 2002', '2002-06-07', null, 'day'],
    ]);
    expect(found('held on 15-17 June 2019')).toEqual([['15-17 June 2019', '2019-06-15', '2019-06-17', 'day']]);
    expect(found('on 31 February 2020')).toEqual([]);
  });

  it('finds a year alone only where it is the time of something', () => {
    const years = (t: string) => findYears(t, findDates(t, null).mentions).map((m) => [m.text, t.slice(m.start, m.end), m.value.precision]);
    expect(years('In 2001 the SCO was founded in Shanghai')).toEqual([['2001', '2001', 'year']]);
    expect(years('Since 2017 India and Pakistan are members; the Qingdao summit of 2018 followed')).toEqual([
      ['2017', '2017', 'year'],
      ['2018', '2018', 'year'],
    ]);
    // a full date of that year, a period, a decade, a budget, a target: not a year alone
    expect(years('In 2019 the summit took place in Bishkek on 14 June 2019')).toEqual([]);
    expect(years('the programme in 2019-2021, in the 1990s, the budget for 2025, the strategy until 2030')).toEqual([]);
  });
});

describe('English date forms of issue 10', () => {
  const wire = { y: 2022, m: 9, d: 16 }; // a dateline "SAMARKAND, September 16" (a Friday)
  it('day ranges in every common form', () => {
    expect(found('held on 8–9 June 2018 in Qingdao')).toEqual([['8–9 June 2018', '2018-06-08', '2018-06-09', 'day']]);
    expect(found('on June 8-9, 2018')).toEqual([['June 8-9, 2018', '2018-06-08', '2018-06-09', 'day']]);
    expect(found('met on 15 and 16 September 2022')).toEqual([['15 and 16 September 2022', '2022-09-15', '2022-09-16', 'day']]);
    expect(found('from 3 to 4 July 2024')).toEqual([['3 to 4 July 2024', '2024-07-03', '2024-07-04', 'day']]);
  });

  it('a range with a numeric month, as chronologies write it: "3-4.07.2024"', () => {
    expect(found('3-4.07.2024  Astana')).toEqual([['3-4.07.2024', '2024-07-03', '2024-07-04', 'day']]);
    expect(found('29–31.10.2020 · Regular meeting of the Youth Council')).toEqual([['29–31.10.2020', '2020-10-29', '2020-10-31', 'day']]);
    expect(found('9-17.08.2007 joint exercise')).toEqual([['9-17.08.2007', '2007-08-09', '2007-08-17', 'day']]);
    expect(found('31-30.02.2020')).toEqual([]); // not a range of real days
  });

  it('a range without a year takes the year from context: "3–4 July", "Sept. 15-16"', () => {
    expect(found('the summit on 3–4 July in Astana')).toEqual([['3–4 July', '2024-07-03', '2024-07-04', 'day']]);
    expect(found('the summit held in Samarkand on Sept. 15-16', wire)).toEqual([['Sept. 15-16', '2022-09-15', '2022-09-16', 'day']]);
  });

  it('a weekday, "the day before" and "yesterday" count from the dateline\'s day', () => {
    expect(found('The heads of state signed the Samarkand Declaration on Friday.', wire)).toEqual([['Friday', '2022-09-16', null, 'day']]);
    expect(found('Leaders who met here on Thursday and Friday approved the rules.', wire)).toEqual([
      ['Thursday and Friday', '2022-09-15', '2022-09-16', 'day'],
    ]);
    expect(found('The day before, the two presidents held talks.', wire)).toEqual([['The day before', '2022-09-15', null, 'day']]);
    expect(found('Yesterday the ministers met.', wire)).toEqual([['Yesterday', '2022-09-15', null, 'day']]);
    // never without a dated report, never a coming day, never the weekday of a written date
    expect(found('The summit opened on Friday.', null as never)).toEqual([]);
    expect(found('They will meet next Monday.', wire)).toEqual([]);
    expect(found('Fri 29th May 2020 | 11:40 PM', wire)).toEqual([['Fri 29th May 2020', '2020-05-29', null, 'day']]);
  });

  it('publication stamps are not events', () => {
    for (const t of [
      'Updated: 2007-08-16',
      'Published 12.03.2024',
      'Published 12 July 2024',
      'Page last modified: 01.12.2020',
      'Last revised: 2025-09-03',
    ]) {
      expect(found(t), t).toEqual([]);
      expect(
        skipped(t).map((k) => k[1]),
        t,
      ).toContain('a publication stamp, not a dated event');
    }
  });

  it('plans and reporting periods are not events; what happened beside a plan still is', () => {
    expect(found('The calendar for 2021 will be published in January 2021.')).toEqual([]);
    expect(found('the 80th session, which is foreseen to take place in April 2024')).toEqual([]);
    expect(found('The Council of Heads of Government is due to meet on November 30.', wire)).toEqual([]);
    expect(found("the Secretariat's work from May 2023 to May 2024")).toEqual([]);
    expect(found('The members will implement the concept approved on 2 November 2019 in Tashkent.')).toEqual([
      ['2 November 2019', '2019-11-02', null, 'day'],
    ]);
    expect(findYears('India is to host the next summit in 2023.', [])).toEqual([]);
    expect(findYears('In 2017 India and Pakistan became full members.', []).map((y) => y.value.start)).toEqual(['2017']);
  });

  it('months and days counted back from the report: "in November last year", "last July", "held ... today"', () => {
    expect(found('The 20th meeting was held online in November last year.', { y: 2022, m: 10, d: 31 })).toEqual([
      ['November last year', '2021-11', null, 'month'],
    ]);
    expect(found('Iran joined the organization last July.', { y: 2024, m: 7, d: 4 })).toEqual([['last July', '2023-07', null, 'month']]);
    expect(found('The Prime Minister chaired the meeting in virtual format today.', { y: 2023, m: 7, d: 4 })).toEqual([
      ['today', '2023-07-04', null, 'day'],
    ]);
    expect(found('Today, the world has entered an era of change.', { y: 2024, m: 4, d: 23 })).toEqual([]);
  });

  it('years in brackets after a name are years of events: "Almaty (1998), Bishkek (1999)"', () => {
    expect(
      findYears('Further meetings followed in Almaty (1998), Bishkek (1999) and Dushanbe (2000).', []).map((y) => y.value.start),
    ).toEqual(['1998', '1999', '2000']);
    expect(findYears('the budget (2024)', []).map((y) => y.value.start)).toEqual([]);
    expect(findYears('in line with the WHO International Health Regulations (2005)', []).map((y) => y.value.start)).toEqual([]);
  });
});

describe('day ranges with no year written', () => {
  it('take the document\'s year, or the one before with "last year"', () => {
    expect(found('held from 4 to 5 May in Goa', { y: 2023, m: 7, d: 4 })).toEqual([['4 to 5 May', '2023-05-04', '2023-05-05', 'day']]);
    expect(found('the Samarkand Summit, held on 15 and 16 September last year', { y: 2023, m: 7, d: 4 })).toEqual([
      ['15 and 16 September last year', '2022-09-15', '2022-09-16', 'day'],
    ]);
    expect(found('In 2019 the summit took place in Bishkek (13–14 June).', { y: 2024, m: 7, d: 4 })).toEqual([
      ['13–14 June', '2019-06-13', '2019-06-14', 'day'],
    ]);
  });

  it('a check of the sources and a deadline are not events', () => {
    expect(found('Last check of the sources: 2025-07-20')).toEqual([]);
    expect(found('Media accreditation closed on 15 August 2025.')).toEqual([]);
  });

  it("a dateline without a year takes the one year near the text's in which its day is the weekday the text gives", () => {
    const text =
      'MOSCOW, November 10. /TASS/. The leaders adopted the Moscow Declaration on Tuesday. Russia assumed the chairmanship in June 2019, and Tajikistan takes it for 2020-2021.';
    expect(datelineByWeekday('MOSCOW, November 10. /TASS/.', text)).toEqual({ y: 2020, m: 11, d: 10 });
    expect(datelineByWeekday('MOSCOW, November 10. /TASS/.', 'The leaders met on Tuesday.')).toBeNull(); // no year to start from
    expect(datelineByWeekday('MOSCOW, November 10. /TASS/.', 'They met on Friday, as in 2019 and 2020.')).toBeNull(); // no nearby year fits
  });

  it('reads month names printed in capitals: "04 JUL 2023", "JULY 4, 2023"', () => {
    expect(found('Held on 04 JUL 2023 in New Delhi')).toEqual([['04 Jul 2023', '2023-07-04', null, 'day']]);
    expect(found('JULY 4, 2023: summit')).toEqual([['July 4, 2023', '2023-07-04', null, 'day']]);
    expect(found('WE MAY MEET')).toEqual([]);
  });
});
