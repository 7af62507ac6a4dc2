/**
 * The map drawn on a 2D canvas, behind the same `MapAdapter` interface as the MapLibre map: the first
 * screen while MapLibre starts, and the whole map where WebGL2 is missing or fails. Cities, their
 * discs in the window, the selection and hover, SCO membership colours at the playhead, the summit
 * path, labels, pan and zoom, clicks on cities and a PNG copy for the export.
 */
import { bbox } from '@turf/turf';
import type { FeatureCollection } from 'geojson';
import type { PlaceFeature } from '../../../contract/schema';
import type { MapView } from '../../state/url';
import { CITY_ZOOM, fitPadding, placeCamera } from '../camera';
import { coarseCountries, loadCoarseCountries } from '../countries';
import { whenIdle } from '../idle';
import type { Map as MLMap } from 'maplibre-gl';
import { cityLabels, nameObstacles } from '../labels';
import type { DiscOverlay } from '../overlay';
import { statusAt } from '../membership';
import { summitLines } from '../paths';
import type { MapAdapter, MapAdapterOptions } from '../types';
import { fitCamera, project, unproject, viewOf, type Camera } from './camera';
import { createLayer } from './layer';
import { captureLayer } from './capture2d';

/** The camera before any data or link says otherwise (the adapter's default view). */
export const DEFAULT_CAMERA: Camera = { lng: 75, lat: 40, zoom: 2.5 };

export interface Map2DAdapter extends MapAdapter {
  /** The camera now (exact, for handing over to MapLibre). */
  camera(): Camera;
  /** Whether the user has moved this map (or the app gave it a view): it is then not fitted again. */
  readonly userMoved: boolean;
  /** Whether the data's discs and the shapes have been drawn. */
  readonly drawnWithData: boolean;
  /** Resolves once the data's discs and the shapes have been drawn (the first screen). */
  readonly firstScreen: Promise<void>;
  /** One quiet line at the foot of the map, or none. */
  setNote(text: string | null): void;
  readonly root: HTMLElement;
}

