/**
 * The only module that imports maplibre-gl. Everything the app asks of the map goes through the
 * `MapAdapter` interface, so components can be tested with a fake and the map engine could change.
 *
 * Offline by construction: the style has no glyphs, sprites or tile URLs — a background, country fills
 * and outlines from the bundled world-atlas shapes, a line for the summit path, and an invisible circle
 * layer that only serves hit-testing. The city discs are drawn on a 2D canvas over the map (see
 * discs.ts for why), so a change of counts, selection or hover never repaints the WebGL map.
 * City labels are HTML markers, because text in a symbol layer needs glyph files from a URL.
 *
 * The map can be created before the data is in (`places` empty) and be given it later with
 * `setData`, so the basemap loads and draws while the data files are fetched.
 */
import { AttributionControl, Map as MLMap, Marker, NavigationControl, prewarm, setWorkerUrl, type ExpressionSpecification, type GeoJSONSource } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
// Coarse shapes first (fast first paint); the finer 1:50m shapes are fetched once someone zooms in.
import worldDetailUrl from 'world-atlas/countries-50m.json?url';
import { bbox, greatCircle, point } from '@turf/turf';
import type { Feature, FeatureCollection, LineString, MultiLineString, MultiPolygon, Polygon } from 'geojson';
import type { Topology } from 'topojson-specification';
import type { PlaceFeature } from '../../contract/schema';
import type { MapView } from '../state/url';
import { countriesFromTopology, type CountryProps } from './basemap';
import { Discs, mercator as mercatorOf } from './discs';
import { worldTopology, worldUrl } from './preload';
import { statusAt, statusKey, type Status } from './membership';

performance.mark('map:module');
setWorkerUrl(workerUrl);
// Start MapLibre's worker now (fetching and parsing its script), while the country shapes load,
// rather than when the map is created.
prewarm();

/**
 * Resolves once MapLibre's worker has been let start, or after 100 ms at most; the map is created
 * after it. The worker's thread starts only when this page's main thread takes the browser's answer
 * to `new Worker` (the script is in), and creating the map at once kept the main thread busy (map
 * set-up, then its first frames) so that the worker started 200-340 ms after `prewarm()` (traces of
 * the bench page); it is the worker that cuts the country shapes into tiles, the longest step before
 * the map's first full frame. The worker's script appearing in resource timing is the sign that the
 * answer has come; one more task lets the start go through. A blob: or data: worker (the single-file
 * build) has no such entry: there, only that one task.
 */
export const workerLetStart: Promise<void> = new Promise<void>((resolve) => {
  let observer: PerformanceObserver | undefined;
  const finish = () => {
    observer?.disconnect();
    clearTimeout(cap);
    setTimeout(resolve, 0);
  };
  const cap = setTimeout(finish, 100);
  try {
    const url = new URL(workerUrl, location.href).href;
    if (!/^https?:/.test(url)) return finish();
    observer = new PerformanceObserver((list) => {
      if (list.getEntries().some((e) => e.name === url)) finish();
    });
    observer.observe({ type: 'resource' });
  } catch {
    // No PerformanceObserver (or no location): the cap alone.
  }
});

type Countries = FeatureCollection<Polygon | MultiPolygon, CountryProps>;
let coarseCountries: Countries | null = null;
/**
 * The coarse country shapes start loading as soon as this module does (beside the data files), so the
 * map can be created with them in its style and draw the world once, instead of drawing an empty
 * background first and redrawing when the shapes arrive.
 */
export const countriesReady: Promise<void> = worldTopology
  .then((topo) => topo ?? fetch(worldUrl).then((r) => r.json() as Promise<Topology>))
  .then((topo) => {
    coarseCountries = countriesFromTopology(topo);
    performance.mark('map:countries');
  })
  .catch(() => {});

