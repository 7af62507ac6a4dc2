// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { formatDay, parseDay } from '../../../src/app/days';
import { checkAgainstData, emptyView, parseQuery, safeDataFolder, toQuery } from '../../../src/app/state/url';

describe('a shared link restores the view', () => {
  it('reads every parameter and writes the same link back', () => {
    const q =
      '?data=corpora/all/&from=2020-01-01&to=2020-12-31&t=2020-06-01&place=moscow&event=ev-1&topics=summit,digital&docs=d1&q=digital+economy&map=69.2,41.3,3.5';
    const { values, notices, extra } = parseQuery(q);
    expect(notices).toEqual([]);
    expect(extra).toEqual([]);
    expect(formatDay(values.from!)).toBe('2020-01-01');
    expect(formatDay(values.to!)).toBe('2020-12-31');
    expect(formatDay(values.cursor!)).toBe('2020-06-01');
    expect(values).toMatchObject({
      place: 'moscow',
      event: 'ev-1',
      topics: ['summit', 'digital'],
      docs: ['d1'],
      q: 'digital economy',
      map: { lng: 69.2, lat: 41.3, zoom: 3.5 },
      data: 'corpora/all/',
    });
    expect(parseQuery(toQuery(values)).values).toEqual(values);
  });

  it('keeps parameters other features own (embed, story) when rewriting the link', () => {
    const { values, extra } = parseQuery('?embed=1&from=2020&story=intro');
    expect(extra).toEqual([
      ['embed', '1'],
      ['story', 'intro'],
    ]);
    expect(toQuery(values, extra)).toBe('?embed=1&story=intro&from=2020-01-01');
  });

  it('an empty view is an empty query', () => {
    expect(toQuery(emptyView())).toBe('');
  });

  it('reads partial dates as whole months and years', () => {
    const { values } = parseQuery('?from=2020-03&to=2021');
    expect(formatDay(values.from!)).toBe('2020-03-01');
    expect(formatDay(values.to!)).toBe('2021-12-31');
    expect(formatDay(parseDay('2024-02', true)!)).toBe('2024-02-29');
  });
});

describe('bad or stale parameters are ignored with a notice naming them, never a crash', () => {
  it('a malformed or impossible date', () => {
    for (const bad of ['2020-13-01', '2021-02-30', 'yesterday', '20200101', '2020-1-1']) {
      const { values, notices } = parseQuery(`?from=${bad}`);
      expect(values.from).toBeNull();
      expect(notices[0]?.param).toBe('from');
    }
  });

  it('a reversed window', () => {
    const { values, notices } = parseQuery('?from=2021-01-01&to=2020-01-01');
    expect(values.from).toBeNull();
    expect(values.to).toBeNull();
    expect(notices).toHaveLength(1);
    expect(notices[0]!.message).toMatch(/reversed/);
  });

  it('a map view that is not three numbers in range', () => {
    for (const bad of ['1,2', 'a,b,c', '200,10,3', '10,10,99', '1,2,3,4', ',,']) {
      const { values, notices } = parseQuery(`?map=${bad}`);
      expect(values.map).toBeNull();
      expect(notices[0]?.param).toBe('map');
    }
  });

  it('a data folder that leaves the origin or climbs out', () => {
    for (const bad of [
      'https://evil.example/',
      '//evil.example/x',
      '../secret/',
      'a/../../b',
      '/etc/',
      'javascript:alert(1)',
      'data:text/plain,x',
      'a\\b',
      'a?x=1',
    ]) {
      expect(safeDataFolder(bad)).toBeNull();
      expect(parseQuery(`?data=${encodeURIComponent(bad)}`).notices[0]?.param).toBe('data');
    }
    expect(safeDataFolder('corpora/all')).toBe('corpora/all/');
    expect(safeDataFolder('./corpora/2024/')).toBe('corpora/2024/');
  });

  it('ids with markup in them', () => {
    const { values, notices } = parseQuery('?place=<img src=x onerror=alert(1)>');
    expect(values.place).toBeNull();
    expect(notices[0]?.param).toBe('place');
  });

  it('an unknown city, event, topic or document once the data is known', () => {
    const { values } = parseQuery('?place=atlantis&event=nope&topics=summit,ghost&docs=d1,d9');
    const known = { places: new Set(['moscow']), events: new Set(['e1']), topics: new Set(['summit']), docs: new Set(['d1']) };
    const checked = checkAgainstData(values, known);
    expect(checked.values).toMatchObject({ place: null, event: null, topics: ['summit'], docs: ['d1'] });
    expect(checked.notices.map((n) => n.param)).toEqual(['place', 'event', 'topics', 'docs']);
    expect(checked.notices[0]!.message).toContain('atlantis');
  });

  it('an open document that is not in the data', () => {
    const { values } = parseQuery('?read=d9&statement=s1');
    const known = { places: new Set<string>(), events: new Set<string>(), topics: new Set<string>(), docs: new Set(['d1']) };
    const checked = checkAgainstData(values, known);
    expect(checked.values.read).toBeNull();
    expect(checked.notices.map((n) => n.param)).toEqual(['read']);
  });
});

describe('the open document is part of the link', () => {
  it('reads read= and statement= and writes them back', () => {
    const { values, notices } = parseQuery('?place=moscow&read=doc-1&statement=doc-1%3As4');
    expect(notices).toEqual([]);
    expect(values.read).toEqual({ docId: 'doc-1', statementId: 'doc-1:s4' });
    expect(parseQuery(toQuery(values)).values).toEqual(values);
  });

  it('a document without a statement, and a bad statement id kept apart from a good document', () => {
    expect(parseQuery('?read=doc-1').values.read).toEqual({ docId: 'doc-1', statementId: null });
    const bad = parseQuery('?read=doc-1&statement=<b>');
    expect(bad.values.read).toEqual({ docId: 'doc-1', statementId: null });
    expect(bad.notices.map((n) => n.param)).toEqual(['statement']);
  });
});
