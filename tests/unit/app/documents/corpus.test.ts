// @vitest-environment node
/**
 * A user's documents join the bundled corpus through the pipeline's own stages: a text about the
 * Astana summit lands in the bundled summit event (not a second one), a new city appears on the map
 * with its counts, and a sheet's row does the same.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { joinCorpus, withAdded, type BundledCorpus } from '../../../../src/app/documents/corpus';
import { extractSheet, extractText } from '../../../../src/app/documents/extract';
import { csvRows } from '../../../../src/app/documents/sheet';
import { context } from '../../../../src/pipeline/testing';

const dir = join(import.meta.dirname, '../../../fixtures/sample');
const json = (f: string) => JSON.parse(readFileSync(join(dir, f), 'utf8'));
const bundled = (): BundledCorpus => ({
  mentions: json('events.json'),
  statements: json('statements.json'),
  documents: json('documents.json'),
  places: json('places.geojson').features,
  layer: json('event-layer.json'),
  meetings: json('meetings.json'),
});
const ctx = context();
const place = (id: string) => ctx.gaz.byId.get(id);

describe('added documents joined with the bundled corpus', () => {
  const text = [
    'SCO leaders meet in Astana',
    '',
    'The heads of state of the Shanghai Cooperation Organisation met in Astana on 4 July 2024 and adopted the Astana Declaration.',
    '',
    'On 12 March 2025 the SCO held a conference on water in Almaty.',
  ].join('\n');
  const mine = extractText('my-notes', 'my notes.txt', text, text.length, ctx);

  it('a mention of the Astana summit joins the bundled summit event', () => {
    expect(mine.added).not.toBeNull();
    const out = joinCorpus(bundled(), [mine.added!], place);
    const summit = out.events.find((e) => e.id === 'chs-2024')!;
    expect(summit.docIds).toEqual(expect.arrayContaining(['astana-2024', 'my-notes']));
    expect(out.events.filter((e) => e.placeId === 'astana' && e.start.startsWith('2024-07'))).toHaveLength(1);
    // The bundled events are all still there.
    for (const e of json('event-layer.json')) expect(out.events.map((x) => x.id)).toContain(e.id);
  });

  it('a city only the added text names appears with its event and statement', () => {
    const out = joinCorpus(bundled(), [mine.added!], place);
    const almaty = out.places.features.find((f) => f.properties.name === 'Almaty');
    expect(almaty?.properties).toMatchObject({ eventCount: 1, statementCount: 1 });
    const st = out.statements.filter((s) => s.docId === 'my-notes' && s.placeIds.includes(almaty!.properties.id));
    expect(text.slice(st[0]!.start, st[0]!.end)).toContain('conference on water');
    expect(out.documents.map((d) => d.id)).toContain('my-notes');
    expect(out.timeseries.months).toContain('2025-03');
  });

  it('a sheet row about the Qingdao summit loads as an event with its city, and its bad row is named', () => {
    const csv =
      'Date,End date,City,Event,Description\n2018-06-09,2018-06-10,Qingdao,SCO summit in Qingdao,The SCO Qingdao summit.\n2018-02-30,,Qingdao,Bad,Bad\n';
    const sheet = extractSheet('sheet', 'sheet.csv', csvRows(csv), csv.length, ctx);
    expect(sheet.messages).toEqual([expect.stringMatching(/^sheet\.csv: row 3: "2018-02-30" is not a date/)]);
    const out = joinCorpus(bundled(), [sheet.added!], place);
    const qingdao = out.events.find((e) => e.docIds.includes('sheet'))!;
    const id = ctx.gaz.lookup('Qingdao')!.id;
    expect(qingdao).toMatchObject({ placeId: id, start: '2018-06-09', end: '2018-06-10' });
    expect(out.places.features.find((f) => f.properties.id === id)?.properties.eventCount).toBe(1);
  });

  it('a text with no date adds no event and says so', () => {
    const r = extractText('plain', 'plain.txt', 'Nothing dated here at all.', 26, ctx);
    expect(r.found.events).toBe(0);
    expect(r.messages).toContain('plain.txt: no date found in it, so it adds no event');
  });

  it('the bundled cities keep their Russian and Chinese names once a document is added', () => {
    // The folder's places as the CLI writes them today: with the gazetteer's labels in both languages
    // (the sample folder is older than those labels; Astana's are the gazetteer's own).
    const b = bundled();
    const named = b.places.filter((f) => f.properties.name === 'Astana');
    expect(named).toHaveLength(1);
    named[0]!.properties.names = { ru: 'Астана', zh: '阿斯塔纳' };
    const out = joinCorpus(b, [mine.added!], place);
    for (const f of named)
      expect(out.places.features.find((x) => x.id === f.id)?.properties.names, f.properties.id).toEqual(f.properties.names);
  });

  it('the folder with the added documents beside it keeps both, for code that rebuilds from the folder (fixes)', () => {
    const b = bundled();
    const both = withAdded(b, [mine.added!]);
    expect(both.documents.map((d) => d.id)).toEqual([...b.documents.map((d) => d.id), 'my-notes']);
    expect(both.mentions).toHaveLength(b.mentions.length + mine.added!.events.length);
    const starts = both.mentions.map((e) => e.start);
    expect(starts).toEqual([...starts].sort());
    expect(withAdded(b, [])).toBe(b);
  });
});