export function createMap2D(o: MapAdapterOptions): Map2DAdapter {
  let places: PlaceFeature[] = [];
  let index = new Map<string, number>();
  let dataBox: [number, number, number, number] | null = null;
  let hasData = o.places !== undefined;
  let userMoved = !!o.view;
  let lastSummits = '';
  let lastStatusKey = '';
  let drawnWithData = false;
  let firstScreenDrawn: () => void = () => {};
  const firstScreen = new Promise<void>((r) => (firstScreenDrawn = r));
  let destroyed = false;
  /** The coarse shapes are in, or could not be had (the map then shows the sea and the cities). */
  let shapesSettled = !!coarseCountries();

  const layer = createLayer({
    container: o.container,
    camera: o.view ? { lng: o.view.lng, lat: o.view.lat, zoom: o.view.zoom } : DEFAULT_CAMERA,
    cooperative: o.cooperativeGestures,
    onMove(_cam, end) {
      userMoved = true;
      if (end) o.onMove(getView());
    },
    onClick(x, y) {
      const id = placeAt(x, y);
      if (id) o.onPlaceClick(id);
    },
    onHover(p) {
      hover(p ? placeAt(p.x, p.y) : null);
    },
    onResize() {
      // The map is often made before the page's layout settles (an embed, story mode): until someone
      // moves it, the opening view is fitted again to its final size, as the MapLibre map does.
      if (!userMoved && hasData) fitToData();
    },
    onDrawn() {
      // The first screen: the data's discs and the country shapes on the canvas (the bench reads the mark).
      if (drawnWithData || !hasData || !shapesSettled) return;
      drawnWithData = true;
      if (!performance.getEntriesByName('map2d:first-screen').length) performance.mark('map2d:first-screen');
      firstScreenDrawn();
    },
  });
  const discs = layer.discs;
  // The MapLibre map's labels, placed the same way (label-placement.ts) after each draw of these discs.
  // cityLabels uses only the map's getCanvasContainer() and the overlay's discs, onDraw and schedule,
  // which the layer offers (checked here), so it is given the layer as both.
  const host: Pick<MLMap, 'getCanvasContainer'> & Pick<DiscOverlay, 'discs' | 'onDraw' | 'schedule'> = layer;
  const labels = cityLabels(host as unknown as MLMap, host as unknown as DiscOverlay);
  // The country and sea names keep clear of the discs, the labels just placed and the map's controls (labels.ts).
  layer.setNameObstacles((v) => nameObstacles(discs, v, labels.shown(), labels.blocked()));
  const setShapes = () => {
    shapesSettled = true;
    layer.setScene({ countries: coarseCountries() });
  };
  if (coarseCountries()) setShapes();
  else void loadCoarseCountries().then(() => !destroyed && setShapes());

  const placeAt = (x: number, y: number): string | null => {
    if (!hasData) return null;
    const { width, height } = layer.size;
    const i = discs.hit(x, y, viewOf(layer.camera, width, height));
    return i < 0 ? null : (places[i]?.properties.id ?? null);
  };
  let hovered: string | null = null;
  const hover = (id: string | null) => {
    if (id === hovered) return;
    hovered = id;
    layer.setCursor(!!id);
    o.onPlaceHover(id);
  };
  const getView = (): MapView => {
    const c = layer.camera;
    return { lng: c.lng, lat: c.lat, zoom: c.zoom };
  };
  const setPlaces = (ps: PlaceFeature[], labelled: readonly string[]) => {
    places = ps;
    index = new Map(ps.map((p, i) => [p.properties.id, i]));
    dataBox = ps.length
      ? (bbox({ type: 'FeatureCollection', features: ps } as FeatureCollection) as [number, number, number, number])
      : null;
    discs.setPlaces(ps.map((p) => p.geometry.coordinates));
    labels.set(ps, index, labelled);
    layer.discsChanged();
  };
  const setMembershipDate = (t: number) => {
    const statuses = statusAt(t);
    const key = [...statuses].join();
    if (key === lastStatusKey) return;
    lastStatusKey = key;
    layer.setScene({ statuses });
  };
  const setSummitPath = (ids: readonly string[]) => {
    const key = ids.join('|');
    if (key === lastSummits) return;
    lastSummits = key;
    labels.setSummits(ids);
    layer.setScene({ summits: summitLines(places, index, ids) });
  };
  const fitToData = () => {
    if (!dataBox) return;
    const { width, height } = layer.size;
    const w = width || o.container.clientWidth;
    const h = height || o.container.clientHeight;
    // As the MapLibre adapter fits (map/camera.ts fitPlaces): the same padding, limit and single-city zoom.
    layer.setCamera(fitCamera(dataBox, w, h, fitPadding(w, h), 5, CITY_ZOOM));
  };
  const apply = (ps: PlaceFeature[] | undefined, labelled: readonly string[], initial: MapAdapterOptions['initial']) => {
    if (ps) setPlaces(ps, labelled);
    if (initial) {
      discs.setCounts(initial.events, initial.statements);
      setMembershipDate(initial.date);
      lastSummits = '~';
      setSummitPath(initial.summits);
    }
  };
  apply(o.places, o.labelled ?? [], o.initial);
  if (!o.view && hasData) fitToData();

  const adapter: Map2DAdapter = {
    root: layer.root,
    firstScreen,
    camera: () => layer.camera,
    get userMoved() {
      return userMoved;
    },
    get drawnWithData() {
      return drawnWithData;
    },
    setNote: (text) => layer.setNote(text),
    setData(ps, labelled, initial) {
      hasData = true;
      drawnWithData = false;
      apply(ps, labelled, initial);
      if (!userMoved) fitToData();
    },
    setCounts(events, statements) {
      if (discs.setCounts(events, statements)) layer.discsChanged();
    },
    setSelected(placeId) {
      const next = placeId === null ? -1 : (index.get(placeId) ?? -1);
      if (next === discs.selected) return;
      discs.selected = next;
      layer.discsChanged();
    },
    setHighlighted(placeIds) {
      const next = placeIds.map((id) => index.get(id)).filter((i): i is number => i !== undefined);
      if (next.length === discs.highlighted.length && next.every((v, i) => v === discs.highlighted[i])) return;
      discs.highlighted = next;
      layer.discsChanged();
    },
    setMembershipDate,
    setSummitPath,
    flyTo(placeId) {
      // No animation here: a jump (the fallback has no frame budget to spare for a flight).
      const p = places[index.get(placeId) ?? -1];
      if (!p) return;
      // Never closer than the city's country allows, as the MapLibre map (map/camera.ts).
      const { width, height } = layer.size;
      const cam = placeCamera(p, layer.camera.zoom, width || o.container.clientWidth, height || o.container.clientHeight);
      layer.setCamera({ lng: cam.center[0], lat: cam.center[1], zoom: cam.zoom });
    },
    fitToData,
    getView,
    setView(v) {
      layer.setCamera({ lng: v.lng, lat: v.lat, zoom: v.zoom });
    },
    screenPoint(placeId) {
      const p = places[index.get(placeId) ?? -1];
      if (!p) return null;
      const { width, height } = layer.size;
      const pt = project(layer.camera, width, height, p.geometry.coordinates[0]!, p.geometry.coordinates[1]!);
      const r = o.container.getBoundingClientRect();
      return { x: r.left + pt.x, y: r.top + pt.y };
    },
    unproject: (x, y) => unproject(layer.camera, layer.size.width, layer.size.height, x, y),
    idle: () => whenIdle(() => destroyed || (hasData && drawnWithData && !layer.pending) || (hasData && !layer.size.width)),
    resize: () => layer.resize(),
    container: o.container,
    getMap: () => null,
    capture: async () => captureLayer(layer),
    destroy() {
      destroyed = true;
      labels.destroy();
      layer.destroy();
    },
  };
  return adapter;
}
