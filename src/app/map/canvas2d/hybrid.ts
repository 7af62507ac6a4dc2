/**
 * The map the app gets (`prewarm` + `createMap`, as mount.ts asks for them): the 2D map at once, and,
 * once it has drawn the first screen, MapLibre's WebGL map built under it; once the WebGL map has drawn
 * everything it was given (idle), the 2D layer goes and the WebGL map carries on from the same camera,
 * so the swap shows no jump (both draw the same Web Mercator from the same shapes and colours; see
 * tests/e2e/first-screen.test.ts). Where WebGL2 is missing or MapLibre fails, the 2D map stays as the
 * whole map, with one quiet line on what it lacks.
 *
 * Every call of the app goes to the map in front; while both exist, to both, so the WebGL map is in
 * the same state when it takes over. The app never branches on which map it has.
 */
import { t } from '../../i18n';
import { loadCoarseCountries } from '../countries';
import { mercator } from '../discs';
import type { MapAdapter, MapAdapterOptions, MapFactory } from '../types';
import type { MapView } from '../../state/url';
import { createMap2D, type Map2DAdapter } from './adapter2d';

type GL = typeof import('../adapter');
let gl: Promise<GL> | null = null;
/** MapLibre's adapter (its chunk, its worker and the shapes it wants), loaded once. */
const loadGL = (): Promise<GL> => (gl ??= import('../adapter').then((m) => m.prewarm().then(() => m)));

let probed: boolean | null = null;
/**
 * Whether this browser gives a WebGL2 context, asked once before MapLibre's code is fetched: where it
 * does not (Chromium with --disable-3d-apis, a blocked GPU) WebGL2RenderingContext is still defined,
 * and the 1 MB MapLibre chunk used to be loaded only for `new Map()` to fail. A 1 x 1 canvas's context:
 * ~1 ms where there is none; where there is, the GPU set-up it costs (20-90 ms here in software) is
 * what MapLibre's own first context would pay otherwise (measured: probe + MapLibre-sized context
 * about the same as the context alone). The probe's context is dropped, not kept. Not asked in a
 * worker: an OffscreenCanvas gives a WebGL2 context even where a page's canvas does not
 * (--disable-3d-apis), and MapLibre draws on the page's canvas.
 */
export function webgl2Possible(): boolean {
  if (probed === null) {
    try {
      const c = typeof document === 'undefined' ? null : document.createElement('canvas');
      if (c) c.width = c.height = 1;
      probed = typeof WebGL2RenderingContext !== 'undefined' && !!c?.getContext('webgl2');
    } catch {
      probed = false;
    }
  }
  return probed;
}

/**
 * Starts the country shapes (the 2D map needs nothing else). MapLibre's code (1 MB), the WebGL2 probe
 * (a GPU context: 20-90 ms here) and MapLibre's worker wait until the 2D map has drawn the first
 * screen: started with the page, they took 0.1-0.3 s of this thread between the data's arrival and
 * the first screen in load profiles (compiling and running the chunk, the probe's context).
 */
export function prewarm(): Promise<void> {
  return loadCoarseCountries();
}

/** How long the WebGL map waits for the 2D map's first screen (no data, a failed file) before starting anyway. */
const GL_START_AT_MOST_MS = 2500;

