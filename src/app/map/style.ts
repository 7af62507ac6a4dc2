/**
 * The map's style, offline by construction: no glyphs, sprites or tiles from a server — a background,
 * country fills coloured by SCO status and their outlines from the bundled world-atlas shapes (as
 * vector tiles made in the page, country-tiles.ts), and a line for the summit path. The cities are not
 * a layer: their discs are drawn on a canvas over the map (discs.ts).
 */
import type { ExpressionSpecification, StyleSpecification } from 'maplibre-gl';
import { LAND, STATUS_COLOURS } from '../palette';
import { COUNTRY_LAYER, SUMMIT_LAYER } from './country-tiles';
import { statusAt, type Status } from './membership';

/**
 * Country colours by SCO status. The status is feature state (set per country when it changes), over a
 * base taken from the first frame's date: a feature-state change costs one repaint, whereas a new
 * data-driven paint expression made MapLibre re-lay out every country tile (a second repaint).
 */
export function membershipPaint(initial: number | null): ExpressionSpecification {
  const statuses = initial === null ? new Map<string, Status>() : statusAt(initial);
  let base: unknown = 'none';
  if (statuses.size) {
    const m: unknown[] = ['match', ['get', 'iso']];
    for (const [id, st] of statuses) m.push(id, st);
    m.push('none');
    base = m;
  }
  return [
    'match',
    ['coalesce', ['feature-state', 'status'], base],
    'member',
    STATUS_COLOURS.member,
    'observer',
    STATUS_COLOURS.observer,
    'partner',
    STATUS_COLOURS.partner,
    LAND,
  ] as ExpressionSpecification;
}

/** The country tiles' highest zoom; MapLibre scales the tiles of this zoom beyond it. */
export const COUNTRY_MAX_ZOOM = 10;

/** `tiles`: the URL template of the countries' and the summit path's tiles (country-tiles.ts `countryTilesUrl`). */
export function atlasStyle(tiles: string, date: number | null): StyleSpecification {
  return {
    version: 8,
    sources: {
      countries: { type: 'vector', tiles: [tiles], maxzoom: COUNTRY_MAX_ZOOM, promoteId: { [COUNTRY_LAYER]: 'iso' } },
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': '#d7e3ea' } },
      {
        id: 'countries-fill',
        type: 'fill',
        source: 'countries',
        'source-layer': COUNTRY_LAYER,
        paint: { 'fill-color': membershipPaint(date) },
      },
      {
        id: 'countries-line',
        type: 'line',
        source: 'countries',
        'source-layer': COUNTRY_LAYER,
        paint: { 'line-color': '#a9a59b', 'line-width': 0.6 },
      },
      {
        id: 'summits',
        type: 'line',
        source: 'countries',
        'source-layer': SUMMIT_LAYER,
        paint: { 'line-color': '#6b4c9a', 'line-width': 1.8, 'line-opacity': 0.75, 'line-dasharray': [2, 1.5] },
      },
      // No layer for the cities: their discs are drawn on the overlay canvas, and clicks, hover and
      // touch are hit-tested against the same discs in JS (no circle program to compile or draw).
    ],
  };
}
