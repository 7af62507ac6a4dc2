/**
 * The page's first module asks for the first screen's files before the app's code has loaded
 * (boot.ts, data/prefetch.ts); loadCore then reads those same requests instead of asking again. The
 * network is the edge stubbed here: a fetch answering from the fixture folder, counting requests.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadCore } from '../../../src/app/data/load';
import { forgetPrefetched, prefetchFirstScreen } from '../../../src/app/data/prefetch';
import { dataBaseOf } from '../../../src/app/state/data-folder';

const sample = join(import.meta.dirname, '../../fixtures/sample/');

/** A server holding the sample data under /data/; every request is logged with its method. */
function server() {
  const asked: string[] = [];
  const fetchStub = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), location.href);
    asked.push(`${init?.method ?? 'GET'} ${url.pathname}`);
    if (!url.pathname.startsWith('/data/')) return new Response('nope', { status: 404 });
    try {
      const body = readFileSync(join(sample, url.pathname.slice('/data/'.length)));
      return new Response(init?.method === 'HEAD' ? null : body, { headers: { 'content-length': String(body.byteLength) } });
    } catch {
      return new Response('nope', { status: 404 });
    }
  });
  vi.stubGlobal('fetch', fetchStub);
  return asked;
}

afterEach(() => {
  forgetPrefetched();
  vi.unstubAllGlobals();
});

describe('the first screen asked for before the app has loaded', () => {
  it('reads the data folder from ?data= as the app does, and refuses one off the origin', () => {
    expect(dataBaseOf('')).toBe('./data/');
    expect(dataBaseOf('?data=corpora/all')).toBe('./corpora/all/');
    expect(dataBaseOf('?lang=ru&data=./corpora/2024/&t=2020-01-01')).toBe('./corpora/2024/');
    for (const bad of ['../secret/', 'https://elsewhere.example/', '//elsewhere.example/x/', 'a/../../b/']) {
      expect(dataBaseOf(`?data=${encodeURIComponent(bad)}`)).toBe('./data/');
    }
  });

  it('loads the core files from the requests already made, each file asked for once', async () => {
    const asked = server();
    prefetchFirstScreen('./data/');
    const early = [...asked];
    expect(early.sort()).toEqual([
      'GET /data/documents.json',
      'GET /data/event-layer.json',
      'GET /data/places.geojson',
      'GET /data/topics.json',
    ]);
    const { data, problems } = await loadCore('./data/');
    expect(problems).toEqual([]);
    expect(data.events.length).toBeGreaterThan(0);
    expect(data.places.features.length).toBeGreaterThan(0);
    // No second request for any of them.
    expect(asked.sort()).toEqual(early);
  });

  it('fetches anew when the early requests were for another folder, and still names a missing file', async () => {
    const asked = server();
    prefetchFirstScreen('./corpora/gone/');
    await expect(loadCore('./data/')).resolves.toMatchObject({ problems: [] });
    expect(asked.filter((a) => a.includes('/data/event-layer.json')).length).toBeGreaterThan(0);
    // The other folder's files are named in the page's words when it is that folder that is loaded.
    prefetchFirstScreen('./corpora/gone/');
    await expect(loadCore('./corpora/gone/')).rejects.toThrow(/places\.geojson: is missing/);
  });
});
