// @vitest-environment node
/**
 * A user fixes what the extractor got wrong with a corrections.json beside the documents, without
 * touching code; the fixes travel with the folder and show as curated.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCorrections } from '../../../src/pipeline/corrections.ts';
import { runPipeline } from '../../../src/pipeline/run.ts';

const tmp = mkdtempSync(join(tmpdir(), 'sco-corr-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const DOC = [
  'Notes on SCO meetings',
  '',
  'The ministers met in Tashkent on 19 August 2022. The forum held on 17 June 2022 via videoconference was useful.',
  'The meeting of experts took place at Lake Issyk-Kul in Tamchy on 3 May 2022.',
  '',
].join('\n');

function corpus(name: string, corrections: unknown): string {
  const dir = join(tmp, name);
  mkdirSync(dir);
  writeFileSync(join(dir, 'notes.txt'), DOC);
  if (corrections !== undefined)
    writeFileSync(join(dir, 'corrections.json'), typeof corrections === 'string' ? corrections : JSON.stringify(corrections));
  return dir;
}

describe('corrections.json', () => {
  const o = runPipeline(
    corpus('fixed', {
      corrections: [
        {
          action: 'update-event',
          id: 'notes:2022-06-17',
          set: { placeId: 'bishkek-kg', title: 'Energy forum, chaired from Bishkek' },
          reason: 'The host city is known from the SCO press release',
        },
        { action: 'remove-event', id: 'notes:2022-08-19', reason: 'Duplicate of another document' },
        {
          action: 'add-place',
          id: 'tamchy-kg',
          name: 'Tamchy',
          country: 'Kyrgyzstan',
          countryCode: 'KG',
          lon: 76.95,
          lat: 42.56,
          reason: 'Village on Issyk-Kul, not in the gazetteer (coordinates from OpenStreetMap)',
        },
        {
          action: 'add-event',
          docId: 'notes',
          start: '2022-09-15',
          end: '2022-09-16',
          placeId: 'samarkand-uz',
          title: 'Samarkand summit',
          reason: 'Mentioned only in the slides',
        },
        { action: 'update-place', id: 'tashkent-uz', set: { name: 'Toshkent' }, reason: 'Use the Uzbek spelling' },
        { action: 'remove-event', reason: 'no id given' },
        { action: 'update-event', id: 'notes:1999-01-01', set: { title: 'x' }, reason: 'wrong id' },
        { action: 'rename-everything', reason: 'not an action' },
        { action: 'add-event', docId: 'notes', start: '2022-02-31', title: 'bad date', reason: 'typo' },
      ],
    }),
  );
  const event = (start: string) => o.events.find((e) => e.start === start);

  it('changes, removes and adds events, marking them curated with the reason', () => {
    expect(event('2022-06-17')).toMatchObject({
      placeId: 'bishkek-kg',
      title: 'Energy forum, chaired from Bishkek',
      curated: true,
      reason: 'The host city is known from the SCO press release',
      online: true,
    });
    expect(event('2022-08-19')).toBeUndefined();
    expect(event('2022-09-15')).toMatchObject({
      end: '2022-09-16',
      placeId: 'samarkand-uz',
      curated: true,
      reason: 'Mentioned only in the slides',
    });
  });

  it('adds a place the gazetteer lacks, and the text then finds it', () => {
    expect(event('2022-05-03')).toMatchObject({ placeId: 'tamchy-kg', curated: false });
    const tamchy = o.places.features.find((f) => f.properties.id === 'tamchy-kg')!;
    expect(tamchy.geometry.coordinates).toEqual([76.95, 42.56]);
    expect(tamchy.properties).toMatchObject({ name: 'Tamchy', curated: true, source: 'corrections file' });
  });

  it('renames a place', () => {
    const t = o.places.features.find((f) => f.properties.id === 'tashkent-uz')!;
    expect(t.properties).toMatchObject({ name: 'Toshkent', curated: true, reason: 'Use the Uzbek spelling' });
  });

  it('reports each bad entry with the file and its index, and applies the rest', () => {
    const msgs = o.report.corrections.join('\n');
    expect(msgs).toMatch(/corrections\.json entry 5: id: /);
    expect(msgs).toMatch(/corrections\.json entry 6 \(update-event\): no event with id "notes:1999-01-01"/);
    expect(msgs).toMatch(/corrections\.json entry 7: /);
    expect(msgs).toMatch(/corrections\.json entry 8: start: not a real calendar date/);
    expect(msgs).toMatch(/5 of 9 corrections applied/);
    expect(o.failed).toBe(true);
  });

  it('a file that is not JSON is reported, not a crash', () => {
    const r = runPipeline(corpus('broken', '{ "corrections": [ '));
    expect(r.report.corrections[0]).toMatch(/corrections\.json: not valid JSON/);
    expect(r.events.length).toBeGreaterThan(0);
  });

  it('schema: every entry needs a reason', () => {
    const r = parseCorrections(JSON.stringify({ corrections: [{ action: 'remove-event', id: 'x' }] }), 'corrections.json');
    expect(r.entries).toEqual([]);
    expect(r.messages[0]).toMatch(/entry 0: reason: /);
  });
});

describe("the README's corrections example", () => {
  it('is a valid corrections file', () => {
    const readme = readFileSync(join(import.meta.dirname, '../../../README.md'), 'utf8');
    const block = /## Corrections[\s\S]*?```json\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(block).toBeDefined();
    const r = parseCorrections(block!, 'corrections.json');
    expect(r.messages).toEqual([]);
    expect(r.entries.map((e) => e.c.action)).toEqual([
      'update-event',
      'remove-event',
      'add-event',
      'add-place',
      'update-place',
      'remove-place',
    ]);
  });
});
