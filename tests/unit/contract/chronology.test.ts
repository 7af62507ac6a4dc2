// @vitest-environment node
/**
 * The reference chronology (data/chronology.json) as a user of the atlas relies on it: it loads
 * cleanly, a broken entry is named and the rest still loads, every host city is on the map, and the
 * facts people check first are right.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  checkChronologyReferences,
  daysBetween,
  loadChronology,
  loadChronologyText,
  meetingsOn,
  type Meeting,
} from '../../../src/contract/chronology';

const dataDir = join(import.meta.dirname, '../../../data');
const text = readFileSync(join(dataDir, 'chronology.json'), 'utf8');
const raw = JSON.parse(text) as { meetings: Record<string, unknown>[]; milestones: Record<string, unknown>[] };
const real = loadChronology(raw);
const gazetteer = JSON.parse(readFileSync(join(dataDir, 'gazetteer.json'), 'utf8')) as { places: { id: string }[] };
const membership = JSON.parse(readFileSync(join(dataDir, 'membership.json'), 'utf8')) as {
  sources: Record<string, string>;
  states: { name: string; periods: { from: string; source: string }[] }[];
};

/** A copy of the real file with one meeting changed, to break it in one place. */
function withMeeting(index: number, change: (m: Record<string, unknown>) => Record<string, unknown>) {
  const copy = structuredClone(raw);
  copy.meetings[index] = change(copy.meetings[index]!);
  return copy;
}
const indexOf = (id: string) => raw.meetings.findIndex((m) => m.id === id);
const byId = (id: string): Meeting => {
  const m = real.meetings.find((x) => x.id === id);
  if (!m) throw new Error(`no meeting ${id}`);
  return m;
};

