/**
 * The only module that imports maplibre-gl. Everything the app asks of the map goes through the
 * `MapAdapter` interface, so components can be tested with a fake and the map engine could change.
 *
 * Offline by construction: the style has no glyphs, sprites or tile URLs — a background, country fills
 * and outlines from the bundled world-atlas shapes, circles for cities, a line for the summit path.
 * City labels are HTML markers, because text in a symbol layer needs glyph files from a URL.
 */
import { AttributionControl, Map as MLMap, Marker, NavigationControl, setWorkerUrl, type ExpressionSpecification, type GeoJSONSource, type MapGeoJSONFeature } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
// Coarse shapes first (fast first paint); the finer 1:50m shapes are fetched once someone zooms in.
import worldUrl from 'world-atlas/countries-110m.json?url';
import worldDetailUrl from 'world-atlas/countries-50m.json?url';
import { bbox, greatCircle, point } from '@turf/turf';
import type { Feature, FeatureCollection, LineString, MultiLineString, MultiPolygon, Polygon } from 'geojson';
import type { Topology } from 'topojson-specification';
import type { PlaceFeature } from '../../contract/schema';
import type { MapView } from '../state/url';
import { countriesFromTopology, type CountryProps } from './basemap';
import { statusAt, statusKey, type Status } from './membership';

setWorkerUrl(workerUrl);

type Countries = FeatureCollection<Polygon | MultiPolygon, CountryProps>;
let coarseCountries: Countries | null = null;
/**
 * The coarse country shapes start loading as soon as this module does (beside the data files), so the
 * map can be created with them in its style and draw the world once, instead of drawing an empty
 * background first and redrawing when the shapes arrive.
 */
export const countriesReady: Promise<void> = fetch(worldUrl)
  .then((r) => r.json() as Promise<Topology>)
  .then((topo) => {
    coarseCountries = countriesFromTopology(topo);
  })
  .catch(() => {});

export interface MapAdapterOptions {
  container: HTMLElement;
  places: PlaceFeature[];
  /** Ids of places to label (the busiest ones). */
  labelled: string[];
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
  initial?: { events: ArrayLike<number>; statements: ArrayLike<number>; date: number; summits: readonly string[] };
}

export interface MapAdapter {
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
  /** Resolves when the map has drawn everything it was given. */
  idle(): Promise<void>;
  resize(): void;
  destroy(): void;
  /** The element the map draws in. */
  readonly container: HTMLElement;
  /** The engine itself, for features that need it (PNG capture); null in fakes. */
  getMap(): MLMap | null;
  /** A copy of the map as drawn now (for PNG export): taken inside a render, when the buffer is valid. */
  capture?(): Promise<HTMLCanvasElement>;
}

export type MapFactory = (o: MapAdapterOptions) => MapAdapter;

export const STATUS_COLOURS: Record<Status, string> = { member: '#9cc3d5', observer: '#c9dfa9', partner: '#f0dca8' };
const LAND = '#eceae4';

/** Disc radii: area grows with the count, relative to the busiest city, rounded to half pixels. */
function radii(events: ArrayLike<number>, statements: ArrayLike<number>, count: number): { n: number[]; r: number[] } {
  const n: number[] = [];
  let max = 0;
  for (let i = 0; i < count; i++) {
    n.push((events[i] ?? 0) + (statements[i] ?? 0));
    max = Math.max(max, n[i]!);
  }
  const rMax = Math.min(24, 8 + Math.sqrt(max) * 2);
  const r = n.map((v) => (v > 0 ? Math.round((4 + (rMax - 4) * Math.sqrt(v / max)) * 2) / 2 : 0));
  return { n, r };
}

function membershipPaint(t: number): ExpressionSpecification | string {
  const statuses = statusAt(t);
  if (!statuses.size) return LAND;
  const expr: unknown[] = ['match', ['get', 'iso']];
  for (const [id, s] of statuses) expr.push(id, STATUS_COLOURS[s]);
  expr.push(LAND);
  return expr as ExpressionSpecification;
}

