/**
 * The atlas state as components use it: commands change the view, the URL follows, and Back brings
 * the view (and what is derived from it) back; the open document and the story step are in the link.
 */
import { flushSync } from 'svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AtlasState } from '../../../src/app/state/atlas.svelte';
import { effectiveWindow } from '../../../src/app/state/window';
import { ViewState, syncWithLocation } from '../../../src/app/state/view.svelte';
import { sampleData } from './sample';

let stop = () => {};
afterEach(() => {
  stop();
  window.history.replaceState(null, '', '/');
});

async function start(search = '') {
  window.history.replaceState(null, '', `/${search}`);
  const data = await sampleData();
  const known = { places: data.placeIndex, events: data.eventIndex, topics: data.topicIndex, docs: data.documents };
  const view = new ViewState();
  view.applyQuery(window.location.search, known);
  const atlas = new AtlasState(view);
  atlas.data = data;
  stop = syncWithLocation(view, () => known);
  flushSync();
  return { atlas, view, data };
}

const popTo = async (search: string) => {
  window.history.back();
  await vi.waitFor(() => expect(window.location.search).toBe(search));
  flushSync();
};

describe('from a command to the URL and back', () => {
  it('selecting a city writes place= and Back clears it again', async () => {
    const { atlas, view } = await start();
    atlas.select('moscow');
    flushSync();
    expect(window.location.search).toBe('?place=moscow');
    await popTo('');
    expect(view.place).toBeNull();
  });

  it('a window narrows the counts the map and summary read; Back widens them again', async () => {
    const { atlas, data } = await start();
    const all = atlas.counts!.total;
    expect(all).toBe(data.events.length);
    atlas.setWindow(Date.UTC(2020, 0, 1), Date.UTC(2020, 11, 31));
    expect(window.location.search).toBe('?from=2020-01-01&to=2020-12-31');
    expect(atlas.window).toEqual(effectiveWindow({ from: Date.UTC(2020, 0, 1), to: Date.UTC(2020, 11, 31), cursor: null }, data.extent));
    expect(atlas.counts!.total).toBeLessThan(all);
    await popTo('');
    expect(atlas.counts!.total).toBe(all);
  });

  it('filters change the mask and the number of matching events', async () => {
    const { atlas, view, data } = await start();
    expect(atlas.mask).toBeNull();
    expect(atlas.matching).toBe(data.events.length);
    view.topics = ['covid'];
    expect(atlas.matching).toBe(data.events.filter((e) => e.topics.includes('covid')).length);
    expect(atlas.matching).toBeGreaterThan(0);
    expect(atlas.matching).toBeLessThan(data.events.length);
  });

  it('reading a statement opens its document in the link (read=, statement=); a reload of that link opens it again', async () => {
    const { atlas, data } = await start();
    const s = data.statements[0]!;
    atlas.read(s);
    flushSync();
    expect(atlas.reading?.doc.id).toBe(s.docId);
    expect(atlas.reading?.statement?.id).toBe(s.id);
    const link = window.location.search;
    expect(new URLSearchParams(link).get('read')).toBe(s.docId);
    stop();
    const again = await start(link);
    expect(again.atlas.reading?.statement?.id).toBe(s.id);
    again.atlas.closeReading();
    flushSync();
    expect(window.location.search).toBe('');
  });

  it('Next and Previous step through events in time order, moving the playhead to each and writing event=', async () => {
    const { atlas, view, data } = await start();
    atlas.selectEvent(data.events[0]!.id);
    atlas.step(1);
    expect(view.event).toBe(data.events[1]!.id);
    expect(view.place).toBe(data.events[1]!.placeId);
    expect(view.cursor).toBe(data.evStart[1]);
    expect(new URLSearchParams(window.location.search).get('event')).toBe(data.events[1]!.id);
    atlas.step(-1);
    expect(view.event).toBe(data.events[0]!.id);
  });

  it('a story step asked of the map becomes a flight request MapView follows, counted so a repeat flies again', async () => {
    const { atlas } = await start();
    atlas.flyTo('moscow');
    atlas.flyTo('moscow');
    expect(atlas.flight).toEqual({ placeId: 'moscow', n: 2 });
  });
});
