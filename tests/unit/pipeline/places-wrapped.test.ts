// @vitest-environment node
/**
 * Hard-wrapped text (a .txt copied from an e-mail, a PDF's lines) breaks a city's name over two lines as
 * often as any other two words: "New\nDelhi" is still New Delhi, and a city at a line's end is not taken
 * for the first word of a longer name with the next line's first word.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Gazetteer } from '../../../src/pipeline/gazetteer.ts';
import { findPlaces } from '../../../src/pipeline/places.ts';
import { runPipeline } from '../../../src/pipeline/run.ts';

const gaz = new Gazetteer(JSON.parse(readFileSync(join(import.meta.dirname, '../../../data/gazetteer.json'), 'utf8')));
const found = (text: string) => findPlaces(text, gaz).mentions.map((m) => [m.place.id, m.text]);

describe('a place whose name is broken over two lines', () => {
  it('is found as one name', () => {
    expect(found('The defence ministers met in New\nDelhi on 28 April 2023.')).toEqual([['new-delhi-in', 'New Delhi']]);
  });

  it('a city at the end of a line is not part of a name with the next line', () => {
    expect(found('The leaders met in Moscow\nThe next meeting')).toEqual([['moscow-ru', 'Moscow']]);
    expect(found('The leaders met in Moscow The next meeting')).toEqual([]); // on one line it may be a longer name
  });

  it('gives the event its city in a hard-wrapped text', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sco-wrapped-'));
    writeFileSync(
      join(dir, 'wrapped.txt'),
      'SCO defence ministers\n\nThe defence ministers of the SCO member states met in New\nDelhi on 28 April 2023 and discussed regional security.\n',
    );
    const o = runPipeline(dir);
    expect(o.events).toContainEqual(expect.objectContaining({ start: '2023-04-28', placeId: 'new-delhi-in' }));
  });
});
