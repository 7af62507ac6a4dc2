// @vitest-environment node
/**
 * The scoring rules of `npm run eval` on small hand-made predicted/gold pairs: what counts as found, what
 * as a false hit, and how year-only events and online meetings are judged.
 */
import { describe, expect, it } from 'vitest';
import { checkGold } from '../../../eval/gold.ts';
import { buildRows, formTable, table, verbose, type ScoredDoc } from '../../../eval/report.ts';
import { scoreDocument, summarise, type GoldEvent, type Predicted } from '../../../eval/score.ts';

const gold = (start: string, place: string | null, extra: Partial<GoldEvent> = {}): GoldEvent => ({
  start,
  place,
  evidence: start,
  ...extra,
});
const pred = (start: string, placeId: string | null, extra: Partial<Predicted> = {}): Predicted => ({
  start,
  placeId,
  online: false,
  precision: start.length === 10 ? 'day' : start.length === 7 ? 'month' : 'year',
  ...extra,
});

describe('recall of day- and month-dated events', () => {
  it('finds a two-day summit only when the prediction spans both days', () => {
    const g = [gold('2018-06-09', 'qingdao-cn', { end: '2018-06-10' })];
    expect(scoreDocument([pred('2018-06-10', 'qingdao-cn')], g)).toMatchObject({ dmGold: 1, dmFoundDate: 0, dmFoundPlace: 0 });
    expect(scoreDocument([pred('2018-06-09', 'qingdao-cn', { end: '2018-06-10' })], g)).toMatchObject({ dmFoundDate: 1, dmFoundPlace: 1 });
  });

  it('counts the right date in the wrong city as found by date but not by date and place', () => {
    const s = scoreDocument([pred('2019-06-14', 'moscow-ru')], [gold('2019-06-14', 'bishkek-kg')]);
    expect(s).toMatchObject({ dmFoundDate: 1, dmFoundPlace: 0 });
    expect(s.misses.map((m) => m.kind)).toEqual(['place']);
  });

  it('treats a one-day prediction with an explicit equal end like one without', () => {
    expect(scoreDocument([pred('2020-11-10', null, { end: '2020-11-10' })], [gold('2020-11-10', null)]).dmFoundDate).toBe(1);
  });

  it('accepts an online meeting placed in the chairing city when the prediction knows it was online', () => {
    const g = [gold('2020-11-10', null, { online: true })];
    expect(scoreDocument([pred('2020-11-10', 'moscow-ru', { online: true })], g).dmFoundPlace).toBe(1);
    expect(scoreDocument([pred('2020-11-10', 'moscow-ru')], g).dmFoundPlace).toBe(0);
    expect(scoreDocument([pred('2020-11-10', null)], g).dmFoundPlace).toBe(1);
  });

  it('lists the overlapping predictions beside a miss, so a developer sees what came out instead', () => {
    const s = scoreDocument(
      [pred('2024-07-04', 'astana-kz'), pred('2001-06-15', 'shanghai-cn')],
      [gold('2024-07-03', 'astana-kz', { end: '2024-07-04' })],
    );
    expect(s.misses[0]!.near.map((p) => p.start)).toEqual(['2024-07-04']);
  });
});

describe('precision', () => {
  it('counts a dated prediction that matches no gold event as a false hit', () => {
    const s = scoreDocument(
      [pred('2007-08-16', null), pred('2007-08-16', 'bishkek-kg', { end: '2007-08-17' })],
      [gold('2007-08-16', 'bishkek-kg')],
    );
    expect(s).toMatchObject({ predCounted: 2, predMatched: 1 });
    expect(s.falseHits.map((p) => p.end)).toEqual(['2007-08-17']);
  });

  it('ignores a year prediction the gold also has, and counts one it lacks against precision', () => {
    const g = [gold('2017', null), gold('2017-06-08', 'astana-kz', { end: '2017-06-09' })];
    const s = scoreDocument([pred('2017', null), pred('2030', null), pred('2017-06-08', 'astana-kz', { end: '2017-06-09' })], g);
    expect(s).toMatchObject({ predCounted: 2, predMatched: 1 });
    expect(s.falseHits.map((p) => p.start)).toEqual(['2030']);
  });
});

describe('year-only recall', () => {
  it('finds a year event from a year mention, or from a more precise mention that year at the same place', () => {
    expect(scoreDocument([pred('2017', null)], [gold('2017', null)]).yearFound).toBe(1);
    expect(scoreDocument([pred('2017-06-09', 'astana-kz')], [gold('2017', 'astana-kz')]).yearFound).toBe(1);
    expect(scoreDocument([pred('2017-06-09', 'astana-kz')], [gold('2017', null)]).yearFound).toBe(0);
    expect(scoreDocument([pred('2018', null)], [gold('2017', null)]).yearFound).toBe(0);
  });

  it('does not let a year event count towards day/month recall', () => {
    expect(scoreDocument([], [gold('2017', null)])).toMatchObject({ dmGold: 0, yearGold: 1, yearFound: 0 });
  });
});

describe('summaries', () => {
  it('averages per document and pools counts, skipping documents without that kind of gold', () => {
    const a = scoreDocument([pred('2001-06-15', 'shanghai-cn')], [gold('2001-06-15', 'shanghai-cn')]);
    const b = scoreDocument(
      [],
      [gold('2002-06-07', 'saint-petersburg-ru'), gold('2003-05-29', 'moscow-ru'), gold('2004-06-17', 'tashkent-uz')],
    );
    const c = scoreDocument([pred('2017', null)], [gold('2017', null)]);
    const s = summarise([a, b, c]);
    expect(s.mean.recallDate).toBeCloseTo(0.5);
    expect(s.pooled.recallDate).toBeCloseTo(0.25);
    expect(s.mean.yearRecall).toBe(1);
    expect(s.pooled.precision).toBe(1);
  });
});

