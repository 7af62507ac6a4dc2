// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { daysIn, validDay } from '../../../../src/pipeline/lang/common.ts';

// daysIn counts by rule instead of making a Date: it must give what the calendar gives, or a date the
// text writes would be read as not real (or a 29 February of a common year as real).
describe('daysIn', () => {
  it('gives the days of every month of 1000-2999 as Date does', () => {
    for (let y = 1000; y <= 2999; y++)
      for (let m = 1; m <= 12; m++) expect.soft(daysIn(y, m), `${y}-${m}`).toBe(new Date(Date.UTC(y, m, 0)).getUTCDate());
  });
  it('reads leap days by the Gregorian rule', () => {
    expect([validDay(2000, 2, 29), validDay(1900, 2, 29), validDay(2024, 2, 29), validDay(2023, 2, 29)]).toEqual([
      true,
      false,
      true,
      false,
    ]);
  });
});
