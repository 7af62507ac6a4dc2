/**
 * One way to start an atlas, for the page (main.ts), a custom element or a test page:
 * `mountAtlas(target, options)` → a handle with the view state, the data and readiness promises.
 */
import { mount, unmount } from 'svelte';
import App from './App.svelte';
import { buildIndexes, type AtlasData } from './data/indexes';
import { loadFirst } from './data/first-index';
import { loadCore, loadDeferred, type RawData } from './data/load';
import { EARLY_EVENTS, preloadWorkerModule, workerChecker } from './data/pool';
import type { MapAdapter, MapFactory } from './map/types';
import { preloadWorld } from './map/world';
import { fmtNumber } from './i18n';
// The 2D map is the first screen: part of the page's own code, not a chunk fetched and run after it
// (as a dynamic import it ran only once the busy first render let it, after the data had arrived).
import * as map2d from './map/canvas2d/hybrid';
import type { AtlasState } from './state/atlas.svelte';
import { ViewState, syncWithLocation } from './state/view.svelte';
import { Presentation } from './present/controller.svelte';
import { parsePresentParams } from './present/params';

export interface AtlasOptions {
  /** Data folder URL (default `./data/`, or `./<data>/` from the `data=` parameter). */
  dataUrl?: string;
  /** Mirror the view in the page URL (default true). Turn off when several atlases share a page. */
  syncUrl?: boolean;
  /** Initial parameters when `syncUrl` is false, e.g. `?from=2020-01-01&place=moscow`. */
  query?: string;
  /** Compact: no title bar or controls; the map uses cooperative gestures. */
  embed?: boolean;
  /** Replace the map engine (tests); null shows the app without a map. */
  mapFactory?: MapFactory | null;
  /** Presentations (issue 4): the story/share controller; by default built from the URL or `query`. */
  presentation?: Presentation;
  /** True when the atlas is the whole page (keys on the window); false inside a custom element. Default: syncUrl. */
  page?: boolean;
  /** URL of the full app, for "Open full view" links from an embed. */
  appUrl?: string;
}

export interface AtlasHandle {
  state: ViewState;
  data: Promise<AtlasData>;
  /** Resolves when all the data (statements too) is loaded and the views are drawn. */
  ready: Promise<void>;
  /** Resolves when the map has drawn everything, statements too (resolves at once when there is no map). */
  mapIdle(): Promise<void>;
  /**
   * Resolves when the map has drawn the first screen: places and events (discs, timeline), while the
   * statements (the largest file; only the reading panel needs them) may still be on their way.
   */
  firstIdle(): Promise<void>;
  map(): MapAdapter | null;
  /** Story mode, embed and the postMessage API of this atlas (issue 4). */
  presentation: Presentation;
  destroy(): void;
}

declare global {
  interface Window {
    __atlas?: {
      ready: Promise<void>;
      state: ViewState;
      mapIdle(): Promise<void>;
      firstIdle?(): Promise<void>;
      data?: AtlasData;
      /** Where a city is drawn on screen (client pixels), so a test can click it like a person. */
      placePoint?(placeId: string): { x: number; y: number } | null;
    };
  }
}

/** Settles when `p` does or after `ms`, whichever comes first (a map that never comes must not hold the rest). */
const orAfter = (p: Promise<unknown>, ms: number): Promise<unknown> => Promise.race([p, new Promise((r) => setTimeout(r, ms))]);
/** How long past the first screen a large corpus's events wait for the map's idle before this thread parses them. */
const PARSE_WAIT_MS = 3000;