describe('the real chronology', () => {
  it('loads with no problem and keeps every entry', () => {
    expect(real.problems).toEqual([]);
    expect(real.meetings).toHaveLength(raw.meetings.length);
    expect(real.milestones).toHaveLength(raw.milestones.length);
  });

  it('is written in date order, with unique ids across meetings and milestones', () => {
    const starts = raw.meetings.map((m) => m.start as string);
    expect(starts).toEqual([...starts].sort());
    const dates = raw.milestones.map((m) => m.date as string);
    expect(dates).toEqual([...dates].sort());
    const ids = [...raw.meetings, ...raw.milestones].map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('points every host city at a gazetteer place, and every milestone at a membership.json source', () => {
    const known = {
      placeIds: new Set(gazetteer.places.map((p) => p.id)),
      membershipKeys: new Set(Object.keys(membership.sources)),
    };
    expect(checkChronologyReferences(real, known)).toEqual([]);
    // and the check does catch a city the gazetteer lacks
    const broken = { ...real, meetings: [{ ...byId('chs-2018'), placeId: 'atlantis-xx' }] };
    expect(checkChronologyReferences(broken, known)).toEqual([
      'chronology.json: meeting chs-2018: placeId: atlantis-xx is not in the gazetteer',
    ]);
  });

  it('has one Heads-of-State meeting a year 2001-2025, numbered 1 to 25 in date order', () => {
    const chs = real.meetings.filter((m) => m.body === 'heads-of-state');
    expect(chs.map((m) => Number(m.start.slice(0, 4)))).toEqual(Array.from({ length: 25 }, (_, i) => 2001 + i));
    expect(chs.map((m) => m.ordinal)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    expect(chs.map((m) => m.id)).toEqual(chs.map((m) => `chs-${m.start.slice(0, 4)}`));
  });

  it('numbers the Shanghai Five summits 1 to 5 (1996-2000) and each council without gaps or repeats', () => {
    const sf = real.meetings.filter((m) => m.body === 'shanghai-five');
    expect(sf.map((m) => [m.start.slice(0, 4), m.ordinal])).toEqual([
      ['1996', 1],
      ['1997', 2],
      ['1998', 3],
      ['1999', 4],
      ['2000', 5],
    ]);
    const chg = real.meetings.filter((m) => m.body === 'heads-of-government').map((m) => m.ordinal!);
    expect(chg).toEqual([...chg].sort((a, b) => a - b));
    expect(new Set(chg).size).toBe(chg.length);
  });

  it('covers the Heads of Government and the Foreign Ministers every year 2015-2025', () => {
    for (const body of ['heads-of-government', 'foreign-ministers'] as const) {
      const years = new Set(real.meetings.filter((m) => m.body === body).map((m) => Number(m.start.slice(0, 4))));
      for (let y = 2015; y <= 2025; y++) expect(years.has(y), `${body} ${y}`).toBe(true);
    }
  });

  it('gives every meeting a span of at most four days, names in three languages and a source', () => {
    for (const m of real.meetings) {
      const days = daysBetween(m.start, m.end);
      expect(days, m.id).toBeGreaterThanOrEqual(0);
      expect(days, m.id).toBeLessThanOrEqual(3);
      expect(m.names.en && m.names.ru && m.names.zh, m.id).toBeTruthy();
      expect(m.source.length, m.id).toBeGreaterThan(10);
    }
  });

  it('gets right the facts a reader checks first', () => {
    const qingdao = byId('chs-2018');
    expect([qingdao.start, qingdao.end, qingdao.placeId, qingdao.ordinal]).toEqual(['2018-06-09', '2018-06-10', 'qingdao-cn', 18]);
    expect(qingdao.names.en).toBe('18th meeting of the SCO Council of Heads of State, Qingdao');
    expect(qingdao.aliases.ru).toContain('Циндаоский саммит');
    expect(qingdao.aliases.zh).toContain('青岛峰会');
    expect(qingdao.documents[0]).toEqual({ en: 'Qingdao Declaration', ru: 'Циндаоская декларация', zh: '青岛宣言' });

    const moscow = byId('chs-2020');
    expect([moscow.start, moscow.end, moscow.format, moscow.chair]).toEqual(['2020-11-10', '2020-11-10', 'videoconference', 'RU']);
    expect(byId('chs-2023').format).toBe('videoconference');
    expect(byId('chs-2021').format).toBe('hybrid');

    const astana = byId('chs-2024');
    expect([astana.start, astana.end, astana.placeId, astana.ordinal]).toEqual(['2024-07-03', '2024-07-04', 'astana-kz', 24]);
    const bishkek = byId('chs-2019');
    expect([bishkek.start, bishkek.end, bishkek.placeId]).toEqual(['2019-06-13', '2019-06-14', 'bishkek-kg']);
    const tianjin = byId('chs-2025');
    expect([tianjin.start, tianjin.end]).toEqual(['2025-08-31', '2025-09-01']);

    expect(byId('chs-2007').documents.map((d) => d.en)).toContain(
      'Treaty on Long-Term Good-Neighbourliness, Friendship and Cooperation of the SCO Member States',
    );
    expect(byId('chs-2015').documents.map((d) => d.en)).toContain('SCO Development Strategy until 2025');
    expect(byId('chs-2002').documents.map((d) => d.en)).toContain('Charter of the Shanghai Cooperation Organisation');
  });

  it('dates the milestones as membership.json dates the statuses they reference', () => {
    const founding = real.milestones.find((m) => m.id === 'founding')!;
    expect([founding.date, founding.placeId]).toEqual(['2001-06-15', 'shanghai-cn']);
    const charter = real.milestones.find((m) => m.id === 'charter-signed')!;
    expect([charter.date, charter.placeId]).toEqual(['2002-06-07', 'saint-petersburg-ru']);
    for (const m of real.milestones.filter((x) => x.membership)) {
      const periods = membership.states.flatMap((s) => s.periods).filter((p) => p.source === m.membership);
      expect(periods.length, m.id).toBeGreaterThan(0);
      for (const p of periods) expect(p.from, `${m.id} vs ${m.membership}`).toBe(m.date);
    }
  });
});

describe('a malformed entry is named, and the rest still loads', () => {
  const total = raw.meetings.length;
  const cases: [string, Record<string, unknown>, string][] = [
    [
      'an end before the start',
      withMeeting(indexOf('chs-2012'), (m) => ({ ...m, end: '2012-06-05' })),
      'chronology.json: meetings[{i}] (chs-2012): end: 2012-06-05 is before start 2012-06-06',
    ],
    [
      'a day that is not in the calendar',
      withMeeting(indexOf('chs-2019'), (m) => ({ ...m, start: '2019-02-31' })),
      'chronology.json: meetings[{i}] (chs-2019): start: 2019-02-31 is not a calendar date',
    ],
    [
      'a date written another way',
      withMeeting(indexOf('chs-2019'), (m) => ({ ...m, end: '14 June 2019' })),
      'chronology.json: meetings[{i}] (chs-2019): end: expected a date as YYYY-MM-DD',
    ],
    [
      'an unknown body',
      withMeeting(indexOf('chs-2018'), (m) => ({ ...m, body: 'parliament' })),
      'chronology.json: meetings[{i}] (chs-2018): body:',
    ],
    [
      'a missing source',
      withMeeting(indexOf('chs-2018'), ({ source: _, ...m }) => m),
      'chronology.json: meetings[{i}] (chs-2018): source: missing',
    ],
    [
      'an id that does not match the body and year',
      withMeeting(indexOf('chs-2018'), (m) => ({ ...m, id: 'chs-2017' })),
      'chronology.json: meetings[{i}] (chs-2017): id: expected chs-2018',
    ],
    [
      'a misspelt field',
      withMeeting(indexOf('chs-2018'), (m) => ({ ...m, palceId: 'qingdao-cn' })),
      'chronology.json: meetings[{i}] (chs-2018):',
    ],
  ];
  for (const [what, json, message] of cases) {
    it(`reports ${what}`, () => {
      const bad = (json as typeof raw).meetings.findIndex((m, i) => JSON.stringify(m) !== JSON.stringify(raw.meetings[i]));
      const result = loadChronology(json, 'chronology.json');
      expect(result.problems).toHaveLength(1);
      expect(result.problems[0]).toContain(message.replace('{i}', String(bad)));
      expect(result.meetings).toHaveLength(total - 1);
      expect(result.milestones).toHaveLength(raw.milestones.length);
    });
  }

  it('reports a duplicate id once and keeps the first entry', () => {
    const copy = structuredClone(raw);
    copy.meetings.push({ ...copy.meetings[indexOf('chs-2018')]!, city: 'Somewhere else' });
    const result = loadChronology(copy);
    expect(result.problems).toEqual([`chronology.json: meetings[${total}] (chs-2018): id: duplicate of an earlier entry`]);
    expect(result.meetings.filter((m) => m.id === 'chs-2018').map((m) => m.city)).toEqual(['Qingdao']);
  });

  it('reports a bad milestone by its list, index and id', () => {
    const copy = structuredClone(raw);
    copy.milestones[0] = { ...copy.milestones[0]!, date: '2001-06-31' };
    const result = loadChronology(copy);
    expect(result.problems).toEqual(['chronology.json: milestones[0] (founding): date: 2001-06-31 is not a calendar date']);
    expect(result.meetings).toHaveLength(total);
  });

  it('names the file when it is not JSON or not an object', () => {
    expect(loadChronologyText('{ "meetings": [', 'data/chronology.json').problems).toEqual([
      expect.stringMatching(/^data\/chronology\.json: not valid JSON/),
    ]);
    expect(loadChronology([], 'data/chronology.json').problems).toEqual([
      'data/chronology.json: expected a JSON object with "meetings" and "milestones"',
    ]);
    expect(loadChronology({ about: 'x', meetings: {}, milestones: [] }).problems).toEqual(['chronology.json: meetings: expected an array']);
  });

  it('returns entries in date order whatever the order in the file', () => {
    const copy = structuredClone(raw);
    copy.meetings.reverse();
    expect(loadChronology(copy).meetings.map((m) => m.id)).toEqual(real.meetings.map((m) => m.id));
  });
});

describe('meetingsOn', () => {
  it('finds the meetings a date falls within, as precise as the text gives it', () => {
    expect(meetingsOn(real.meetings, '2018-06-10').map((m) => m.id)).toEqual(['chs-2018']);
    expect(meetingsOn(real.meetings, '2018-06-11')).toEqual([]);
    expect(meetingsOn(real.meetings, '2025-09').map((m) => m.id)).toEqual(['chs-2025']);
    expect(meetingsOn(real.meetings, '2019').map((m) => m.id)).toEqual(['cfm-2019', 'chs-2019', 'chg-2019']);
  });
});
