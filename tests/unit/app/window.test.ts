// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { parseDay } from '../../../src/app/days';
import { DAY } from '../../../src/app/days';
import { effectiveWindow } from '../../../src/app/state/window';

const d = (s: string) => parseDay(s)!;
const extent = [d('2018-06-01'), d('2024-07-05')] as const;

describe('the window the views show', () => {
  it('is the whole data when nothing is brushed, with the playhead at its end', () => {
    const w = effectiveWindow({ from: null, to: null, cursor: null }, extent);
    expect(w).toEqual({ from: extent[0], end: extent[1], upTo: extent[1], cursor: extent[1] - DAY });
  });

  it('a brushed window includes its last day', () => {
    const w = effectiveWindow({ from: d('2020-01-01'), to: d('2020-12-31'), cursor: null }, extent);
    expect(w.end).toBe(d('2021-01-01'));
    expect(w.upTo).toBe(d('2021-01-01'));
  });

  it('the playhead cuts the counted span short, and is kept inside the window', () => {
    const w = effectiveWindow({ from: d('2020-01-01'), to: d('2020-12-31'), cursor: d('2020-06-15') }, extent);
    expect(w.upTo).toBe(d('2020-06-16'));
    expect(effectiveWindow({ from: d('2020-01-01'), to: d('2020-12-31'), cursor: d('2019-01-01') }, extent).cursor).toBe(d('2020-01-01'));
    expect(effectiveWindow({ from: d('2020-01-01'), to: d('2020-12-31'), cursor: d('2023-01-01') }, extent).cursor).toBe(d('2020-12-31'));
  });
});
