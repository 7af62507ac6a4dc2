// @vitest-environment node
/**
 * What the loading worker runs (check.ts, event-index.ts), called directly: the same code decides
 * whether a file fits the contract and builds the event index, in the worker or in this thread.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { checkFile } from '../../../src/app/data/check';
import { checkAndOrderCore } from '../../../src/app/data/core';
import { interval, packEventIndex, placeTimesOf } from '../../../src/app/data/event-index';
import { buildIndexes } from '../../../src/app/data/indexes';
import { loadCore, loadRawData } from '../../../src/app/data/load';
import { summitHosts } from '../../../src/app/data/summits';
import { CORE_IN_THREAD, workerChecker } from '../../../src/app/data/pool';
import type { Event } from '../../../src/contract/schema';

const sample = join(import.meta.dirname, '../../fixtures/sample/');
const bytes = (file: string) => new TextEncoder().encode(readFileSync(join(sample, file), 'utf8')).buffer as ArrayBuffer;
const fsFetch = async (url: string) => {
  try {
    return new Response(readFileSync(url));
  } catch {
    return new Response('nope', { status: 404 });
  }
};

describe('checking one file', () => {
  it('names the path of the first bad record, however deep in the file', async () => {
    const events = JSON.parse(readFileSync(join(sample, 'events.json'), 'utf8')) as Event[];
    const many = Array.from({ length: 3000 }, (_, i) => ({ ...events[i % events.length]!, id: `e${i}` }));
    (many[2718] as { start: string }).start = '2019-13';
    const got = await checkFile('events.json', JSON.stringify(many));
    expect(got).toEqual({
      ok: false,
      message: expect.stringMatching(/^does not match the data contract: \[2718\]\.start: expected YYYY, YYYY-MM or YYYY-MM-DD$/),
    });
  });

  it('tells a web page (a server answering a missing file) from broken JSON', async () => {
    expect(await checkFile('places.geojson', '<!doctype html><html></html>')).toEqual({
      ok: false,
      message: expect.stringMatching(/^is missing \(the server sent a web page instead\)/),
    });
    expect(await checkFile('places.geojson', '{"type": "FeatureCollection", ')).toEqual({
      ok: false,
      message: expect.stringMatching(/^is not valid JSON/),
    });
  });
});

describe('the core files as the worker checks them', () => {
  const core = () =>
    checkAndOrderCore({
      events: bytes('event-layer.json'),
      places: bytes('places.geojson'),
      documents: bytes('documents.json'),
      topics: bytes('topics.json'),
    });

  it('returns the events in time order with the same index the main thread would build', async () => {
    const got = await core();
    expect(got.events?.ok && got.places?.ok && got.documents?.ok && got.topics?.ok).toBe(true);
    if (!got.events?.ok || !got.places?.ok || !got.index) throw new Error('not checked');
    const starts = got.events.data.map((e) => interval(e.start, e.end)[0]);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(Array.from(got.index.evStart)).toEqual(starts);

    // The whole atlas from the worker's result equals the one built from the raw files in this thread.
    const { data } = await loadRawData(sample, fsFetch);
    const here = buildIndexes(data, sample);
    const there = buildIndexes({ ...data, events: got.events.data }, sample, got.index);
    expect(there.events.map((e) => e.id)).toEqual(here.events.map((e) => e.id));
    expect(there.evEnd).toEqual(here.evEnd);
    expect(there.evPlace).toEqual(here.evPlace);
    expect(placeTimesOf(there.times)).toEqual(placeTimesOf(here.times));
    expect(there.extent).toEqual(here.extent);
  });

  it('finds the summit path the map draws, so the page does not read every title again', async () => {
    const got = await core();
    const { data } = await loadRawData(sample, fsFetch);
    const fresh = { events: [...buildIndexes(data, sample).events] }; // a new array: nothing remembered for it
    expect(got.index?.summits).toEqual(summitHosts(fresh));
    expect(got.index?.summits?.length).toBeGreaterThan(1);
    // What the page then builds from the worker's result hands the map the same path.
    if (!got.events?.ok || !got.index) throw new Error('not checked');
    expect(summitHosts(buildIndexes({ ...data, events: got.events.data }, sample, got.index))).toEqual(got.index.summits);
  });

  it('its arrays survive a structured clone (what postMessage does), and per-place views stay in bounds', async () => {
    const got = await core();
    const copy = structuredClone(got);
    for (const k of Object.keys(got.index!) as (keyof typeof got.index & string)[]) {
      expect(Array.from(copy.index![k] as ArrayLike<number>), k).toEqual(Array.from(got.index![k] as ArrayLike<number>));
    }
    const places = placeTimesOf(copy.index!);
    for (const t of places) {
      expect(t.startW.length).toBe(t.starts.length + 1);
      expect(t.endW.length).toBe(t.ends.length + 1);
      expect(t.startW[t.starts.length]).toBe(t.endW[t.ends.length]);
    }
  });

  it('per place: starts and ends sorted, weights as prefix sums of statement counts', () => {
    const events = JSON.parse(readFileSync(join(sample, 'events.json'), 'utf8')) as Event[];
    const places = (JSON.parse(readFileSync(join(sample, 'places.geojson'), 'utf8')) as { features: Parameters<typeof packEventIndex>[1] })
      .features;
    const packed = packEventIndex(events, places);
    placeTimesOf(packed).forEach((t, p) => {
      const mine = events.filter((e) => e.placeId === places[p]!.properties.id);
      expect(t.starts.length).toBe(mine.length);
      expect(Array.from(t.starts)).toEqual(mine.map((e) => interval(e.start, e.end)[0]).sort((a, b) => a - b));
      expect(Array.from(t.ends)).toEqual(mine.map((e) => interval(e.start, e.end)[1]).sort((a, b) => a - b));
      expect(t.startW[mine.length]).toBe(mine.reduce((n, e) => n + e.statementIds.length, 0));
    });
  });
});

describe('where the files are checked', () => {
  it('when no worker can start, the same files load in this thread with the same result', async () => {
    // Big enough (over the 8 MB of events this thread checks itself) that a worker would be asked for.
    const events = JSON.parse(readFileSync(join(sample, 'event-layer.json'), 'utf8')) as Event[];
    const count = Math.ceil((1.2 * CORE_IN_THREAD * events.length) / JSON.stringify(events).length);
    const many = JSON.stringify(Array.from({ length: count }, (_, i) => ({ ...events[i % events.length]!, id: `e${i}` })));
    expect(many.length).toBeGreaterThan(CORE_IN_THREAD);
    const bigFetch = async (url: string) => (url.endsWith('event-layer.json') ? new Response(many) : fsFetch(url));
    let tried = 0;
    const checker = workerChecker(() => {
      tried++;
      throw new DOMException('not allowed here', 'SecurityError');
    });
    const viaFallback = await loadCore(sample, bigFetch, { checker });
    const here = await loadCore(sample, bigFetch);
    expect(tried).toBe(1);
    expect(checker.where()).toBe('main thread');
    expect(viaFallback.data.events).toHaveLength(count);
    expect(viaFallback.data).toEqual(here.data);
    expect(viaFallback.index).toEqual(here.index);
    checker.close();
  });
});

describe('a large events file handed to a worker that cannot start', () => {
  it('is fetched on the page instead, and a failed fetch of it is named rather than crashing', async () => {
    const base = 'http://atlas.test/data/';
    const heads: string[] = [];
    let gets = 0;
    const serve = (ok: boolean) => async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = String(input);
      const file = url.slice(base.length);
      // The HEAD says the events file is large (1.5 MB gzipped: ~12 MB of JSON), so the page hands it
      // to the (failing) worker.
      if (init?.method === 'HEAD') {
        heads.push(init.cache ?? 'default');
        return new Response(null, { headers: { 'content-length': String(1.5 * (1 << 20)), 'content-encoding': 'gzip' } });
      }
      if (file === 'event-layer.json') gets++;
      if (file === 'event-layer.json' && !ok) throw new TypeError('network down');
      return new Response(readFileSync(join(sample, file)));
    };
    const noWorker = () => workerChecker(() => Promise.reject(new Error('no workers here')));
    // Only the network is stood in for; the loader, the checks and the fallback are the real ones.
    vi.stubGlobal('fetch', serve(true));
    try {
      const good = await loadCore(base, undefined, { checker: noWorker() });
      expect(good.data.events.length).toBeGreaterThan(0);
      // Asked past the HTTP cache (whose lock would hold the answer until the GET is done), and the
      // page's own GET was then asked again: once aborted for the hand-off, once after the worker failed.
      expect(heads).toEqual(['no-store']);
      expect(gets).toBe(2);
      vi.stubGlobal('fetch', serve(false));
      await expect(loadCore(base, undefined, { checker: noWorker() })).rejects.toMatchObject({
        problems: [{ file: 'event-layer.json', message: 'could not be fetched (network down)', fatal: true }],
      });
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

describe('a large corpus handed over by address (event-index.json said so)', () => {
  it('is read whole from its addresses, and a folder without an event layer falls back to its mentions', async () => {
    const base = 'http://atlas.test/data/';
    const asked: string[] = [];
    const serve = (layer: boolean) => async (input: RequestInfo | URL) => {
      const file = String(input).slice(base.length);
      asked.push(file);
      if (file === 'event-layer.json' && !layer) return new Response('not here', { status: 404 });
      return new Response(readFileSync(join(sample, file)));
    };
    // No worker can start here, so the same addresses are read on this thread: the loader, the checks
    // and the fallback are the real ones, only the network is stood in for.
    const noWorker = () => workerChecker(() => Promise.reject(new Error('no workers here')));
    vi.stubGlobal('fetch', serve(true));
    try {
      const layer = await loadCore(base, undefined, { checker: noWorker(), large: true });
      const events = JSON.parse(readFileSync(join(sample, 'event-layer.json'), 'utf8')) as unknown[];
      expect(layer.data.events).toHaveLength(events.length);
      expect(layer.problems).toEqual([]);
      expect(asked.sort()).toEqual(['documents.json', 'event-layer.json', 'places.geojson', 'topics.json']);
      vi.stubGlobal('fetch', serve(false));
      const mentions = await loadCore(base, undefined, { checker: noWorker(), large: true });
      const raw = JSON.parse(readFileSync(join(sample, 'events.json'), 'utf8')) as unknown[];
      expect(mentions.data.events).toHaveLength(raw.length);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
