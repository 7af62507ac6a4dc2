/**
 * Take it away (issue 12): the data folder the page makes from what it shows holds the added
 * document (its records and its text), the fixes applied and listed in corrections.json after the
 * folder's own, and the same atlas gives the same bytes, zipped or in the offline file.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Correction } from '../../../../src/contract/data-files';
import { atlasFiles, zipFolder } from '../../../../src/app/corrections/take-away';
import { fillShell, DATA_OPEN } from '../../../../src/app/corrections/single-file';
import { singleFileHtml } from '../../../../src/app/corrections/take-away-single';
import { extractText } from '../../../../src/app/documents/extract';
import { context } from '../../../../src/pipeline/testing';

const dir = join(import.meta.dirname, '../../../fixtures/sample');
const BASE = 'http://atlas.test/data/';
/** Extra files by path, served before the fixture's (a folder taken away earlier has its corrections.json). */
let extra: Record<string, string> = {};

beforeEach(() => {
  extra = {};
  vi.stubGlobal('fetch', async (input: URL | string) => {
    const path = new URL(String(input), document.baseURI).pathname;
    if (path in extra) return new Response(extra[path]);
    if (!path.startsWith('/data/')) return new Response('', { status: 404 });
    const rel = decodeURIComponent(path.slice('/data/'.length));
    const file = join(dir, rel);
    return existsSync(file) ? new Response(readFileSync(file, 'utf8')) : new Response('', { status: 404 });
  });
});
afterEach(() => vi.unstubAllGlobals());

const ctx = context();
const text = 'Water notes\n\nOn 12 March 2025 the SCO held a conference on water in Almaty.\n';
const mine = extractText('water-notes', 'water notes.txt', text, text.length, ctx).added!;
const fix: Correction = { action: 'update-event', id: 'water-notes:2025-03-12', set: { title: 'Almaty water talks' }, reason: 'test' };

describe('the atlas taken away', () => {
  it('is the folder as served when nothing was added or fixed, texts included', async () => {
    const files = await atlasFiles({ base: BASE, added: [], fixes: [] });
    expect(files['events.json']).toBe(readFileSync(join(dir, 'events.json'), 'utf8'));
    expect(files['documents/astana-2024.txt']).toBe(readFileSync(join(dir, 'documents/astana-2024.txt'), 'utf8'));
    expect(files['corrections.json']).toBeUndefined();
    expect(Object.keys(files)).toEqual(Object.keys(files).sort());
  });

  it('holds an added document and a fix on it, with the fix listed after the folder’s own', async () => {
    const earlier: Correction = { action: 'remove-event', id: 'gone:2001-01-01', reason: 'an earlier fix' };
    extra['/data/corrections.json'] = JSON.stringify({ corrections: [earlier] });
    const files = await atlasFiles({ base: BASE, added: [mine], fixes: [fix] });
    expect(files['documents/water-notes.txt']).toBe(text);
    const docs = JSON.parse(files['documents.json']!) as { id: string }[];
    expect(docs.map((d) => d.id)).toContain('water-notes');
    const layer = JSON.parse(files['event-layer.json']!) as { title: string; placeId: string | null }[];
    expect(layer.find((e) => e.title === 'Almaty water talks')?.placeId).toMatch(/^almaty/);
    const places = JSON.parse(files['places.geojson']!) as { features: { properties: { id: string } }[] };
    expect(places.features.map((f) => f.properties.id)).toContainEqual(expect.stringMatching(/^almaty/));
    expect(JSON.parse(files['corrections.json']!).corrections).toEqual([earlier, fix]);
  });

  it('gives the same bytes for the same atlas, zipped and in the offline file', async () => {
    const a = await atlasFiles({ base: BASE, added: [mine], fixes: [fix] });
    const b = await atlasFiles({ base: BASE, added: [mine], fixes: [fix] });
    expect(Buffer.from(zipFolder(a)).equals(Buffer.from(zipFolder(b)))).toBe(true);
    const shell = `<html><body>${DATA_OPEN}</script></body></html>`;
    expect(fillShell(shell, a)).toBe(fillShell(shell, b));
    const unzipped = unzipSync(zipFolder(a));
    expect(strFromU8(unzipped['sco-atlas-data/documents/water-notes.txt']!)).toBe(text);
  });

  it('names the shell and the reason when the page cannot make the offline file', async () => {
    // A page served without the shell beside it (a build older than this code, or a copy of index.html alone).
    await expect(singleFileHtml({ 'events.json': '[]' })).rejects.toThrow(/single-shell\.html could not be fetched \(HTTP 404\)/);
    // A server that answers every path with its page.
    extra[new URL('single-shell.html', document.baseURI).pathname] = '<html><body>the app</body></html>';
    await expect(singleFileHtml({ 'events.json': '[]' })).rejects.toThrow(/single-shell\.html is not the single-file shell/);
  });
});
