// @vitest-environment node
/**
 * Issue 14 item 4: data that fits the contract's shapes but not its meaning. Before, "2020-02-31" made
 * the window read "1 Jan 1970 – 4 Jul 2024", a duplicated event id threw `each_key_duplicate`, and an end
 * before its start, an unknown document or place and dangling statement ids loaded without a word.
 * Now each is named in a notice (file, entry, what), the record is left out or its link cut, and the
 * rest loads as before.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildIndexes } from '../../../src/app/data/indexes';
import { loadRawData } from '../../../src/app/data/load';
import type { Event, Statement } from '../../../src/contract/schema';

const sample = join(import.meta.dirname, '../../fixtures/sample/');
const read = (f: string) => readFileSync(join(sample, f), 'utf8');

function serve(files: Record<string, string>) {
  return async (url: string) => {
    const name = url.replace(/^mem\//, '');
    if (name in files) return new Response(files[name]);
    try {
      return new Response(read(name));
    } catch {
      return new Response('nope', { status: 404 });
    }
  };
}

describe('the meaning of what the app loads', () => {
  // The events the page shows: the event layer (event-layer.json).
  const events = JSON.parse(read('event-layer.json')) as Event[];
  const statements = JSON.parse(read('statements.json')) as Statement[];

  it('names each problem, leaves the broken records out, and loads the rest', async () => {
    const bad = structuredClone(events);
    bad[0]!.start = '2020-02-31';
    bad[1]!.id = bad[2]!.id;
    bad[3] = { ...bad[3]!, start: '2024-07-04', end: '2024-07-01', precision: 'day' };
    bad[4]!.docId = 'no-such-document';
    bad[5]!.placeId = 'atlantis';
    bad[6]!.statementIds = [...bad[6]!.statementIds, 'nowhere:s:1'];
    const dupStatement = { ...statements[0]!, text: "a second statement with the first one's id" };
    const got = await loadRawData(
      'mem/',
      serve({ 'event-layer.json': JSON.stringify(bad), 'statements.json': JSON.stringify([...statements, dupStatement]) }),
    );
    const said = got.problems.map((p) => `${p.file}: ${p.message}`).join('\n');
    expect(said).toContain(`event-layer.json: event ${bad[0]!.id}: start 2020-02-31 is not a real calendar date`);
    expect(said).toContain(`event-layer.json: event ${bad[2]!.id}: a second event with this id; left out`);
    expect(said).toContain(`event-layer.json: event ${bad[3]!.id}: end 2024-07-01 is before start 2024-07-04`);
    expect(said).toContain(`event-layer.json: event ${bad[4]!.id}: document "no-such-document" is not in documents.json`);
    expect(said).toContain(`event-layer.json: event ${bad[5]!.id}: place "atlantis" is not in places.geojson; shown without a place`);
    expect(said).toContain(`event-layer.json: event ${bad[6]!.id}: 1 statement id(s) not in statements.json (nowhere:s:1)`);
    expect(said).toContain(`statements.json: statement ${statements[0]!.id}: a second statement with this id; left out`);
    expect(got.problems.every((p) => !p.fatal)).toBe(true);

    const ids = got.data.events.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(got.data.events).toHaveLength(events.length - 4);
    expect(got.data.events.find((e) => e.id === bad[5]!.id)!.placeId).toBeNull();
    expect(got.data.events.find((e) => e.id === bad[6]!.id)!.statementIds).not.toContain('nowhere:s:1');
    expect(got.data.statements).toHaveLength(statements.length);
    // The window is the data's, not 1970's: every event's day is a real one.
    const atlas = buildIndexes(got.data, 'mem/');
    expect(Number.isFinite(atlas.extent?.[0] ?? 0)).toBe(true);
    expect(got.data.events.every((e) => !Number.isNaN(Date.parse(e.start)))).toBe(true);
  });

  it('says nothing about a corpus that means what it says', async () => {
    const got = await loadRawData('mem/', serve({}));
    expect(got.problems).toEqual([]);
    expect(got.data.events).toHaveLength(events.length);
  });
});
