/**
 * Bearings on the map (issue 13): country names, and a few sea names from data/seas.json, drawn faint on
 * a canvas of their own between the WebGL map and the city discs, so city labels stay on top and the
 * PNG and video exports can lay it over the map (capture.ts). Offline: MapLibre's text layers need
 * glyph files from a URL, so the names are drawn with the canvas's own fonts instead.
 *
 * Each country is named at the pole of inaccessibility of its largest part (label-anchor.ts: the point
 * farthest from its edges, so a name sits inside Chile or Vietnam and not on a neighbour), only when
 * the name fits inside that part at the current zoom, larger countries first, and never over another
 * name. Names in the interface language: world-atlas's English names, and Russian and Chinese names
 * from i18n-iso-countries once that language's are in (i18n/country-names.svelte.ts; English until then).
 */
import { seas as checkedSeas } from 'virtual:sco-atlas/checked-data';
import { countryOverride } from '../i18n';
import { numericToAlpha2 } from '../i18n/country-codes';
import { countryNamesIn } from '../i18n/country-names.svelte';
import { shapeGeometry, type CountryShapes } from './basemap';
import { mercator, type DiscView } from './discs';
import { labelAnchor, type LabelAnchor } from './label-anchor';

export type Lang = 'en' | 'ru' | 'zh';

export interface NamePoint {
  /** ISO numeric for a country, the sea's id for a sea. */
  id: string;
  kind: 'country' | 'sea';
  names: Record<Lang, string>;
  /**
   * [lng, lat, spanX, spanY]: where the name goes, and the width and height of the country's largest
   * part in Mercator units (0..1 of the world; 0 for a sea). A country's is its shape's own anchor, not
   * a copy: four numbers as fields of each point were ~180 × 4 boxed numbers in the page's heap.
   */
  at: LabelAnchor;
  /** Seas: the zoom from which they are named. */
  minZoom: number;
}

export interface PlacedName {
  text: string;
  kind: 'country' | 'sea';
  x: number;
  y: number;
  size: number;
}

// ---- data/seas.json: checked entry by entry when the app is built (src/contract/bundled.ts): a bad
// entry is named and left out, the rest are drawn ----

export const SEAS_NOTICES: readonly string[] = checkedSeas.notices;
const SEAS = checkedSeas.seas;

// ---- label points ----

/** The shortest of a language's names for a country ("Россия", not "Российская Федерация"). */
function shortName(iso: string, lang: 'ru' | 'zh'): string | null {
  // Nothing to look up before the language's names are in (a page in English never fetches them).
  const names = countryNamesIn(lang);
  if (!names) return null;
  const a2 = numericToAlpha2(iso);
  // The SCO's own usage first (Кыргызстан, Китай: src/app/i18n/country-names.json).
  const own = a2 ? countryOverride(a2, lang) : undefined;
  if (own) return own;
  const n = a2 ? names[a2] : undefined;
  const all = typeof n === 'string' ? [n] : n;
  if (!all?.length) return null;
  return [...all].sort((a, b) => a.length - b.length)[0]!;
}

/** Per set of shapes, the points and which languages' names they were made with. */
const cache = new WeakMap<CountryShapes, { points: NamePoint[]; ru: boolean; zh: boolean }>();

/**
 * Where each country and sea is named: computed once per set of shapes, and again once the Russian or
 * Chinese names arrive (reactive: a drawing effect that asked runs again then).
 */
export function namePoints(countries: CountryShapes | null): NamePoint[] {
  const seas: NamePoint[] = SEAS.map((s) => ({
    id: s.id,
    kind: 'sea',
    names: s.names,
    at: [s.lng, s.lat, 0, 0],
    minZoom: s.minZoom,
  }));
  if (!countries) return seas;
  const ru = countryNamesIn('ru') !== null;
  const zh = countryNamesIn('zh') !== null;
  const known = cache.get(countries);
  if (known && known.ru === ru && known.zh === zh) return known.points;
  const out: NamePoint[] = [];
  for (const f of countries) {
    // The bundled shapes carry their anchors (src/build/world-shapes.ts); others (tests) are measured here.
    const anchor = f.label ?? labelAnchor(shapeGeometry(f));
    if (!anchor || !f.name) continue;
    const en = f.name;
    out.push({
      id: f.iso,
      kind: 'country',
      names: { en, ru: shortName(f.iso, 'ru') ?? en, zh: shortName(f.iso, 'zh') ?? en },
      at: anchor,
      minZoom: 0,
    });
  }
  // Larger countries first: they win a place over a small neighbour's name.
  out.sort((a, b) => b.at[2] * b.at[3] - a.at[2] * a.at[3] || (a.id < b.id ? -1 : 1));
  const all = [...out, ...seas];
  cache.set(countries, { points: all, ru, zh });
  return all;
}

