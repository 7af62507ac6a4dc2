// @vitest-environment node
/** Dates typed into From and To, as people type them (issue 13 item 1). */
import { describe, expect, it } from 'vitest';
import { dateEntry, readDate } from '../../../src/app/components/date-entry';
import { formatDay } from '../../../src/app/days';

const gb = dateEntry('en-GB');
const us = dateEntry('en-US');
const day = (r: ReturnType<typeof readDate>) => (r.kind === 'ok' ? `${formatDay(r.t)}${r.complete ? '' : ' (not yet)'}` : r.kind);

describe('each locale’s own numeric date', () => {
  it('comes from Intl: day first in en-GB and ru, month first in en-US, year first in zh', () => {
    expect(gb.pattern).toBe('dd/mm/yyyy');
    expect(us.pattern).toBe('mm/dd/yyyy');
    expect(dateEntry('ru').pattern).toBe('dd.mm.yyyy');
    expect(dateEntry('zh-CN').pattern).toBe('yyyy/mm/dd');
    expect(gb.format(Date.UTC(2019, 11, 31))).toBe('31/12/2019');
    expect(us.format(Date.UTC(2019, 0, 5))).toBe('01/05/2019');
  });

  it('reads 12/31/2019 as 31 December in en-US and refuses it in en-GB', () => {
    expect(day(readDate('12/31/2019', us))).toBe('2019-12-31');
    expect(readDate('12/31/2019', gb)).toEqual({ kind: 'bad', why: 'not-a-date' });
    expect(day(readDate('31.12.2019', dateEntry('ru')))).toBe('2019-12-31');
  });

  it('reads ISO in any locale, and a year-first date with slashes', () => {
    expect(day(readDate('2019-12-31', gb))).toBe('2019-12-31');
    expect(day(readDate('2019/12/31', us))).toBe('2019-12-31');
    // A partial ISO date is its first day, or its last in To, and applies only on Enter or leaving.
    expect(day(readDate('2019', gb))).toBe('2019-01-01 (not yet)');
    expect(day(readDate('2019-02', gb, true))).toBe('2019-02-28 (not yet)');
  });
});

describe('typing, character by character', () => {
  const steps = (text: string, entry = gb) => [...text].map((_, i) => day(readDate(text.slice(0, i + 1), entry)));

  it('is never read as a date before it is complete', () => {
    // "12/31/2" is not the year 2, and "2019-12-3" is not the 3rd: only the last step is complete.
    expect(steps('12/31/2019', us).filter((s) => /^\d{4}-\d\d-\d\d$/.test(s))).toEqual(['2019-12-31']);
    expect(steps('2019-12-31').filter((s) => /^\d{4}-\d\d-\d\d$/.test(s))).toEqual(['2019-12-31']);
    expect(steps('31/12/2019').at(-1)).toBe('2019-12-31');
  });

  it('says which typed texts are errors once committed: impossible, out of range, empty, words', () => {
    expect(readDate('0201-12-31', gb)).toEqual({ kind: 'bad', why: 'years' });
    expect(readDate('2019-02-30', gb)).toEqual({ kind: 'bad', why: 'not-a-date' });
    // A two-digit year may still be on its way to four: typing, not yet an error (on Enter it is one).
    expect(readDate('31/12/19', gb)).toEqual({ kind: 'typing' });
    expect(readDate('', gb)).toEqual({ kind: 'empty' });
    expect(readDate('yesterday', gb)).toEqual({ kind: 'bad', why: 'not-a-date' });
    expect(readDate('12/31/', gb)).toEqual({ kind: 'typing' });
  });
});
