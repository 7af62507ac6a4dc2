/**
 * The only place that creates a MapLibre map. Everything the app asks of the map goes through the
 * `MapAdapter` interface (types.ts), so components can be tested with a fake and the engine could
 * change. This module is thin: it wires the map's pieces, each a module of its own —
 *   style.ts              the offline style (background, countries, summit line)
 *   membership-colours.ts countries coloured by SCO status at a date, throttled
 *   overlay.ts, discs.ts  the city discs on a 2D canvas over the map, hit-testing
 *   labels.ts             city labels as HTML, placed without collisions (label-placement.ts)
 *   tap.ts                a tap near several cities asks which one (MapView's chooser)
 *   paths.ts              great circles of the summit path
 *   capture.ts, idle.ts   PNG capture; waiting until everything is drawn
 *   engine.ts, countries.ts  MapLibre's worker and the country shapes, started by `prewarm()`
 *   country-tiles.ts      the countries as vector tiles made from those shapes on request
 * Nothing runs at import: `prewarm()` starts the worker and the shapes, `createMap` makes a map.
 *
 * The map can be created before the data is in (`places` empty) and be given it later with
 * `setData`, so the basemap loads and draws while the data files are fetched.
 */
import { addProtocol, AttributionControl, Map as MLMap, NavigationControl, type VectorTileSource } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
// Coarse shapes first (fast first paint); the finer 1:50m shapes are fetched once someone zooms in.
import worldDetailUrl from 'world-atlas/countries-50m.json?url';
import { bbox } from '@turf/turf';
import type { FeatureCollection } from 'geojson';
import type { PlaceFeature } from '../../contract/schema';
import type { MapView } from '../state/url';
import { captureMap } from './capture';
import { fitPlaces, placeCamera } from './camera';
import type { CountryShapes } from './basemap';
import { coarseCountries, fetchCountries, loadCoarseCountries } from './countries';
import { COUNTRY_SCHEME, countryTileResponse, countryTilesUrl, forgetLines, keepLines, sameLines } from './country-tiles';
import { startEngine } from './engine';
import { whenIdle } from './idle';
import { cityLabels, nameObstacles } from './labels';
import { attributionText, followLanguage, mapLocale } from './map-strings.svelte';
import { membershipColours } from './membership-colours';
import { nameLayer } from './name-layer.svelte';
import { releasePlacementGrids } from './placement-grids';
import { discOverlay } from './overlay';
import { flatLines, summitLines } from './paths';
import { isTouch } from './tap';
import { atlasStyle } from './style';
import type { MapAdapter, MapFactory } from './types';

export type { MapAdapter, MapAdapterOptions, MapFactory, MapInitial } from './types';

/**
 * Starts MapLibre's worker and the coarse country shapes; resolves when a map created now would draw
 * the world in its first frame (shapes in, worker let start). Safe to call more than once.
 */
export function prewarm(): Promise<void> {
  return Promise.all([loadCoarseCountries(), startEngine()]).then(() => undefined);
}

/** The shape sets the country tiles name: the coarse world, and the 1:50m one fetched on zoom (else the coarse). */
const coarseSet = (): Promise<CountryShapes | null> => loadCoarseCountries().then(coarseCountries);
const shapeSet = (set: string): Promise<CountryShapes | null> =>
  set === 'detail' ? fetchCountries(worldDetailUrl).catch(coarseSet) : coarseSet();

let tilesServed = false;
/** MapLibre's protocols are global: the country tiles' one is added once per page. */
function serveCountryTiles(): void {
  if (tilesServed) return;
  tilesServed = true;
  addProtocol(COUNTRY_SCHEME, (params) => countryTileResponse(params.url, shapeSet));
}

