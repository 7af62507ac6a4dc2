// @vitest-environment node
/**
 * The timeline fits the events at the default zoom (issue 13 item 6): a long empty stretch, such as the
 * bundled corpus's early 2022 to late 2023, is drawn narrow instead of taking a third of the width.
 */
import { scaleUtc } from 'd3';
import { describe, expect, it } from 'vitest';
import { fitScale, piecewise, spacedTicks } from '../../../../src/app/timeline/fit';

const t = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const DAY = 86_400_000;

describe('a scale that fits the events', () => {
  // Events through 2018–2021, then nothing until November 2023, then two in 2024 (the bundled shape).
  const days = [
    '2018-06-09',
    '2019-06-13',
    '2019-11-01',
    '2020-05-23',
    '2020-11-10',
    '2021-01-01',
    '2023-11-27',
    '2024-04-23',
    '2024-07-03',
  ];
  const starts = days.map(t);
  const ends = starts.map((s, i) => (i === 5 ? t('2022-01-01') : s + DAY));
  const span: [number, number] = [t('2018-05-01'), t('2024-08-01')];

  it('squeezes the empty stretch to a few percent of the width and marks it', () => {
    const f = fitScale(starts, ends, span, [0, 1000]);
    expect(f.breaks).toHaveLength(1);
    const [a, b] = f.breaks[0]!;
    expect(b - a).toBeCloseTo(40);
    const x = scaleUtc().domain(f.domain).range(f.range);
    // Linear, the stretch from 2022 to late 2023 was about 30% of the width; now the events' years share the rest.
    const linear = scaleUtc().domain(span).range([0, 1000]);
    expect(linear(t('2023-11-27')) - linear(t('2022-01-01'))).toBeGreaterThan(290);
    expect(x(t('2023-11-27')) - x(t('2022-01-01'))).toBeLessThan(100); // the squeezed stretch and 45 days on each side
    // The events keep their order and time stays one-to-one: invert gives the day back.
    const xs = starts.map((s) => x(s));
    expect([...xs].sort((p, q) => p - q)).toEqual(xs);
    expect(+x.invert(x(t('2024-04-23')))).toBeCloseTo(t('2024-04-23'), -3);
    // The lane layout maps times the same way as the d3 scale.
    const at = piecewise(f.domain, f.range);
    for (const s of starts) expect(at(s)).toBeCloseTo(x(s), 6);
  });

  it('leaves a timeline without a long empty stretch linear', () => {
    const f = fitScale(
      [t('2020-01-01'), t('2020-06-01')],
      [t('2020-01-02'), t('2020-06-02')],
      [t('2020-01-01'), t('2020-07-01')],
      [0, 500],
    );
    expect(f).toEqual({ domain: [t('2020-01-01'), t('2020-07-01')], range: [0, 500], breaks: [] });
  });

  it('drops ticks that would crowd each other in the squeezed stretch', () => {
    const f = fitScale(starts, ends, span, [0, 1000]);
    const x = scaleUtc().domain(f.domain).range(f.range);
    const ticks = spacedTicks(x.ticks(12), x);
    const px = ticks.map((d) => x(d));
    for (let i = 1; i < px.length; i++) expect(px[i]! - px[i - 1]!).toBeGreaterThanOrEqual(56);
    expect(ticks.map((d) => d.getUTCFullYear())).toContain(2019);
  });
});
