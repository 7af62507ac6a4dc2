// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { Topology } from 'topojson-specification';
import world from 'world-atlas/countries-110m.json';
import { countriesFromTopology, unwrapRing } from '../../../src/app/map/basemap';
import { MEMBERSHIP, SOURCES, statusAt } from '../../../src/app/map/membership';
import { findSummitHosts, summitHosts } from '../../../src/app/data/summits';
import { parseDay } from '../../../src/app/days';
import { sampleBeforeLayer, sampleData } from './sample';

const day = (s: string) => parseDay(s)!;

describe('the offline basemap draws no streaks across the antimeridian', () => {
  it('no ring of any country jumps more than 180° between consecutive points', () => {
    const fc = countriesFromTopology(world as unknown as Topology);
    expect(fc.features.length).toBeGreaterThan(150);
    let worst = 0;
    for (const f of fc.features) {
      const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
      for (const ring of polys.flat())
        for (let i = 1; i < ring.length; i++) worst = Math.max(worst, Math.abs(ring[i]![0]! - ring[i - 1]![0]!));
    }
    expect(worst).toBeLessThan(180);
    const russia = fc.features.find((f) => f.properties.iso === '643')!;
    expect(russia.properties.name).toBe('Russia');
  });

  it('shifts the points after a jump by ±360', () => {
    expect(
      unwrapRing([
        [179, 0],
        [-179, 1],
        [-178, 2],
        [179, 0],
      ]),
    ).toEqual([
      [179, 0],
      [181, 1],
      [182, 2],
      [179, 0],
    ]);
  });
});

describe('SCO membership on the date under the playhead', () => {
  it('follows the decisions: founders, India and Pakistan 2017, Iran 2023, Belarus 2024', () => {
    const at = (d: string) => statusAt(day(d));
    expect(at('2001-06-14').size).toBe(0);
    expect(
      [...at('2001-06-15')]
        .filter(([, s]) => s === 'member')
        .map(([id]) => id)
        .sort(),
    ).toEqual(['156', '398', '417', '643', '762', '860']);
    expect(at('2017-06-08').get('356')).toBe('observer');
    expect(at('2017-06-09').get('356')).toBe('member');
    expect(at('2020-11-10').get('364')).toBe('observer');
    expect(at('2023-07-04').get('364')).toBe('member');
    expect(at('2014-01-01').get('112')).toBe('partner');
    expect(at('2020-01-01').get('112')).toBe('observer');
    expect(at('2024-07-04').get('112')).toBe('member');
    expect(at('2024-07-04').get('418')).toBe('partner');
  });

  it('every period names a source that exists', () => {
    for (const s of MEMBERSHIP) for (const p of s.periods) expect(Object.values(SOURCES)).toContain(p.source);
  });
});

describe('the journey of the summits', () => {
  it("links the chronology's heads-of-state meetings in date order", async () => {
    // Dushanbe 2021 is only a year-only mention the chronology did not link: not on the path.
    const d = await sampleData();
    expect(summitHosts(d)).toEqual(['bishkek', 'moscow', 'samarkand', 'astana']);
    // A "summit" the chronology does not know as a heads-of-state meeting (here a forum retitled and
    // tagged so) stays off the path; a heads-of-government meeting does too.
    const forum = d.events.find((e) => e.id === 'ev-forum-2023')!;
    const chs2024 = d.events.find((e) => e.id === 'chs-2024')!;
    const others = [
      { ...forum, title: 'Bangkok summit', topics: ['summit'] },
      {
        ...chs2024,
        id: 'chg-2024',
        start: '2024-10-16',
        placeId: 'bangkok',
        meeting: { ...(chs2024 as unknown as { meeting: object }).meeting, id: 'chg-2024', body: 'heads-of-government' },
      },
    ];
    expect(findSummitHosts([...d.events, ...others].sort((a, b) => (a.start < b.start ? -1 : 1)))).toEqual([
      'bishkek',
      'moscow',
      'samarkand',
      'astana',
    ]);
  });

  it('without the event layer, links summit host cities by topic or by title', async () => {
    const d = await sampleData(sampleBeforeLayer());
    expect(summitHosts(d)).toEqual(['bishkek', 'moscow', 'dushanbe', 'samarkand', 'astana']);
  });
});