/** The font size of names at a zoom: small on the whole world, larger close up, never shouting. */
export const nameSize = (zoom: number, kind: 'country' | 'sea') =>
  Math.round(Math.min(15, Math.max(9, 8 + zoom * 1.4)) - (kind === 'sea' ? 1 : 0));

/** A box on the map, [left, top, right, bottom] in CSS pixels. */
export type NameBox = readonly [number, number, number, number];

/** Where a name may go from its anchor, in lines of its size: there, else a line or two below or above. */
const SHIFTS = [0, 1.3, -1.3, 2.6, -2.6];

/**
 * The names to write in a view, without overlaps: pure, with a measuring function (canvas measureText
 * in the browser, a stub in tests), so the same view always gives the same names. `avoid`: what the
 * names must not run under (the city discs and their labels, drawn over them: 'Казахстан' sat under
 * Astana's disc, 'Франция' under Geneva's label). A country tall enough may move its name a line or two
 * down or up to clear them; otherwise the name is left out at that zoom.
 */
export function placeNames(
  points: readonly NamePoint[],
  v: DiscView,
  zoom: number,
  lang: Lang,
  measure: (text: string, size: number) => number,
  avoid: readonly NameBox[] = [],
): PlacedName[] {
  const boxes: NameBox[] = [];
  const meets = (box: NameBox) => (b: NameBox) => b[0] < box[2] && box[0] < b[2] && b[1] < box[3] && box[1] < b[3];
  const out: PlacedName[] = [];
  for (const p of points) {
    if (p.kind === 'sea' && zoom < p.minZoom) continue;
    const text = p.names[lang] || p.names.en;
    const size = nameSize(zoom, p.kind);
    const w = measure(text, size);
    // A country's name only where it fits inside the country (with some slack for long thin ones).
    const [lng, lat, spanX, spanY] = p.at;
    if (p.kind === 'country' && (w > spanX * v.worldSize * 0.9 || size * 1.2 > spanY * v.worldSize)) continue;
    const [mx, my] = mercator(lng, lat);
    // The world copy nearest the view's centre (the map repeats sideways).
    let x = v.originX + mx * v.worldSize;
    const shift = Math.round((v.width / 2 - x) / v.worldSize);
    x += shift * v.worldSize;
    for (const lines of p.kind === 'country' ? SHIFTS : SHIFTS.slice(0, 1)) {
      // Moved only as far as the country's height leaves room on that side (about half of it).
      if ((Math.abs(lines) * 2 + 1.2) * size > spanY * v.worldSize) continue;
      const y = v.originY + my * v.worldSize + lines * size;
      const box: NameBox = [x - w / 2 - 3, y - size * 0.7, x + w / 2 + 3, y + size * 0.7];
      // Whole names only: one cut by the map's edge ('merica') is left out.
      if (box[0] < 0 || box[2] > v.width || box[1] < 0 || box[3] > v.height) continue;
      if (boxes.some(meets(box)) || avoid.some(meets(box))) continue;
      boxes.push(box);
      out.push({ text, kind: p.kind, x, y, size });
      break;
    }
  }
  return out;
}

/**
 * Text widths in the names' font, remembered for the page's life (the same few hundred names at a few
 * sizes; measuring them anew on every draw, with a font set for each, took 20-30 ms per 2D map draw).
 * By size, then by the name itself: a key made of both was a new string per entry, kept for the page's life.
 */
const widths = new Map<number, Map<string, number>>();
export function nameMeasure(ctx: CanvasRenderingContext2D): (text: string, size: number) => number {
  return (text, size) => {
    let bySize = widths.get(size);
    if (!bySize) widths.set(size, (bySize = new Map()));
    let w = bySize.get(text);
    if (w === undefined) {
      ctx.font = `600 ${size}px system-ui, sans-serif`;
      w = ctx.measureText(text).width;
      bySize.set(text, w);
    }
    return w;
  };
}

/** Draws placed names: countries in faint grey capitals' colour, seas in italic blue. */
/** Same names at the same spots: nothing to draw again (the discs change in every frame of Play). */
export const sameNames = (a: readonly PlacedName[], b: readonly PlacedName[]) =>
  a.length === b.length && a.every((n, i) => n.text === b[i]!.text && n.x === b[i]!.x && n.y === b[i]!.y && n.size === b[i]!.size);

export function drawNames(ctx: CanvasRenderingContext2D, names: readonly PlacedName[]): void {
  ctx.save();
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.lineJoin = 'round';
  for (const n of names) {
    ctx.font = n.kind === 'sea' ? `italic ${n.size}px system-ui, sans-serif` : `600 ${n.size}px system-ui, sans-serif`;
    ctx.lineWidth = 2.5;
    ctx.strokeStyle = 'rgba(255,255,255,0.55)';
    ctx.strokeText(n.text, n.x, n.y);
    ctx.fillStyle = n.kind === 'sea' ? 'rgba(37, 84, 122, 0.75)' : 'rgba(55, 65, 81, 0.62)';
    ctx.fillText(n.text, n.x, n.y);
  }
  ctx.restore();
}