export function mountAtlas(target: HTMLElement, options: AtlasOptions = {}): AtlasHandle {
  const syncUrl = options.syncUrl ?? true;
  // The country shapes start loading with the page, beside the data and the map's code (map/world.ts).
  if (options.mapFactory === undefined) void preloadWorld();
  const state = new ViewState();
  state.applyQuery(syncUrl ? location.search : (options.query ?? ''));
  const base = state.data ? `./${state.data}` : (options.dataUrl ?? './data/');
  const presentation = options.presentation ?? new Presentation(parsePresentParams(syncUrl ? location.search : (options.query ?? '')));

  performance.mark('atlas:data-start');
  // Events, places and documents first; statements and the time series (the largest files) follow.
  // Both are fetched here; large files are parsed and validated in workers (pool.ts: the events up to
  // 8 MB in this thread), which start once a file's size says one is needed. A worker started with the
  // page (as before 7 December) only took CPU from the first screen once the events up to 8 MB were
  // checked here (10,000 events, 12 interleaved loads each, load ~6: first screen 1345 ms with it,
  // 1260 ms without); at 100,000 events the HEAD, now answered at once, starts it as early.
  const checker = workerChecker();
  // The first screen from event-index.json (data/first-index.ts): drawn before the events file is
  // fetched, which waits for it (gate) to be on screen. Only for a page that asks for nothing the
  // events themselves answer (a search, a filter, a chosen city or event, a story, an embed's panel),
  // and with a map to draw it on.
  const quick =
    !state.q &&
    !state.topics.length &&
    !state.docs.length &&
    !state.place &&
    !state.event &&
    !presentation.storyOn &&
    !presentation.embed &&
    options.mapFactory !== null;
  const first = quick ? loadFirst(base) : null;
  let onScreen: () => void = () => {};
  const drawn = new Promise<void>((r) => (onScreen = r));
  // The places drawn from the index, kept (not a second copy of places.geojson) when the file is the same,
  // so the map keeps its labels and discs instead of placing them again.
  let firstPlaces: RawData['places'] | null = null;
  let early = false;
  const gate = first?.then((f) => {
    if (!f.ok) return undefined;
    firstPlaces = f.data.raw.places;
    early = f.data.evStart.length >= EARLY_EVENTS;
    return early ? undefined : drawn;
  });
  // The events (and the core files beside them) are fetched only once that first screen is on screen:
  // fetched with the page, the 3.6 MB of 10,000 events coming in took the page's thread from the first
  // screen (paired A/B, 8 loads each, load ~2: first screen 753 -> 592 ms, quartiles of the per-load
  // difference -244 / -44; map idle -59 ms; the events in no later, -23 ms). Past EARLY_EVENTS they are
  // asked for at once: the loading worker fetches and checks them on its own thread, and only this
  // thread's parse of its copy waits for the first screen (parseAfter).
  if (quick) preloadWorkerModule();
  // Past EARLY_EVENTS this thread parses its copy of the events (36 MB at 100,000: one task of 0.7-1.9 s)
  // only once the map is idle with the first screen's discs (settled below), not as soon as the 2D
  // first screen is drawn: in a load trace at 100,000 events that task ran between MapLibre's creation
  // and its first frames, and the map's idle waited for it.
  let settled: () => void = () => {};
  const mapSettled = new Promise<void>((r) => (settled = r));
  const core = (gate ?? Promise.resolve()).then(() =>
    loadCore(base, undefined, { checker, parseAfter: early ? mapSettled : undefined, large: early }),
  );
  const loaded = core.then(({ data, problems, index }) => {
    performance.mark('atlas:data-end');
    performance.measure('atlas:data', 'atlas:data-start', 'atlas:data-end');
    const shown = firstPlaces;
    firstPlaces = null;
    const same = (a: RawData['places']['features'], b: RawData['places']['features']) =>
      a.length === b.length && a.every((p, i) => p.properties.id === b[i]!.properties.id);
    const raw = shown && same(shown.features, data.places.features) ? { ...data, places: shown } : data;
    return { data: { ...buildIndexes(raw, base, index), pending: true }, problems };
  });
  // Statements and the time series are fetched once the map's first picture is drawn (the 2D first
  // screen: their bodies pass through this thread, 11 MB at 10,000 events) and checked and parsed once
  // the map is idle (or after a few seconds at most): at 100,000 events, parsing 42 MB of statements on
  // this thread while the map was settling pushed the first idle back by seconds.
  let firstScreenDrawn: () => void = () => {};
  const firstScreen = new Promise<void>((r) => (firstScreenDrawn = r));
  let pictureDrawn: () => void = () => {};
  const picture = new Promise<void>((r) => (pictureDrawn = r));
  const more = loadDeferred(base, undefined, {
    checker,
    fetchAfter: Promise.all([core, picture]),
    after: Promise.all([core, firstScreen]),
  }).then((m) => {
    performance.mark('atlas:statements-end');
    performance.measure('atlas:statements', 'atlas:data-start', 'atlas:statements-end');
    return m;
  });
  // The workers are not needed once every file is in (their memory is freed with them).
  void Promise.allSettled([core, more]).then(() => checker.close());
  let resolveData: (d: AtlasData) => void = () => {};
  const full = new Promise<AtlasData>((r) => (resolveData = r));

  let adapter: MapAdapter | null = null;
  let atlas: AtlasState | null = null;
  let mapSeen: (() => void) | null = null;
  const mapReady = new Promise<void>((r) => (mapSeen = r));
  let stopSync = () => {};
  let resolveReady: () => void = () => {};
  let rejectReady: (e: unknown) => void = () => {};
  const ready = new Promise<void>((res, rej) => {
    resolveReady = res;
    rejectReady = rej;
  });
  loaded.catch((e) => rejectReady(e));

  const app = mount(App, {
    target,
    props: {
      view: state,
      // In a box App empties: a promise keeps its value, and the props keep the promise (at 1,000 events
      // the first screen's arrays and documents stayed in the heap, ~0.04 MB, after the events replaced them).
      first: first?.then((f) => ({ data: f.ok ? f.data : null })),
      loaded,
      more,
      // The map starts as a 2D canvas once the country shapes are in (map/canvas2d/hybrid.ts); maplibre-gl
      // (the largest part of the code) loads once that first screen is drawn and takes over once its map is.
      mapFactory: options.mapFactory === undefined ? map2d.prewarm().then(() => map2d.createMap) : options.mapFactory,
      embed: options.embed ?? presentation.embed,
      presentation,
      page: options.page ?? syncUrl,
      appUrl: options.appUrl,
      onstate: (a: AtlasState) => (atlas = a),
      onready: (data: AtlasData) => {
        // Now that the data is known, drop ids it does not have (a stale link), with a notice.
        // The data's own maps answer "is there such an id" (no copies of 100,000 ids into Sets).
        const knownIn = (d: AtlasData) => ({ places: d.placeIndex, events: d.eventIndex, topics: d.topicIndex, docs: d.documents });
        state.replaceNext = true;
        // Outside an embed the browser's own documents come back next (documents/DocumentsLayer): a city
        // or event of theirs in the link waits for them instead of being dropped (view.held).
        state.applyQuery(state.query(), knownIn(data), !(options.embed ?? presentation.embed));
        // Back and Forward check the ids against the data as it is then, with the user's documents and
        // fixes joined: a city only an added document has was dropped as "No place … in this data".
        if (syncUrl) stopSync = syncWithLocation(state, () => knownIn(atlas?.data ?? data));
        if (options.mapFactory === null) mapSeen?.();
      },
      onfull: (data: AtlasData) => {
        performance.mark('atlas:ready');
        resolveData(data);
        resolveReady();
      },
      onmap: (a: MapAdapter | null) => {
        adapter = a;
        if (a) mapSeen?.();
      },
    },
  });

  const marked = new Set<string>();
  /** The map's idle once `after` is in; the first time, a performance mark (the bench reads it). */
  const idleAfter = async (after: Promise<unknown>, mark: string) => {
    await after;
    // Without WebGL the adapter never arrives; do not wait for it forever.
    await orAfter(mapReady, 3000);
    if (adapter) await adapter.idle();
    if (!marked.has(mark)) {
      marked.add(mark);
      performance.mark(mark);
    }
  };
  const mapIdle = () => idleAfter(ready, 'map:idle');
  // The first idle: the map idle with the places and events drawn, from event-index.json when the page
  // drew its first screen from it (every event's day, place and statement count), else from the events.
  const firstShown = first ? first.then((f) => (f.ok ? undefined : loaded)) : loaded;
  const firstIdle = () => idleAfter(firstShown, 'map:first-idle');
  // The large events' parse waits for that idle, or for PARSE_WAIT_MS after the first screen at most.
  void drawn.then(() => orAfter(firstIdle(), PARSE_WAIT_MS)).then(settled, settled);
  void orAfter(firstIdle(), 4000).then(firstScreenDrawn, firstScreenDrawn);
  const firstPicture = mapReady.then(() => adapter?.firstDrawn?.());
  void orAfter(firstPicture, 4000).then(pictureDrawn, pictureDrawn);
  // The events are fetched (and then checked) once the first screen (from the index) is on the glass
  // (the task after its frame), in the same turn as the map starts MapLibre (map/canvas2d/hybrid.ts):
  // one frame later (first-paint.ts) let MapLibre's start cut into their check (10,000 events, load ~6:
  // the events in 0.85 s after the first screen).
  void picture.then(() => requestAnimationFrame(() => setTimeout(onScreen, 0)));
  // The first Intl.NumberFormat pays V8's one-time set-up (30-90 ms), which the first screen skips
  // (i18n/catalog.ts): it is paid here, when the page has a moment, rather than in the first click that
  // shows a count over 999.
  void picture.then(() => (globalThis.requestIdleCallback ?? setTimeout)(() => fmtNumber(0)));

  return {
    state,
    data: full,
    ready,
    mapIdle,
    firstIdle,
    map: () => adapter,
    presentation,
    destroy() {
      stopSync();
      void unmount(app);
    },
  };
}
