// @vitest-environment node
/**
 * "21-23 October 2020" is read by a hand pattern (dates-en.ts dayRangesInMonth), not by chrono: the
 * answer must be chrono's own (the range and the words it covers), in every spelling the pattern takes
 * and beside the words around it that chrono reads differently; a chrono that reads these otherwise
 * fails here, not silently in the outputs.
 */
import type { ParsedComponents } from 'chrono-node';
import * as chrono from 'chrono-node/en';
import { describe, expect, it } from 'vitest';
import { dayRangesInMonth } from '../../../src/pipeline/dates-en.ts';
import { findDates } from '../../../src/pipeline/dates.ts';

/** The pipeline's chrono: strict, day before month (dates.ts). */
const parser = new chrono.Chrono(chrono.configuration.createConfiguration(true, true));
const ref = new Date(Date.UTC(2019, 5, 1, 12));
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const iso = (c: ParsedComponents) => `${c.get('year')}-${String(c.get('month')).padStart(2, '0')}-${String(c.get('day')).padStart(2, '0')}`;

/** What chrono reads of `range` inside `sentence`: its text (less a leading "on", as dates.ts strips it) and its days. */
function byChrono(sentence: string, range: string) {
  const at = sentence.indexOf(range);
  const r = parser.parse(sentence, ref).find((x) => x.index <= at && x.index + x.text.length >= at + range.length);
  if (!r?.end) return null;
  const lead = /^(?:on|from|in|at)\s+/i.exec(r.text)?.[0].length ?? 0;
  return { start: r.index + lead, text: r.text.slice(lead), value: { start: iso(r.start), end: iso(r.end), precision: 'day' } };
}

describe('a range of days in one month, read without chrono', () => {
  it("gives chrono's range and words, in every month, dash and length of day", () => {
    let compared = 0;
    for (const month of MONTHS)
      for (const [a, b] of [
        [1, 2],
        [9, 11],
        [21, 23],
        [28, 30],
        [30, 31],
      ] as const)
        for (const dash of ['-', '–'])
          for (const year of [1999, 2001, 2020])
            for (const [before, after] of [
              ['The meeting took place in Samarkand on ', ' and in Islamabad on 17 November 2020.'],
              ['(', ').'],
              ['', ', said the statement.'],
              ['Held from ', ' in Astana.'],
            ]) {
              const range = `${a}${dash}${b} ${month} ${year}`;
              const sentence = `${before}${range}${after}`;
              const expected = byChrono(sentence, range);
              const ours = dayRangesInMonth(sentence);
              if (!expected) {
                // Not a range chrono reads (31 in a short month): not one here either.
                expect(ours).toEqual([]);
                continue;
              }
              expect(ours.map(({ start, text, value }) => ({ start, text, value }))).toEqual([expected]);
              // And the whole English reading keeps it as it is.
              const read = findDates(sentence, { y: 2019, m: 6, d: 1 }).mentions.find((m) => m.start === expected.start);
              expect(read && { start: read.start, text: read.text, value: read.value }).toEqual(expected);
              compared++;
            }
    expect(compared).toBeGreaterThan(1000);
  });

  it('leaves other spellings to chrono: ordinals, spaces around the dash, a short month name, a day run into a number', () => {
    for (const s of [
      '21st-23rd October 2020',
      '21 - 23 October 2020',
      '21-23 Oct 2020',
      '21-23  October 2020',
      '1-21-23 October 2020',
      '23-21 October 2020',
    ])
      expect(dayRangesInMonth(s)).toEqual([]);
  });
});
