import { flushSync } from 'svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ViewState, syncWithLocation } from '../../../src/app/state/view.svelte';

const known = { places: new Set(['moscow', 'astana']), events: new Set(['e1']), topics: new Set(['summit']), docs: new Set(['d1']) };
let stop = () => {};
afterEach(() => {
  stop();
  window.history.replaceState(null, '', '/');
});

function start(search = '') {
  window.history.replaceState(null, '', `/${search}`);
  const view = new ViewState();
  view.applyQuery(window.location.search, known);
  stop = syncWithLocation(view, () => known);
  flushSync();
  return view;
}

describe('the URL follows the view, and back/forward restore it', () => {
  it('a discrete change (choosing a city) adds a history entry', () => {
    const view = start();
    const before = window.history.length;
    view.select('moscow');
    flushSync();
    expect(window.location.search).toBe('?place=moscow');
    expect(window.history.length).toBe(before + 1);
  });

  it('a drag adds one entry and then rewrites it, ending on the last position', async () => {
    const view = start();
    const before = window.history.length;
    view.gesture = true;
    for (let d = 1; d <= 5; d++) {
      view.set({ from: Date.UTC(2020, 0, d), to: Date.UTC(2020, 5, 1) });
      flushSync();
    }
    view.gesture = false;
    await vi.waitFor(() => expect(window.location.search).toBe('?from=2020-01-05&to=2020-06-01'));
    expect(window.history.length).toBe(before + 1);
  });

  it('inside a drag the query string is built from a timer, not on every move', async () => {
    const view = start();
    view.gesture = true;
    view.set({ from: Date.UTC(2020, 0, 1), to: Date.UTC(2020, 5, 1) });
    flushSync();
    const spy = vi.spyOn(view, 'query');
    for (let d = 2; d <= 20; d++) {
      view.set({ from: Date.UTC(2020, 0, d), to: Date.UTC(2020, 5, 1) });
      flushSync();
    }
    expect(spy).not.toHaveBeenCalled();
    view.gesture = false;
    await vi.waitFor(() => expect(window.location.search).toBe('?from=2020-01-20&to=2020-06-01'));
  });

  it('back restores the previous view', async () => {
    const view = start('?place=astana');
    view.select('moscow');
    flushSync();
    window.history.back();
    await vi.waitFor(() => expect(view.place).toBe('astana'));
  });

  it('other features’ parameters survive the rewrites', () => {
    const view = start('?embed=1&place=moscow');
    view.q = 'digital';
    flushSync();
    expect(window.location.search).toBe('?embed=1&place=moscow&q=digital');
  });

  it('a stale link is corrected with notices', () => {
    const view = start('?place=atlantis&from=2021-01-01&to=2020-01-01');
    expect(view.place).toBeNull();
    expect(view.from).toBeNull();
    expect(view.notices.map((n) => n.param).sort()).toEqual(['from', 'place']);
  });
});

describe('other features can change their own parameters', () => {
  it('replacing view.extra rewrites the URL at once', () => {
    const view = start('?embed=1&place=moscow');
    view.extra = view.extra.filter(([k]) => k !== 'embed');
    flushSync();
    expect(window.location.search).toBe('?place=moscow');
  });

  it('leaving story mode (view.story) drops story= and step= from the URL at once', () => {
    const view = start('?story=1&step=3&place=moscow');
    expect(view.story).toEqual({ step: 3, autoplay: null });
    view.story = null;
    flushSync();
    expect(window.location.search).toBe('?place=moscow');
  });
});
