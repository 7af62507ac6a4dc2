// @vitest-environment node
/**
 * "In June 2007 ..." is read before chrono (dates.ts IN_MONTH_YEAR), which keeps chrono from parsing a
 * window around it for nothing. That is only the same answer while chrono (strict, day before month)
 * reads nothing in these words: if a chrono update starts reading them, this fails, not the outputs.
 */
import * as chrono from 'chrono-node/en';
import { describe, expect, it } from 'vitest';
import { findDates } from '../../../src/pipeline/dates.ts';

/** The pipeline's chrono: strict, day before month (dates.ts). */
const parser = new chrono.Chrono(chrono.configuration.createConfiguration(true, true));
const ref = new Date(Date.UTC(2019, 5, 1, 12));
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/** What may follow the year in a sentence: words, punctuation, an ordinal, another date further on. */
const AFTER = [
  ' the member states will hold the 19th Meeting',
  ', the SCO met in Astana.',
  '.',
  '',
  ' (Agency) leaders met',
  '; on 5 July 2008 they signed',
  ' and again in 2010',
];

describe('a month with only a year after "in", read without chrono', () => {
  it('is a month chrono does not read, in every month and beside the words that follow', () => {
    let compared = 0;
    for (const month of MONTHS)
      for (const year of ['1999', '2007', '2024'])
        for (const open of ['In', 'in', 'The talks began in'])
          for (const after of AFTER) {
            const sentence = `${open} ${month} ${year}${after}`;
            const at = sentence.indexOf(month);
            const end = at + month.length + 1 + year.length;
            // chrono reads nothing that touches the month and year
            expect(
              parser.parse(sentence, ref).filter((r) => r.index < end && at < r.index + r.text.length),
              sentence,
            ).toEqual([]);
            // and the pipeline reads the month, as it did after chrono
            const found = findDates(sentence, { y: 2019, m: 6, d: 1 }).mentions.find((m) => m.start === at);
            expect(found, sentence).toMatchObject({
              end,
              text: `${month} ${year}`,
              value: { start: `${year}-${String(MONTHS.indexOf(month) + 1).padStart(2, '0')}`, precision: 'month' },
            });
            compared++;
          }
    expect(compared).toBe(12 * 3 * 3 * AFTER.length);
  });

  it('reads no month where the year opens a period of years', () => {
    // "In June 2007–2009": the years of a programme, not a month of 2007
    const r = findDates('In June 2007–2009 the programme ran in Astana', { y: 2019, m: 6, d: 1 });
    expect(r.mentions.map((m) => m.text)).not.toContain('June 2007');
  });
});