export interface MapAdapterOptions {
  container: HTMLElement;
  /** The cities; empty (or left out) when the map is created before the data, see `setData`. */
  places?: PlaceFeature[];
  /** Ids of places to label (the busiest ones). */
  labelled?: string[];
  view: MapView | null;
  reducedMotion: boolean;
  /** Embedded in a page: ctrl/two-finger to zoom, so the page still scrolls. */
  cooperativeGestures?: boolean;
  onPlaceClick(placeId: string): void;
  onPlaceHover(placeId: string | null): void;
  /** Called after the user moved the map (not after programmatic moves). */
  onMove(view: MapView): void;
  /**
   * What the first frame should show, so the map draws once with everything rather than redrawing as
   * each piece arrives: counts per place, the membership date, the summit hosts in order.
   */
  initial?: MapInitial;
}

export interface MapInitial {
  events: ArrayLike<number>;
  statements: ArrayLike<number>;
  date: number;
  summits: readonly string[];
}

export interface MapAdapter {
  /**
   * The cities, once the data is in (a map created early has none): replaces the places, their labels
   * and, when given, counts, membership date and summit path. Before it is called, `idle()` waits.
   */
  setData(places: PlaceFeature[], labelled: readonly string[], initial?: MapInitial): void;
  /** Marker sizes: events and statements per place (index as in `places`) in the current window. */
  setCounts(events: ArrayLike<number>, statements: ArrayLike<number>): void;
  setSelected(placeId: string | null): void;
  setHighlighted(placeIds: readonly string[]): void;
  setMembershipDate(t: number): void;
  /** Host cities of the summits, in date order. */
  setSummitPath(placeIds: readonly string[]): void;
  flyTo(placeId: string): void;
  fitToData(): void;
  getView(): MapView;
  /** Moves to a view at once (a link or back/forward), without reporting it as a user move. */
  setView(v: MapView): void;
  /** Where a place is drawn, in page (client) pixels; null when unknown. For tests and tours. */
  screenPoint(placeId: string): { x: number; y: number } | null;
  /** Resolves when the map has drawn everything it was given: basemap idle and the data's discs drawn. */
  idle(): Promise<void>;
  resize(): void;
  destroy(): void;
  /** The element the map draws in. */
  readonly container: HTMLElement;
  /** The engine itself, for features that need it (PNG capture); null in fakes. */
  getMap(): MLMap | null;
  /**
   * A copy of the map as drawn now (for PNG export): the WebGL canvas copied inside a render (when its
   * buffer is valid), with the discs' canvas drawn over it.
   */
  capture?(): Promise<HTMLCanvasElement>;
}

export type MapFactory = (o: MapAdapterOptions) => MapAdapter;

export const STATUS_COLOURS: Record<Status, string> = { member: '#9cc3d5', observer: '#c9dfa9', partner: '#f0dca8' };
const LAND = '#eceae4';

/**
 * Country colours by SCO status. The status is feature state (set per country when it changes), over a
 * base taken from the first frame's date: a feature-state change costs one repaint, whereas a new
 * data-driven paint expression made MapLibre re-lay out every country tile (a second repaint).
 */
function membershipPaint(initial: number | null): ExpressionSpecification {
  const statuses = initial === null ? new Map<string, Status>() : statusAt(initial);
  let base: unknown = 'none';
  if (statuses.size) {
    const m: unknown[] = ['match', ['get', 'iso']];
    for (const [id, st] of statuses) m.push(id, st);
    m.push('none');
    base = m;
  }
  return ['match', ['coalesce', ['feature-state', 'status'], base], 'member', STATUS_COLOURS.member, 'observer', STATUS_COLOURS.observer, 'partner', STATUS_COLOURS.partner, LAND] as ExpressionSpecification;
}

/**
 * At most one membership repaint in this time: while the brush is dragged (or the timeline plays)
 * across years of SCO history, statuses can change several times a second, and each change repaints
 * the WebGL map (~100 ms of blocked page on software GL, one dropped frame or more). A single change
 * after a quiet moment shows at once; during a run of changes the last date wins, within a second.
 */
const MEMBERSHIP_GAP_MS = 1000;