export const createMap: MapFactory = (o) => {
  let places: PlaceFeature[] = [];
  let index = new Map<string, number>();
  let dataBbox: [number, number, number, number] | null = null;
  let hasData = o.places !== undefined;
  let destroyed = false;
  serveCountryTiles();
  // The tiles' shapes ('coarse', then 'detail' once zoomed in) and summit path (kept under a key).
  let shapes = 'coarse';
  let pathKey = 'none';
  const tilesUrl = () => countryTilesUrl(shapes, pathKey);
  const retile = () => (map.getSource('countries') as VectorTileSource).setTiles([tilesUrl()]);

  const setPlaces = (ps: PlaceFeature[]) => {
    places = ps;
    index = new Map(ps.map((p, i) => [p.properties.id, i]));
    dataBbox = ps.length
      ? (bbox({ type: 'FeatureCollection', features: ps } as FeatureCollection) as [number, number, number, number])
      : null;
  };
  setPlaces(o.places ?? []);
  pathKey = keepLines(flatLines(summitLines(places, index, o.initial?.summits ?? [])));

  performance.mark('map:create');
  const map = new MLMap({
    container: o.container,
    style: atlasStyle(tilesUrl(), o.initial?.date ?? null),
    center: o.view ? [o.view.lng, o.view.lat] : [75, 40],
    zoom: o.view?.zoom ?? 2.5,
    pixelRatio: Math.min(window.devicePixelRatio || 1, 1.5),
    fadeDuration: 0,
    attributionControl: false,
    dragRotate: false,
    pitchWithRotate: false,
    maxPitch: 0,
    reduceMotion: o.reducedMotion || undefined,
    // The style is made here, not read from a file: checking it against the style spec compiled the
    // spec's validators into the page's heap for nothing (the browser tests draw it).
    validateStyle: false,
    cooperativeGestures: o.cooperativeGestures ?? false,
    locale: mapLocale(),
  });
  releasePlacementGrids(map);
  map.touchZoomRotate.disableRotation();
  map.keyboard.disableRotation();
  map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
  const attribution = new AttributionControl({ compact: true, customAttribution: attributionText() });
  map.addControl(attribution, 'bottom-right');
  const stopStrings = followLanguage(map, attribution);

  const overlay = discOverlay(map, o.container, () => hasData);
  const discs = overlay.discs;
  discs.setPlaces(places.map((p) => p.geometry.coordinates));
  if (o.initial) discs.setCounts(o.initial.events, o.initial.statements);
  const labels = cityLabels(map, overlay);
  labels.set(places, index, o.labelled ?? []);
  labels.setSummits(o.initial?.summits ?? []);
  // Country and sea names, between the map and the discs, placed after the city labels and clear of them.
  const names = nameLayer(map, overlay, (v) => nameObstacles(discs, v, labels.shown(), labels.blocked()));
  const membership = membershipColours(map, o.initial?.date ?? null);

  let styleLoaded = false;
  let lastSummits = (o.initial?.summits ?? []).join('|');
  let pendingSummits: readonly string[] | null = null;
  let userMoving = false;
  let userMoved = !!o.view;

  function setSummitPath(ids: readonly string[]) {
    const key = ids.join('|');
    if (key === lastSummits) return;
    labels.setSummits(ids);
    if (!styleLoaded) {
      pendingSummits = ids;
      return;
    }
    lastSummits = key;
    // New tiles with the new path (the countries' colours, feature state, stay); none when the lines
    // are those the tiles have (the same data given again): making every tile again delayed map idle.
    const lines = flatLines(summitLines(places, index, ids));
    if (sameLines(pathKey, lines)) return;
    const old = pathKey;
    pathKey = keepLines(lines);
    retile();
    forgetLines(old);
  }

  map.on('load', () => {
    performance.mark('map:load');
    styleLoaded = true;
    membership.loaded();
    if (pendingSummits) setSummitPath(pendingSummits);
  });

  // The country tiles wait for the coarse shapes (country-tiles.ts); zoomed in, they are made from the
  // finer ones once those are in (the tiles are made again; the membership colours stay).
  let detailed = false;
  map.on('zoomend', () => {
    if (detailed || map.getZoom() < 3.5) return;
    detailed = true;
    fetchCountries(worldDetailUrl)
      .then(() => {
        if (destroyed) return;
        shapes = 'detail';
        retile();
      })
      .catch(() => {});
  });

  // Clicks, taps and hover: the disc under the pointer (MapLibre's event point is in the canvas's CSS
  // pixels, already corrected for a CSS transform such as a scaled slide).
  const placeAt = (p: { x: number; y: number }): string | null => {
    if (!hasData) return null;
    const i = overlay.hit(p.x, p.y);
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
    // A fingertip covers several close cities (tap.ts): two or more within reach → ask which one.
    const near = hasData && o.onPlacesNear && isTouch(e.originalEvent) ? overlay.near(e.point.x, e.point.y) : [];
    if (near.length > 1)
      return o.onPlacesNear!(
        near.map((i) => places[i]!.properties.id),
        { x: e.point.x, y: e.point.y },
      );
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

  // Every place, clear of the badge, buttons, legend and labels (camera.ts).
  const fitToData = () => {
    if (dataBbox) fitPlaces(map, dataBbox);
  };
  if (!o.view && hasData) fitToData();
  // The map is often created before the page's layout settles (an embed's frame, story mode's column):
  // until someone moves it, the opening view is fitted again to the size the map ends up with.
  map.on('resize', () => {
    if (!userMoved && hasData) fitToData();
  });

  return {
    setData(ps, labelled, initial) {
      performance.mark('map:data');
      setPlaces(ps);
      discs.setPlaces(ps.map((p) => p.geometry.coordinates));
      hasData = true;
      overlay.resetDrawn();
      labels.set(places, index, labelled);
      lastSummits = '';
      if (initial) {
        discs.setCounts(initial.events, initial.statements);
        membership.apply(initial.date);
        setSummitPath(initial.summits);
      }
      // A link with its own map view keeps it; otherwise show where the data is, unless the user has
      // already moved the map while the data was loading.
      if (!userMoved) fitToData();
      overlay.schedule();
    },
    setCounts(events, statements) {
      // Relative sizes, so a corpus of 100,000 events does not turn every city into the largest disc.
      if (discs.setCounts(events, statements)) overlay.schedule();
    },
    setSelected(placeId) {
      const next = placeId === null ? -1 : (index.get(placeId) ?? -1);
      if (next === discs.selected) return;
      discs.selected = next;
      overlay.schedule();
    },
    setHighlighted(placeIds) {
      const next = placeIds.map((id) => index.get(id)).filter((i): i is number => i !== undefined);
      if (next.length === discs.highlighted.length && next.every((v, i) => v === discs.highlighted[i])) return;
      discs.highlighted = next;
      overlay.schedule();
    },
    setMembershipDate: (t) => membership.apply(t),
    setSummitPath,
    flyTo(placeId) {
      const p = places[index.get(placeId) ?? -1];
      if (!p) return;
      userMoved = true; // a chosen view: no longer refitted to the data on resize
      // Never closer than the city's country allows (camera.ts): the audience keeps its bearings.
      const cam = placeCamera(p, map.getZoom(), o.container.clientWidth, o.container.clientHeight);
      if (o.reducedMotion) map.jumpTo(cam);
      else map.flyTo({ ...cam, duration: 900, essential: false });
    },
    fitToData,
    getView,
    setView(v) {
      userMoved = true;
      map.jumpTo({ center: [v.lng, v.lat], zoom: v.zoom });
    },
    screenPoint(placeId) {
      const p = places[index.get(placeId) ?? -1];
      if (!p) return null;
      const pt = map.project(p.geometry.coordinates);
      const r = o.container.getBoundingClientRect();
      return { x: r.left + pt.x, y: r.top + pt.y };
    },
    unproject(x, y) {
      const ll = map.unproject([x, y]);
      return { lng: ll.lng, lat: ll.lat };
    },
    idle: () =>
      whenIdle(() => destroyed || (hasData && overlay.drawnOnce && overlay.clean && styleLoaded && map.loaded() && !map.isMoving())),
    resize() {
      map.resize();
    },
    container: o.container,
    getMap: () => map,
    capture: () => captureMap(map, overlay, [names]),
    destroy() {
      destroyed = true;
      forgetLines(pathKey);
      overlay.destroy();
      names.destroy();
      stopStrings();
      membership.destroy();
      labels.destroy();
      map.remove();
    },
  } satisfies MapAdapter;
};
