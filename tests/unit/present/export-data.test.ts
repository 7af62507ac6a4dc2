// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { csvCell, eventsToCsv, eventsToGeoJSON, exportFileName } from '../../../src/app/present/export-data';
import { corpus } from './fixture';

/** A small RFC 4180 reader, so the test checks what a spreadsheet would see, not our own string. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows;
}

describe('downloading the events of the view', () => {
  it('writes CSV a spreadsheet reads back cell for cell, in date order', () => {
    const csv = eventsToCsv(corpus);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows = parseCsv(csv.slice(1));
    expect(rows[0]).toContain('statements');
    expect(rows).toHaveLength(5);
    const astana = rows.find((r) => r[0] === 'ev-astana')!;
    const col = (name: string) => rows[0]!.indexOf(name);
    expect(astana[col('place')]).toBe('Astana');
    expect(astana[col('longitude')]).toBe('71.4491');
    expect(astana[col('statements')]).toBe('Leaders gathered in Astana, saying "the SCO family grows", on 4 July 2024.');
    expect(rows.slice(1).map((r) => r[0])).toEqual(['ev-bishkek', 'ev-online', 'ev-moscow', 'ev-astana']);
  });

  it('defuses formulas a hostile document could plant in a spreadsheet', () => {
    const rows = parseCsv(eventsToCsv(corpus).slice(1));
    const online = rows.find((r) => r[0] === 'ev-online')!;
    expect(online[rows[0]!.indexOf('title')]).toBe(`'=HYPERLINK("http://evil.example","click")`);
    expect(online[rows[0]!.indexOf('statements')]).toBe("'-2+3 a line\nbreak");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('\tcmd')).toBe(`"'\tcmd"`); // quoted too: a tab separates cells in some spreadsheets
    expect(csvCell(-12.5)).toBe('-12.5');
    expect(csvCell('plain')).toBe('plain');
  });

  it('writes GeoJSON with a point per city event and null geometry for online ones', () => {
    const fc = JSON.parse(eventsToGeoJSON(corpus));
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features).toHaveLength(4);
    const moscow = fc.features.find((f: { id: string }) => f.id === 'ev-moscow');
    expect(moscow.geometry).toEqual({ type: 'Point', coordinates: [37.6173, 55.7558] });
    expect(moscow.properties.document).toBe('The Moscow Declaration');
    expect(fc.features.find((f: { id: string }) => f.id === 'ev-online').geometry).toBeNull();
  });

  it('a merged event (event layer) carries all its statements and sources under its name', () => {
    const merged = {
      ...corpus.events.find((e) => e.id === 'ev-moscow')!,
      title: '20th meeting of the SCO Council of Heads of State, Moscow',
      docIds: ['moscow-2020', 'astana-2024'],
      statementIds: ['st-1'],
    };
    // st-2 names the merged event itself (as the app's loader rewrites a mention's statement to its event).
    const statements = corpus.statements.map((s) => (s.id === 'st-2' ? { ...s, eventIds: ['ev-moscow'] } : s));
    const view = { ...corpus, events: [merged], statements };
    const rows = parseCsv(eventsToCsv(view).slice(1));
    const col = (name: string) => rows[0]!.indexOf(name);
    expect(rows).toHaveLength(2);
    expect(rows[1]![col('title')]).toBe('20th meeting of the SCO Council of Heads of State, Moscow');
    expect(rows[1]![col('statements')]).toBe(
      'The Council met in Moscow on 10 November 2020.\n\nLeaders gathered in Astana, saying "the SCO family grows", on 4 July 2024.',
    );
    expect(rows[1]![col('documents')]).toBe(
      corpus.documents
        .filter((d) => merged.docIds.includes(d.id))
        .map((d) => d.title)
        .join('; '),
    );
    const f = JSON.parse(eventsToGeoJSON(view)).features[0];
    expect(f.properties.title).toBe(merged.title);
    expect(f.properties.statements.map((s: { id: string }) => s.id)).toEqual(['st-1', 'st-2']);
    expect(f.properties.documents.map((d: { id: string }) => d.id)).toEqual(['moscow-2020', 'astana-2024']);
  });

  it('is byte-for-byte the same for the same view', () => {
    expect(eventsToCsv(corpus)).toBe(eventsToCsv({ ...corpus, events: [...corpus.events].reverse() }));
  });

  it('names files after the window', () => {
    expect(exportFileName('csv', '2020-01-01', '2021-12-31')).toBe('sco-atlas_2020-01-01_2021-12-31.csv');
    expect(exportFileName('geojson', null, null)).toBe('sco-atlas.geojson');
  });
});