export const createMap: MapFactory = (o) => {
  // The 2D map until the swap; then null, so that nothing of it (its canvas's state, its shapes' paths,
  // its closures: ~17 KB of the page's heap at 1,000 events) outlives it.
  let flat: Map2DAdapter | null = createMap2D(o);
  const firstScreen = flat.firstScreen;
  let glMap: MapAdapter | null = null;
  let front: MapAdapter = flat;
  let failed = false;
  let destroyed = false;
  // The app's latest state, for the WebGL map when it is built.
  let data: { places: NonNullable<MapAdapterOptions['places']>; labelled: readonly string[] } | null = o.places
    ? { places: o.places, labelled: o.labelled ?? [] }
    : null;
  let counts = o.initial ? { events: o.initial.events, statements: o.initial.statements } : null;
  let date = o.initial?.date ?? null;
  let summits = o.initial?.summits ?? null;
  let selected: string | null = null;
  let highlighted: readonly string[] = [];
  let swapped: () => void = () => {};
  const swap = new Promise<void>((r) => (swapped = r));

  const fallBack = (why: unknown) => {
    if (destroyed || failed) return;
    failed = true;
    glMap?.destroy();
    glMap = null;
    // What the 2D map lacks, said once at its foot when it is the whole map (in the interface language).
    flat?.setNote(t('map.flatNote'));
    performance.mark('map2d:fallback');
    console.info('SCO Atlas: the map is drawn in 2D.', why instanceof Error ? why.message : why);
    swapped();
  };

  /**
   * Whether the WebGL map must be told the 2D map's camera: after a user's move or a link's view. Else
   * it frames the data itself (fitPlaces), as the 2D map did with the same arithmetic, and stays free
   * to frame it again when the map's size settles.
   */
  const chosenView = () => !!o.view || !!flat?.userMoved;
  /** Whether two views draw the same picture (centre within a hundredth of a pixel, same zoom). */
  const same = (a: MapView, b: MapView) => {
    const px = 512 * 2 ** a.zoom;
    const [ax, ay] = mercator(a.lng, a.lat);
    const [bx, by] = mercator(b.lng, b.lat);
    const dx = Math.abs(ax - bx);
    return Math.abs(a.zoom - b.zoom) < 1e-6 && Math.min(dx, 1 - dx) * px < 0.01 && Math.abs(ay - by) * px < 0.01;
  };

  const build = (m: GL) => {
    if (destroyed || failed || !flat) return;
    const view = chosenView() ? flat.getView() : null;
    try {
      glMap = m.createMap({
        ...o,
        ...(data ? { places: data.places, labelled: [...data.labelled] } : { places: undefined, labelled: undefined }),
        initial: counts && date !== null && summits ? { ...counts, date, summits } : undefined,
        view,
        // Until the swap the 2D layer takes the pointer; after it, the WebGL map's events are the app's.
        onMove: (v) => front === glMap && o.onMove(v),
        onPlaceClick: (id) => front === glMap && o.onPlaceClick(id),
        onPlaceHover: (id) => front === glMap && o.onPlaceHover(id),
      });
    } catch (e) {
      fallBack(e);
      return;
    }
    // Built under the 2D map and out of sight (its zoom buttons too) until it takes over; it draws all the same.
    // A loop, not a callback: a closure made here naming the 2D map's root would keep it (and, through
    // its listeners, the whole 2D map) alive with the WebGL map's callbacks, which share this scope.
    const hidden: HTMLElement[] = [];
    for (const c of o.container.children) if (c instanceof HTMLElement && c !== flat?.root) hidden.push(c);
    for (const c of hidden) c.style.visibility = 'hidden';
    const reveal = () => hidden.forEach((c) => (c.style.visibility = ''));
    if (selected) glMap.setSelected(selected);
    if (highlighted.length) glMap.setHighlighted(highlighted);
    const settle = async () => {
      // Idle with the data drawn, then (if the 2D map was moved meanwhile) idle again at its camera.
      for (let tries = 0; tries < 4; tries++) {
        const g = glMap;
        if (!g || destroyed || !flat) return;
        await g.idle();
        if (destroyed || glMap !== g || !flat) return;
        const a = flat.getView();
        if (same(a, g.getView())) break;
        g.setView(a);
      }
      if (!glMap || destroyed) return;
      front = glMap;
      reveal();
      flat?.destroy();
      flat = null;
      performance.mark('map:swap');
      swapped();
    };
    void settle();
  };
  // After the first screen has been presented (the next frame), or after a while if it never comes.
  const startGL = () => {
    if (destroyed || glStarted) return;
    glStarted = true;
    if (!webgl2Possible()) fallBack(new Error('WebGL2 is not available in this browser'));
    else loadGL().then(build, fallBack);
  };
  let glStarted = false;
  void firstScreen.then(() => requestAnimationFrame(() => setTimeout(startGL, 0)));
  setTimeout(startGL, GL_START_AT_MOST_MS);

  /** A call for every map there is (the 2D one until the swap, and the WebGL one once built). */
  const each = (f: (a: MapAdapter) => void) => {
    if (flat && front === flat) f(flat);
    toGL(f);
  };
  /**
   * Calls for the WebGL map, held while the 2D map draws data that has just arrived (see setData),
   * then made in order. MapLibre turns new data into software-rendered frames of 0.1-0.2 s each on
   * this thread; in load profiles at 10,000 events they ran between the data's arrival and the 2D
   * map's first screen. The WebGL map takes over only once idle with its data, so holding is safe.
   */
  let held: Array<(a: MapAdapter) => void> | null = null;
  const toGL = (f: (a: MapAdapter) => void) => {
    if (!glMap) return;
    if (held) held.push(f);
    else f(glMap);
  };
  const holdUntilDrawn = () => {
    if (held) return;
    held = [];
    void (flat?.idle() ?? Promise.resolve()).then(() => {
      const calls = held ?? [];
      held = null;
      for (const f of calls) if (glMap) f(glMap);
    });
  };

  return {
    setData(ps, labelled, initial) {
      data = { places: ps, labelled };
      if (initial) {
        counts = { events: initial.events, statements: initial.statements };
        date = initial.date;
        summits = initial.summits;
      }
      const f = flat;
      if (f && front === f) {
        f.setData(ps, labelled, initial);
        // The WebGL map frames the data as the 2D map did, or takes the camera the user chose.
        if (glMap) {
          holdUntilDrawn();
          toGL((g) => {
            g.setData(ps, labelled, initial);
            if (chosenView()) g.setView(f.getView());
          });
        }
      } else front.setData(ps, labelled, initial);
    },
    setCounts(events, statements) {
      counts = { events, statements };
      each((a) => a.setCounts(events, statements));
    },
    setSelected(id) {
      selected = id;
      each((a) => a.setSelected(id));
    },
    setHighlighted(ids) {
      highlighted = ids;
      each((a) => a.setHighlighted(ids));
    },
    setMembershipDate(t) {
      date = t;
      each((a) => a.setMembershipDate(t));
    },
    setSummitPath(ids) {
      summits = ids;
      each((a) => a.setSummitPath(ids));
    },
    flyTo(id) {
      front.flyTo(id);
      const f = flat;
      if (f && front === f) toGL((g) => g.setView(f.getView()));
    },
    fitToData() {
      each((a) => a.fitToData());
    },
    getView: () => front.getView(),
    setView(v) {
      each((a) => a.setView(v));
    },
    screenPoint: (id) => front.screenPoint(id),
    unproject: (x, y) => front.unproject?.(x, y) ?? null,
    /** The 2D map's first screen (the data's discs and the shapes drawn), or the swap if that came first. */
    firstDrawn: () => Promise.race([firstScreen, swap]),
    /** The WebGL map's idle once it has taken over; the 2D map's where it is the whole map. */
    async idle() {
      await swap;
      await front.idle();
    },
    resize() {
      each((a) => a.resize());
    },
    container: o.container,
    getMap: () => (front === glMap ? front.getMap() : null),
    capture: () => front.capture?.() ?? Promise.reject(new Error('This map cannot be copied.')),
    destroy() {
      destroyed = true;
      flat?.destroy();
      glMap?.destroy();
      swapped();
    },
  } satisfies MapAdapter;
};
