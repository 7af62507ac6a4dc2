// @vitest-environment node
/**
 * The data files' checks remembered between runs (read-data-file.ts): a run over the same files and code
 * reads back what the check gave, and any change to a file's text or to the code is checked again, so a
 * broken file is always named.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DataFileError } from '../../../src/contract/data-files.ts';
import { readChronology } from '../../../src/pipeline/events/read.ts';
import { checkedOnce, readChronologyChecked } from '../../../src/pipeline/read-data-file.ts';
import { DATA_DIR, loadData } from '../../../src/pipeline/run.ts';

const tmp = mkdtempSync(join(tmpdir(), 'sco-checked-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A data folder of its own (the project's files copied), and a store folder beside it. */
function setup(name: string) {
  const data = join(tmp, name, 'data');
  cpSync(DATA_DIR, data, { recursive: true, filter: (p) => !p.includes('sources') });
  return { data, store: { dir: join(tmp, name, 'cache'), version: 'v1' } };
}

describe('a data file checked once', () => {
  it('is read back for the same text and version, and checked again when either changes', () => {
    const { store } = setup('counts');
    let checks = 0;
    const check = (text: string) => {
      checks++;
      return { words: text.split(' ') };
    };
    expect(checkedOnce(store, 'f.json', 'a b', check)).toEqual({ words: ['a', 'b'] });
    expect(checkedOnce(store, 'f.json', 'a b', check)).toEqual({ words: ['a', 'b'] });
    expect(checks).toBe(1);
    expect(checkedOnce(store, 'f.json', 'a c', check)).toEqual({ words: ['a', 'c'] });
    expect(checkedOnce({ ...store, version: 'v2' }, 'f.json', 'a c', check)).toEqual({ words: ['a', 'c'] });
    expect(checks).toBe(3);
  });

  it('keeps no value that JSON does not give back exactly, and no failed check', () => {
    const { store } = setup('exact');
    let checks = 0;
    const loose = () => {
      checks++;
      return { a: 1, b: undefined };
    };
    checkedOnce(store, 'loose.json', 'x', loose);
    expect(checkedOnce(store, 'loose.json', 'x', loose)).toEqual({ a: 1, b: undefined });
    expect('b' in checkedOnce(store, 'loose.json', 'x', loose)).toBe(true);
    expect(checks).toBe(3);
    const bad = () => {
      throw new DataFileError(['bad.json: broken']);
    };
    expect(() => checkedOnce(store, 'bad.json', 'y', bad)).toThrow('bad.json: broken');
    expect(() => checkedOnce(store, 'bad.json', 'y', bad)).toThrow('bad.json: broken');
  });

  it('a file it keeps that is cut short or garbled is checked again', () => {
    const { store } = setup('garbled');
    const check = (text: string) => ({ text });
    checkedOnce(store, 'g.json', 'z', check);
    const kept = join(store.dir, 'g.json.checked');
    writeFileSync(kept, readFileSync(kept, 'utf8').slice(0, -3));
    expect(checkedOnce(store, 'g.json', 'z', check)).toEqual({ text: 'z' });
    expect(checkedOnce(store, 'g.json', 'z', check)).toEqual({ text: 'z' });
  });
});

describe('the project data files through the store', () => {
  it('give what the check gives, and a file broken after a good run is still named', () => {
    const { data, store } = setup('gazetteer');
    const plain = loadData(data);
    expect(loadData(data, store)).toEqual(plain);
    expect(existsSync(join(store.dir, 'gazetteer.json.checked'))).toBe(true);
    expect(loadData(data, store)).toEqual(plain);
    const file = JSON.parse(readFileSync(join(data, 'gazetteer.json'), 'utf8')) as { places: Record<string, unknown>[] };
    file.places[5]!.lat = 123;
    writeFileSync(join(data, 'gazetteer.json'), JSON.stringify(file));
    expect(() => loadData(data, store)).toThrow(DataFileError);
    expect(() => loadData(data, store)).toThrow(/gazetteer\.json: places\[5\]\.lat/);
  });

  it('the chronology: the same meetings and problems, and an edit is read', () => {
    const { data, store } = setup('chronology');
    const plain = readChronology(data);
    expect(readChronologyChecked(data, store)).toEqual(plain);
    expect(readChronologyChecked(data, { ...store })).toEqual(plain);
    const path = join(data, 'chronology.json');
    const file = JSON.parse(readFileSync(path, 'utf8')) as { meetings: { id: string; city: string }[] };
    file.meetings[0]!.city = 'A renamed city';
    writeFileSync(path, JSON.stringify(file));
    expect(readChronologyChecked(data, store).meetings.find((m) => m.id === file.meetings[0]!.id)?.city).toBe('A renamed city');
    expect(readChronologyChecked(data, store)).toEqual(readChronology(data));
  });
});