/** Web Mercator with no rotation or pitch (both are turned off below): where world x/y 0..1 land. */
function discView(map: MLMap, width: number, height: number) {
  const c = map.getCenter();
  const a = map.project([c.lng, c.lat]);
  // 90° of longitude is a quarter of the world's width, at any latitude in Mercator.
  const worldSize = (map.project([c.lng + 90, c.lat]).x - a.x) * 4;
  const [mx, my] = mercatorOf(c.lng, c.lat);
  return { width, height, originX: a.x - mx * worldSize, originY: a.y - my * worldSize, worldSize };
}

export const createMap: MapFactory = (o) => {
  let places: PlaceFeature[] = [];
  let index = new Map<string, number>();
  /** Great circles (turf) between consecutive summit host cities. */
  const summitLines = (ids: readonly string[]): FeatureCollection<LineString | MultiLineString> => {
    const features: Array<Feature<LineString | MultiLineString>> = [];
    for (let i = 1; i < ids.length; i++) {
      const a = places[index.get(ids[i - 1]!) ?? -1];
      const b = places[index.get(ids[i]!) ?? -1];
      if (!a || !b || a === b) continue;
      features.push(greatCircle(point(a.geometry.coordinates), point(b.geometry.coordinates), { npoints: 64 }) as Feature<LineString | MultiLineString>);
    }
    return { type: 'FeatureCollection', features };
  };
  let dataBbox: [number, number, number, number] | null = null;
  const discs = new Discs();
  let hasData = false;
  let destroyed = false;
  const setPlaces = (ps: PlaceFeature[]) => {
    places = ps;
    index = new Map(ps.map((p, i) => [p.properties.id, i]));
    dataBbox = ps.length ? (bbox({ type: 'FeatureCollection', features: ps } as FeatureCollection) as [number, number, number, number]) : null;
    discs.setPlaces(ps.map((p) => p.geometry.coordinates));
  };
  setPlaces(o.places ?? []);
  hasData = o.places !== undefined;
  if (o.initial) discs.setCounts(o.initial.events, o.initial.statements);

  performance.mark('map:create');
  const map = new MLMap({
    container: o.container,
    style: {
      version: 8,
      sources: {
        countries: { type: 'geojson', data: coarseCountries ?? { type: 'FeatureCollection', features: [] }, promoteId: 'iso' },
        summits: { type: 'geojson', data: summitLines(o.initial?.summits ?? []) },
      },
      layers: [
        { id: 'background', type: 'background', paint: { 'background-color': '#d7e3ea' } },
        { id: 'countries-fill', type: 'fill', source: 'countries', paint: { 'fill-color': membershipPaint(o.initial?.date ?? null) } },
        { id: 'countries-line', type: 'line', source: 'countries', paint: { 'line-color': '#a9a59b', 'line-width': 0.6 } },
        { id: 'summits', type: 'line', source: 'summits', paint: { 'line-color': '#6b4c9a', 'line-width': 1.8, 'line-opacity': 0.75, 'line-dasharray': [2, 1.5] } },
        // No layer for the cities: their discs are drawn on the overlay canvas, and clicks, hover and
        // touch are hit-tested against the same discs in JS (no circle program to compile or draw).
      ],
    },
    center: o.view ? [o.view.lng, o.view.lat] : [75, 40],
    zoom: o.view?.zoom ?? 2.5,
    pixelRatio: Math.min(window.devicePixelRatio || 1, 1.5),
    fadeDuration: 0,
    attributionControl: false,
    dragRotate: false,
    pitchWithRotate: false,
    maxPitch: 0,
    reduceMotion: o.reducedMotion || undefined,
    cooperativeGestures: o.cooperativeGestures ?? false,
  });
  map.touchZoomRotate.disableRotation();
  map.keyboard.disableRotation();
  map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
  map.addControl(new AttributionControl({ compact: true, customAttribution: 'Country shapes: Natural Earth (world-atlas)' }), 'bottom-right');

  // The discs' canvas: right above the WebGL canvas, below the HTML labels (markers come later in the
  // same container). Decoration only: clicks go through to the map, and screen readers use the City picker.
  const overlay = document.createElement('canvas');
  overlay.className = 'atlas-discs';
  overlay.setAttribute('aria-hidden', 'true');
  overlay.style.cssText = 'position:absolute;left:0;top:0;pointer-events:none;';
  map.getCanvas().after(overlay);
  const ctx = overlay.getContext('2d');
  let cssW = 0;
  let cssH = 0;
  const sizeOverlay = () => {
    const src = map.getCanvas();
    const w = src.clientWidth || o.container.clientWidth;
    const h = src.clientHeight || o.container.clientHeight;
    const pr = map.getPixelRatio();
    if (w === cssW && h === cssH && overlay.width === Math.round(w * pr) && overlay.height === Math.round(h * pr)) return;
    cssW = w;
    cssH = h;
    // The same backing size as the map's canvas (its pixel ratio is capped at 1.5), so a PNG export can
    // lay one over the other pixel for pixel.
    overlay.width = Math.round(w * pr);
    overlay.height = Math.round(h * pr);
    overlay.style.width = `${w}px`;
    overlay.style.height = `${h}px`;
  };
  /** Something changed that the discs' canvas does not show yet. */
  let dirty = false;
  let drawnOnce = false;
  /** Draws now; the bench reads the `map:discs` measures (time per draw). */
  const drawDiscs = () => {
    dirty = false;
    if (!ctx || destroyed) return;
    const t0 = performance.now();
    sizeOverlay();
    discs.draw(ctx, discView(map, cssW, cssH), map.getPixelRatio());
    if (hasData) drawnOnce = true;
    performance.measure('map:discs', { start: t0, end: performance.now() });
  };
  // Counts, selection or hover changed: one draw in the next frame, however many changes came. The
  // frame loop stays alive for half a second after the last change, so during a drag a brush move
  // only marks the discs dirty and does not request an animation frame itself (a request from an
  // input handler cost ~0.9 ms of each scrub in bench/profile.ts on this machine).
  let loop = 0;
  let quiet = 0;
  const tick = () => {
    loop = 0;
    if (destroyed) return;
    if (dirty) {
      drawDiscs();
      quiet = 0;
    } else quiet++;
    if (quiet < 30) loop = requestAnimationFrame(tick);
  };
  const scheduleDraw = () => {
    dirty = true;
    quiet = 0;
    if (!loop && !destroyed) loop = requestAnimationFrame(tick);
  };
  // Kept glued to the camera: MapLibre fires `render` in each frame it draws (pan, zoom, flyTo, resize).
  map.on('render', drawDiscs);
  map.on('resize', drawDiscs);

  let basemapReady = false;
  let styleLoaded = false;
  /** The statuses the map shows, the date asked for last, and when the colours were last changed. */
  let shown = o.initial ? statusAt(o.initial.date) : new Map<string, Status>();
  let shownKey = statusKey(shown);
  let wantMembership: number | null = null;
  let membershipTimer: ReturnType<typeof setTimeout> | undefined;
  let lastMembershipPaint = -Infinity;
  let lastSummits = (o.initial?.summits ?? []).join('|');
  let userMoving = false;
  let userMoved = !!o.view;

  let labels: Marker[] = [];
  const setLabels = (ids: readonly string[]) => {
    for (const l of labels) l.remove();
    labels = [];
    for (const id of ids) {
      const p = places[index.get(id) ?? -1];
      if (!p) continue;
      const el = document.createElement('div');
      el.className = 'atlas-city-label';
      el.textContent = p.properties.name; // text only: names come from documents
      el.setAttribute('aria-hidden', 'true');
      labels.push(new Marker({ element: el, anchor: 'left', offset: [9, 0] }).setLngLat(p.geometry.coordinates).addTo(map));
    }
  };
  setLabels(o.labelled ?? []);

  const paintMembership = (t: number) => {
    const next = statusAt(t);
    const key = statusKey(next);
    if (key === shownKey) return;
    for (const [id, st] of next) if (shown.get(id) !== st) map.setFeatureState({ source: 'countries', id }, { status: st });
    for (const id of shown.keys()) if (!next.has(id)) map.setFeatureState({ source: 'countries', id }, { status: 'none' });
    shown = next;
    shownKey = key;
    lastMembershipPaint = performance.now();
  };
  const applyMembership = (t: number) => {
    wantMembership = t;
    // Before the style has loaded, 'load' applies it; while a timer waits, the timer takes the latest.
    if (!styleLoaded || membershipTimer !== undefined) return;
    const wait = lastMembershipPaint + MEMBERSHIP_GAP_MS - performance.now();
    if (wait > 0) {
      if (statusKey(statusAt(t)) === shownKey) return;
      membershipTimer = setTimeout(() => {
        membershipTimer = undefined;
        if (!destroyed && wantMembership !== null) paintMembership(wantMembership);
      }, wait);
      return;
    }
    paintMembership(t);
  };

  map.on('load', () => {
    performance.mark('map:load');
    styleLoaded = true;
    if (wantMembership !== null) paintMembership(wantMembership);
    if (pendingSummits) setSummitPath(pendingSummits);
  });

  const loadCountries = (url: string) =>
    fetch(url)
      .then((r) => r.json() as Promise<Topology>)
      .then((topo) => {
        if (destroyed) return;
        const fc = countriesFromTopology(topo);
        const setIt = () => {
          (map.getSource('countries') as GeoJSONSource).setData(fc);
          basemapReady = true;
        };
        if (styleLoaded) setIt();
        else map.once('load', setIt);
      });
  if (coarseCountries) basemapReady = true;
  else
    loadCountries(worldUrl).catch(() => {
      basemapReady = true; // cities still show on the plain background
    });
  let detailed = false;
  map.on('zoomend', () => {
    if (detailed || map.getZoom() < 3.5) return;
    detailed = true;
    loadCountries(worldDetailUrl).catch(() => {});
  });

  let pendingSummits: readonly string[] | null = null;

  // Clicks, taps and hover: the disc under the pointer (MapLibre's event point is in the canvas's CSS
  // pixels, already corrected for a CSS transform such as a scaled slide).
  const placeAt = (p: { x: number; y: number }): string | null => {
    if (!hasData) return null;
    const i = discs.hit(p.x, p.y, discView(map, cssW || o.container.clientWidth, cssH || o.container.clientHeight));
    return i < 0 ? null : (places[i]?.properties.id ?? null);
  };
  let hovered: string | null = null;
  const hover = (id: string | null) => {
    if (id === hovered) return;
    hovered = id;
    map.getCanvas().style.cursor = id ? 'pointer' : '';
    o.onPlaceHover(id);
  };
  map.on('click', (e) => {
    const id = placeAt(e.point);
    if (id) o.onPlaceClick(id);
  });
  map.on('mousemove', (e) => hover(placeAt(e.point)));
  map.on('mouseout', () => hover(null));
  map.on('movestart', (e) => {
    userMoving = !!(e as { originalEvent?: unknown }).originalEvent;
  });
  map.on('moveend', (e) => {
    if (userMoving || (e as { originalEvent?: unknown }).originalEvent) {
      userMoved = true;
      o.onMove(getView());
    }
    userMoving = false;
  });

  const getView = (): MapView => {
    const c = map.getCenter().wrap();
    return { lng: c.lng, lat: c.lat, zoom: map.getZoom() };
  };

  function setSummitPath(ids: readonly string[]) {
    const key = ids.join('|');
    if (key === lastSummits) return;
    if (!styleLoaded) {
      pendingSummits = ids;
      return;
    }
    lastSummits = key;
    (map.getSource('summits') as GeoJSONSource).setData(summitLines(ids));
  }

  const fitToData = () => {
    if (!dataBbox) return;
    const [w, s, e, n] = dataBbox;
    const pad = Math.min(60, Math.max(20, o.container.clientWidth / 12));
    if (w === e && s === n) map.jumpTo({ center: [w, s], zoom: 4 });
    else map.fitBounds([[w, s], [e, n]], { padding: pad, maxZoom: 5, animate: false });
  };
  if (!o.view && hasData) fitToData();

  const adapter: MapAdapter = {
    setData(ps, labelled, initial) {
      performance.mark('map:data');
      setPlaces(ps);
      hasData = true;
      drawnOnce = false;
      setLabels(labelled);
      lastSummits = '';
      if (initial) {
        discs.setCounts(initial.events, initial.statements);
        applyMembership(initial.date);
        setSummitPath(initial.summits);
      }
      // A link with its own map view keeps it; otherwise show where the data is, unless the user has
      // already moved the map while the data was loading.
      if (!userMoved) fitToData();
      scheduleDraw();
    },
    setCounts(events, statements) {
      // Relative sizes, so a corpus of 100,000 events does not turn every city into the largest disc.
      if (discs.setCounts(events, statements)) scheduleDraw();
    },
    setSelected(placeId) {
      const next = placeId === null ? -1 : (index.get(placeId) ?? -1);
      if (next === discs.selected) return;
      discs.selected = next;
      scheduleDraw();
    },
    setHighlighted(placeIds) {
      const next = placeIds.map((id) => index.get(id)).filter((i): i is number => i !== undefined);
      if (next.length === discs.highlighted.length && next.every((v, i) => v === discs.highlighted[i])) return;
      discs.highlighted = next;
      scheduleDraw();
    },
    setMembershipDate: applyMembership,
    setSummitPath,
    flyTo(placeId) {
      const p = places[index.get(placeId) ?? -1];
      if (!p) return;
      const zoom = Math.max(map.getZoom(), 4);
      if (o.reducedMotion) map.jumpTo({ center: p.geometry.coordinates, zoom });
      else map.flyTo({ center: p.geometry.coordinates, zoom, duration: 900, essential: false });
    },
    fitToData,
    getView,
    setView(v) {
      map.jumpTo({ center: [v.lng, v.lat], zoom: v.zoom });
    },
    screenPoint(placeId) {
      const p = places[index.get(placeId) ?? -1];
      if (!p) return null;
      const pt = map.project(p.geometry.coordinates);
      const r = o.container.getBoundingClientRect();
      return { x: r.left + pt.x, y: r.top + pt.y };
    },
    idle() {
      return new Promise<void>((resolve) => {
        // Polled rather than only `once('idle')`: an idle map fires no further idle event.
        // Checked every frame (a cheap test), so the first idle is not reported up to 50 ms late.
        const check = () => {
          if (destroyed || (hasData && drawnOnce && !dirty && basemapReady && styleLoaded && map.loaded() && !map.isMoving())) resolve();
          else setTimeout(check, 16);
        };
        // A frame first, so changes made just before are part of what we wait for.
        requestAnimationFrame(check);
      });
    },
    resize() {
      map.resize();
    },
    container: o.container,
    getMap: () => map,
    capture() {
      return new Promise<HTMLCanvasElement>((resolve) => {
        map.once('render', () => {
          const src = map.getCanvas();
          const copy = document.createElement('canvas');
          copy.width = src.width;
          copy.height = src.height;
          const c = copy.getContext('2d');
          c?.drawImage(src, 0, 0);
          // The discs live on their own canvas: draw them now (same camera as this frame) and lay them
          // over the map, pixel for pixel (both canvases share the map's pixel ratio).
          drawDiscs();
          if (overlay.width && overlay.height) c?.drawImage(overlay, 0, 0, copy.width, copy.height);
          resolve(copy);
        });
        map.triggerRepaint();
      });
    },
    destroy() {
      destroyed = true;
      cancelAnimationFrame(loop);
      clearTimeout(membershipTimer);
      for (const l of labels) l.remove();
      overlay.remove();
      map.remove();
    },
  };
  return adapter;
};
