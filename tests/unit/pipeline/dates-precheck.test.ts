// @vitest-environment node
/**
 * The sentence reader skips findDates and findYears for English text noDateWordsEn passes (dates.ts): that
 * is only the same answer while neither can find anything in such text. If a new date form is added
 * that needs none of the words the check looks for, this fails, not the outputs.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daysInMonth } from '../../../src/pipeline/dates-en.ts';
import { findDates, findYears, mayContainDate, noDateWordsEn } from '../../../src/pipeline/dates.ts';

/** Words from every form findDates and findYears read, with their near misses, so that sentences mix them. */
const WORDS = [
  'the',
  'The',
  'in',
  'In',
  'on',
  'On',
  'at',
  'since',
  'during',
  'of',
  'and',
  'to',
  'from',
  'until',
  'by',
  'for',
  'summit',
  'meeting',
  'held',
  'was',
  'signed',
  'will',
  'be',
  'Astana',
  'Beijing',
  'SCO',
  'heads',
  'state',
  'January',
  'JULY',
  'Sept',
  'Sept.',
  'may',
  'May',
  'june',
  'Marching',
  'Monday',
  'friday',
  'Fri',
  'Thurs',
  'day',
  'days',
  'today',
  'Today',
  'yesterday',
  'Yesterday',
  'eve',
  'evening',
  'night',
  'before',
  'previous',
  'last',
  'Last',
  'year',
  'years',
  'month',
  'months',
  'ago',
  'a',
  'one',
  'two',
  'this',
  'that',
  'same',
  'every',
  'development',
  'however',
  'early',
  'mid',
  'late',
  'next',
  'coming',
  'here',
  'entered',
  'force',
  '2019',
  '1999',
  '15',
  '3-4.07.2024',
  '2010/06/11',
  '(2001)',
  '2019-2021',
  'www.sco.int',
  '://',
];
const SEPS = [' ', ' ', ' ', ', ', '. ', '; ', ' (', ') ', ' – ', '-', '\n', ': '];
const sentence = fc
  .array(fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...SEPS)), { maxLength: 14 })
  .map((xs) => xs.map(([w, s]) => w + s).join(''));
const DOC_DATE = { y: 2019, m: 6, d: 14 };

describe('the check that a sentence names no date', () => {
  it('passes only text in which findDates and findYears find nothing, with or without the report’s date', () => {
    let passed = 0;
    fc.assert(
      fc.property(sentence, fc.boolean(), (text, dated) => {
        if (!noDateWordsEn(text)) return;
        passed++;
        const docDate = dated ? DOC_DATE : null;
        const found = findDates(text, docDate, 'en', dated ? { anchor: DOC_DATE } : {});
        expect(found).toEqual({ mentions: [], skipped: [] });
        expect(findYears(text, [], docDate)).toEqual([]);
      }),
      { numRuns: 4000, seed: 12 },
    );
    expect(passed).toBeGreaterThan(200);
  });

  it('lets through the sentences that have a date, a relative day or a year', () => {
    for (const text of [
      'The summit was held on 15 June 2019.',
      'They met in Astana in July.',
      'The ministers met on Tuesday.',
      'It was signed the day before.',
      'On the eve of the summit they met.',
      'The SCO expanded two years ago.',
      'The leaders met last month.',
      'In 2001 the SCO was founded.',
    ])
      expect(noDateWordsEn(text), text).toBe(false);
    expect(noDateWordsEn('The member states reaffirm their commitment to the principles of mutual trust.')).toBe(true);
  });
});

/** The pre-check as it was written first, one pattern each (dates.ts MAYBE_DATE and MAYBE_YEAR). */
const MONTH =
  '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';
const MAYBE_DATE = new RegExp(`\\b${MONTH}\\b|\\b\\d{4}-\\d{2}-\\d{2}\\b|\\b\\d{1,2}[./]\\d{1,2}[./]\\d{4}\\b|\\b\\d{4}/\\d{2}/\\d{2}\\b`);
const MAYBE_YEAR =
  /\b(?:[Ii]n|[Ss]ince|[Dd]uring|year|of)\s+(?:19|20)\d{2}\b|\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|\b(?:day\s+before|[Yy]esterday|today|last\s+(?:year|month)|(?:years?|months?)\s+ago)\b|\((?:19|20)\d{2}\)/;

describe('the check that a paragraph may hold a date', () => {
  it('answers as the two patterns it was split from', () => {
    const bits = [
      ...WORDS,
      'Tuesday',
      'day before',
      'last year',
      'last month',
      'years ago',
      'month ago',
      '(1999)',
      '2019-06-15',
      '15.06.2019',
      '2019/06/15',
      '1/2/2019',
      'x2019',
      '20199',
    ];
    const text = fc
      .array(fc.tuple(fc.constantFrom(...bits), fc.constantFrom(...SEPS, '', '\t')), { maxLength: 14 })
      .map((xs) => xs.map(([w, s]) => w + s).join(''));
    let yes = 0;
    fc.assert(
      fc.property(text, (t) => {
        const want = MAYBE_DATE.test(t) || MAYBE_YEAR.test(t);
        if (want) yes++;
        expect(mayContainDate(t, 'en')).toBe(want);
      }),
      { numRuns: 6000, seed: 7 },
    );
    expect(yes).toBeGreaterThan(1000);
    expect(yes).toBeLessThan(5500);
  });
});

describe('the days of a month', () => {
  const byDate = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
  it('are what Date gives, for every month of every year the dates read, and for odd years and months too', () => {
    for (let y = 100; y <= 9999; y++) for (let m = 1; m <= 12; m++) if (daysInMonth(y, m) !== byDate(y, m)) expect([y, m]).toBe('');
    for (const y of [-1, 0, 4, 50, 99, 1900.5, 10000, 12345, NaN])
      for (const m of [0, 1, 2, 12, 13, 2.5]) expect(daysInMonth(y, m), `${y}-${m}`).toEqual(byDate(y, m));
    expect([daysInMonth(2000, 2), daysInMonth(1900, 2), daysInMonth(2024, 2), daysInMonth(2023, 2)]).toEqual([29, 28, 29, 28]);
  });
});