describe('gold files', () => {
  const known = (id: string) => ['qingdao-cn', 'astana-kz'].includes(id);
  const file = (events: unknown[]) => JSON.stringify({ kind: 'wire', lang: 'en', events });

  it('names the file and entry of an unknown place id', () => {
    const r = checkGold(
      'x.gold.json',
      file([
        { start: '2018-06-09', place: 'qingdao-cn', evidence: 'a' },
        { start: '2018-06-10', place: 'atlantis', evidence: 'b' },
      ]),
      known,
      'en',
    );
    expect(r.errors).toEqual(['x.gold.json: events[1] (2018-06-10): unknown place id "atlantis" (not in data/gazetteer.json)']);
  });

  it('rejects a malformed date and a file that is not JSON, naming the file', () => {
    expect(checkGold('y.gold.json', file([{ start: '9 June 2018', place: null, evidence: 'a' }]), known, 'en').errors[0]).toMatch(
      /^y\.gold\.json: events\.0\.start: /,
    );
    expect(checkGold('z.gold.json', '{', known, 'en').errors[0]).toMatch(/^z\.gold\.json: not valid JSON/);
  });

  it('warns when an evidence quote is not in the text', () => {
    const r = checkGold(
      'w.gold.json',
      file([{ start: '2018-06-09', end: '2018-06-10', place: 'qingdao-cn', evidence: '9–10 June 2018' }]),
      known,
      'en',
      'The summit met on 9-10 June 2018.',
    );
    expect(r.errors).toEqual([]);
    expect(r.warnings).toHaveLength(1);
  });
});

describe('the printed table and the miss list', () => {
  const doc = (set: string, kind: string, pred: Predicted[], g: GoldEvent[], notEvents: string[] = []): ScoredDoc => ({
    set,
    lang: set,
    name: `${kind}-1`,
    file: `${kind}-1.txt`,
    kind,
    score: scoreDocument(pred, g),
    notEvents,
  });

  it('marks a figure below the language target and prints the target row', () => {
    const docs = [doc('en', 'wire', [pred('2020-11-10', null)], [gold('2020-11-10', null), gold('2019-06-14', 'bishkek-kg')])];
    const t = table(buildRows(docs));
    expect(t).toContain('| en | wire | 1 | 2 | 0.50 ✗ | 0.50 ✗ | 1.00 | 0 | – |');
    expect(t).toContain('| en | *target* | | | ≥ 0.95 | ≥ 0.90 | ≥ 0.90 | | ≥ 0.70 |');
  });

  it('holds Russian and Chinese to their own, lower recall targets', () => {
    const docs = [
      doc(
        'ru',
        'wire',
        [pred('2020-11-10', null)],
        [gold('2020-11-10', null)].concat(Array.from({ length: 9 }, (_, i) => gold(`2019-0${(i % 9) + 1}-01`, null))),
      ),
    ];
    expect(table(buildRows(docs))).toContain('| ru | wire | 1 | 10 | 0.10 ✗ |');
    const almost = [
      doc(
        'ru',
        'wire',
        Array.from({ length: 9 }, (_, i) => pred(`2019-0${i + 1}-01`, null)),
        Array.from({ length: 9 }, (_, i) => gold(`2019-0${i + 1}-01`, null)).concat([gold('2020-11-10', null)]),
      ),
    ];
    expect(table(buildRows(almost))).toContain('| ru | wire | 1 | 10 | 0.90 | 0.90 | 1.00 |');
  });

  it('names the notEvents entry a false hit falls on', () => {
    const docs = [
      doc(
        'en',
        'event-page',
        [pred('2007-08-16', null)],
        [gold('2001-06-15', 'shanghai-cn')],
        ['2007 (a year)', "2007-08-16 (publication stamp 'Updated: 2007-08-16')"],
      ),
    ];
    expect(verbose(docs)).toContain(
      "false hit: 2007-08-16 day @none  [gold: not an event: 2007-08-16 (publication stamp 'Updated: 2007-08-16')]",
    );
  });
});

describe('recall by form of date', () => {
  it('pools the tagged gold events of a set per form, so a developer sees which way of writing dates fails', () => {
    const g = [
      gold('2022-09-16', 'samarkand-uz', { forms: ['weekday'] }),
      gold('2022-09-15', 'samarkand-uz', { forms: ['relative'] }),
      gold('2024-07-03', 'astana-kz', { end: '2024-07-04', forms: ['from-to'] }),
      gold('2017', null, { forms: ['year'] }),
    ];
    const s = scoreDocument([pred('2022-09-16', null), pred('2024-07-03', 'astana-kz', { end: '2024-07-04' }), pred('2017', null)], g);
    const t = formTable([{ set: 'en', lang: 'en', name: 'w', file: 'w.txt', kind: 'wire', score: s, notEvents: [] }]);
    expect(t).toContain('| en | from-to | 1 | 1/1 (1.00) | 1/1 (1.00) |');
    expect(t).toContain('| en | weekday | 1 | 1/1 (1.00) | 0/1 (0.00) |');
    expect(t).toContain('| en | relative | 1 | 0/1 (0.00) | 0/1 (0.00) |');
    expect(t).toContain('| en | year | 1 | 1/1 (1.00) | 1/1 (1.00) |');
    expect(t).not.toContain('| en | day |');
  });
});
