/**
 * What the app asks of the map: the `MapAdapter` interface. Components and tests depend on these types
 * only, so they can run with a fake map and the map engine could change (adapter.ts is the real one).
 */
import type { Map as MLMap } from 'maplibre-gl';
import type { PlaceFeature } from '../../contract/schema';
import type { MapView } from '../state/url';

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
  /** A tap (touch) near several cities: their ids, nearest first, and the tap's point in the map (CSS px). */
  onPlacesNear?(placeIds: string[], at: { x: number; y: number }): void;
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
  /** The longitude and latitude under a point of the map (CSS px from its top left): picking a place by clicking (corrections/). */
  unproject?(x: number, y: number): { lng: number; lat: number } | null;
  /** Resolves when the map has drawn everything it was given: basemap idle and the data's discs drawn. */
  idle(): Promise<void>;
  /** Resolves when a first picture of the data is on the map (the 2D first screen), where sooner than `idle()`. */
  firstDrawn?(): Promise<void>;
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