export const createMap: MapFactory = (o) => {
  const places = o.places;
  const index = new Map(places.map((p, i) => [p.properties.id, i]));
  const first = o.initial ? radii(o.initial.events, o.initial.statements, places.length) : null;
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
  const dataBbox = places.length ? (bbox({ type: 'FeatureCollection', features: places } as FeatureCollection) as [number, number, number, number]) : null;

  const map = new MLMap({
    container: o.container,
    style: {
      version: 8,
      sources: {
        countries: { type: 'geojson', data: coarseCountries ?? { type: 'FeatureCollection', features: [] } },
        places: {
          type: 'geojson',
          data: {
            type: 'FeatureCollection',
            features: places.map((p, i) => ({ type: 'Feature', id: i, geometry: p.geometry, properties: { pid: p.properties.id, name: p.properties.name, n0: first?.n[i] ?? 0, r0: first?.r[i] ?? 0 } })),
          },
        },
        summits: { type: 'geojson', data: summitLines(o.initial?.summits ?? []) },
      },
      layers: [
        { id: 'background', type: 'background', paint: { 'background-color': '#d7e3ea' } },
        { id: 'countries-fill', type: 'fill', source: 'countries', paint: { 'fill-color': o.initial ? membershipPaint(o.initial.date) : LAND } },
        { id: 'countries-line', type: 'line', source: 'countries', paint: { 'line-color': '#a9a59b', 'line-width': 0.6 } },
        { id: 'summits', type: 'line', source: 'summits', paint: { 'line-color': '#6b4c9a', 'line-width': 1.8, 'line-opacity': 0.75, 'line-dasharray': [2, 1.5] } },
        {
          id: 'places', type: 'circle', source: 'places',
          paint: {
            // `r` is set from the window's counts (area ∝ count, relative to the busiest city).
            'circle-radius': ['case', ['>', ['coalesce', ['feature-state', 'n'], ['get', 'n0']], 0], ['coalesce', ['feature-state', 'r'], ['get', 'r0']], 3] as ExpressionSpecification,
            'circle-color': ['case', ['boolean', ['feature-state', 'selected'], false], '#b4232c', ['boolean', ['feature-state', 'hl'], false], '#e07b00', '#c0392b'] as ExpressionSpecification,
            'circle-opacity': ['case', ['>', ['coalesce', ['feature-state', 'n'], ['get', 'n0']], 0], 0.72, 0.25] as ExpressionSpecification,
            'circle-stroke-color': ['case', ['boolean', ['feature-state', 'selected'], false], '#1b1b1b', ['boolean', ['feature-state', 'hl'], false], '#1b1b1b', '#ffffff'] as ExpressionSpecification,
            'circle-stroke-width': ['case', ['boolean', ['feature-state', 'selected'], false], 3, ['boolean', ['feature-state', 'hl'], false], 2.5, 1] as ExpressionSpecification,
          },
        },
        // An invisible, larger target so small cities are easy to hit with a finger.
        { id: 'places-hit', type: 'circle', source: 'places', paint: { 'circle-radius': 16, 'circle-opacity': 0 } },
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

  let basemapReady = false;
  let styleLoaded = false;
  let destroyed = false;
  let pendingMembership: number | null = null;
  let lastStatusKey = o.initial ? statusKey(statusAt(o.initial.date)) : '';
  let lastSummits = (o.initial?.summits ?? []).join('|');
  let userMoving = false;

  const labels: Marker[] = [];
  for (const id of o.labelled) {
    const p = places[index.get(id) ?? -1];
    if (!p) continue;
    const el = document.createElement('div');
    el.className = 'atlas-city-label';
    el.textContent = p.properties.name; // text only: names come from documents
    el.setAttribute('aria-hidden', 'true');
    labels.push(new Marker({ element: el, anchor: 'left', offset: [9, 0] }).setLngLat(p.geometry.coordinates).addTo(map));
  }

  const applyMembership = (t: number) => {
    if (!styleLoaded) {
      pendingMembership = t;
      return;
    }
    const statuses = statusAt(t);
    const key = statusKey(statuses);
    if (key === lastStatusKey) return;
    lastStatusKey = key;
    // validate: false — the expression is built here, and style validation cost ~2 ms of every scrub
    // that crossed a membership date (bench/profile.ts).
    map.setPaintProperty('countries-fill', 'fill-color', membershipPaint(t), { validate: false });
  };

  map.on('load', () => {
    styleLoaded = true;
    if (pendingMembership !== null) applyMembership(pendingMembership);
    if (pendingSummits) setSummitPath(pendingSummits);
    for (const [id, st] of states) map.setFeatureState({ source: 'places', id }, st);
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

  // Feature state is kept here too, so it can be replayed if the style was not loaded yet.
  // Seeded with the first frame's values, so replaying them after load costs no redraw.
  const states = new Map<number, Record<string, number | boolean>>(first ? places.map((_, i) => [i, { n: first.n[i]!, r: first.r[i]! }]) : []);
  const setState = (id: number, st: Record<string, number | boolean>) => {
    const cur = states.get(id) ?? {};
    let changed = false;
    for (const k in st) if (cur[k] !== st[k]) changed = true;
    if (!changed) return;
    const next = { ...cur, ...st };
    states.set(id, next);
    if (styleLoaded) map.setFeatureState({ source: 'places', id }, st);
  };

  let selected: number | null = null;
  let highlighted: number[] = [];
  let pendingSummits: readonly string[] | null = null;

  const placeAt = (f: MapGeoJSONFeature | undefined) => (f ? (f.properties['pid'] as string) : null);
  map.on('click', 'places-hit', (e) => {
    const id = placeAt(e.features?.[0]);
    if (id) o.onPlaceClick(id);
  });
  map.on('mousemove', 'places-hit', (e) => {
    map.getCanvas().style.cursor = 'pointer';
    o.onPlaceHover(placeAt(e.features?.[0]));
  });
  map.on('mouseleave', 'places-hit', () => {
    map.getCanvas().style.cursor = '';
    o.onPlaceHover(null);
  });
  map.on('movestart', (e) => {
    userMoving = !!(e as { originalEvent?: unknown }).originalEvent;
  });
  map.on('moveend', (e) => {
    if (userMoving || (e as { originalEvent?: unknown }).originalEvent) o.onMove(getView());
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
  if (!o.view) fitToData();

  return {
    setCounts(events, statements) {
      // Relative sizes, so a corpus of 100,000 events does not turn every city into the largest disc.
      const { n, r } = radii(events, statements, places.length);
      for (let i = 0; i < places.length; i++) setState(i, { n: n[i]!, r: r[i]! });
    },
    setSelected(placeId) {
      const next = placeId === null ? null : (index.get(placeId) ?? null);
      if (next === selected) return;
      if (selected !== null) setState(selected, { selected: false });
      if (next !== null) setState(next, { selected: true });
      selected = next;
    },
    setHighlighted(placeIds) {
      const next = placeIds.map((id) => index.get(id)).filter((i): i is number => i !== undefined);
      for (const i of highlighted) if (!next.includes(i)) setState(i, { hl: false });
      for (const i of next) setState(i, { hl: true });
      highlighted = next;
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
        const check = () => {
          if (destroyed || (basemapReady && styleLoaded && map.loaded() && !map.isMoving())) resolve();
          else setTimeout(check, 50);
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
          copy.getContext('2d')?.drawImage(src, 0, 0);
          resolve(copy);
        });
        map.triggerRepaint();
      });
    },
    destroy() {
      destroyed = true;
      for (const l of labels) l.remove();
      map.remove();
    },
  };
};
