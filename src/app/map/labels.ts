/**
 * City labels as HTML over the map (text in a symbol layer needs glyph files from a URL, and the atlas
 * is offline), placed without collisions by label-placement.ts after every draw of the discs: a label
 * moves to another side of its disc or hides when it would sit on another label, cover a disc or leave
 * the map. A hidden label's city still shows its name on hover (the hovered city goes first), in the
 * city picker and in the lists.
 *
 * Which cities are candidates is the component's choice (the busiest ones) plus the selected and the
 * hovered city; `labelRequests` orders them (hovered, selected, summit hosts, bigger discs first) and is
 * exported so any renderer of the same discs can place the same labels.
 */
import type { Map as MLMap } from 'maplibre-gl';
import type { PlaceFeature } from '../../contract/schema';
import { placeName } from '../i18n';
import { DISC_STYLE, type Discs, type DiscView } from './discs';
import type { NameBox } from './country-labels';
import { placeLabels, type LabelBox, type LabelRequest, type Placement, type PlacedDisc, type PlacementOptions } from './label-placement';
import type { DiscOverlay } from './overlay';

export interface Labels {
  set(places: readonly PlaceFeature[], index: ReadonlyMap<string, number>, ids: readonly string[]): void;
  /** Summit hosts (place ids) keep their labels before other cities of their size. */
  setSummits(ids: readonly string[]): void;
  /** The labels shown since the last draw of the discs, in the map's CSS pixels. */
  shown(): readonly LabelBox[];
  /** What floats over the map (buttons, legend, badges), in the map's CSS pixels. */
  blocked(): Blocked;
  destroy(): void;
}

export type Blocked = NonNullable<PlacementOptions['blocked']>;

/** Label text size (CSS px) for a place index; the caller measures (DOM box or canvas `measureText`). */
export type LabelSize = (i: number) => { width: number; height: number } | null;

/** A disc as drawn: on screen, with the radius of what the overlay draws (stroke included). */
export function drawnDisc(discs: Discs, i: number, v: DiscView): PlacedDisc {
  const p = discs.point(i, v);
  const { n, r } = discs.count(i);
  return { x: p.x, y: p.y, r: (n > 0 ? r : DISC_STYLE.emptyRadius) + DISC_STYLE.plain.strokeWidth };
}

/**
 * What the country and sea names keep out from under (country-labels.ts): the discs with events in the
 * window, as drawn, the city labels shown and what floats over the map (a name half under the legend
 * read 'Lib'). Faint dots may sit under a name, as under a city label.
 */
export function nameObstacles(discs: Discs, v: DiscView, shown: readonly LabelBox[], blocked: Blocked = []): NameBox[] {
  const out: NameBox[] = [];
  for (let i = 0; i < discs.size; i++) {
    if (discs.count(i).n <= 0) continue;
    const d = drawnDisc(discs, i, v);
    if (d.x + d.r >= 0 && d.y + d.r >= 0 && d.x - d.r <= v.width && d.y - d.r <= v.height)
      out.push([d.x - d.r, d.y - d.r, d.x + d.r, d.y + d.r]);
  }
  for (const b of [...shown, ...blocked]) out.push([b.x, b.y, b.x + b.width, b.y + b.height]);
  return out;
}

/**
 * The labels to place and the discs in their way, for places `wanted` (indexes), in priority order:
 * hovered (the discs' highlighted) and selected first, then summit hosts, then bigger discs; a city with
 * nothing in the window comes last.
 */
export function labelRequests(
  discs: Discs,
  v: DiscView,
  wanted: readonly number[],
  summits: ReadonlySet<number>,
  size: LabelSize,
): { labels: LabelRequest[]; obstacles: PlacedDisc[] } {
  const obstacles: PlacedDisc[] = [];
  for (let i = 0; i < discs.size; i++) {
    if (discs.count(i).n <= 0) continue; // faint dots may sit under a text
    const d = drawnDisc(discs, i, v);
    if (d.x + d.r >= 0 && d.y + d.r >= 0 && d.x - d.r <= v.width && d.y - d.r <= v.height) obstacles.push(d);
  }
  const hl = new Set(discs.highlighted);
  const all = new Set([...discs.highlighted, ...(discs.selected >= 0 ? [discs.selected] : []), ...wanted]);
  const labels: LabelRequest[] = [];
  for (const i of all) {
    const s = size(i);
    if (!s) continue;
    const d = drawnDisc(discs, i, v);
    const { n, r } = discs.count(i);
    const priority = (hl.has(i) ? 4000 : 0) + (i === discs.selected ? 2000 : 0) + (n > 0 ? 1000 : 0) + (summits.has(i) ? 100 : 0) + r;
    labels.push({ key: i, ...d, width: s.width, height: s.height, priority });
  }
  return { labels, obstacles };
}

export function cityLabels(map: MLMap, overlay: DiscOverlay): Labels {
  const layer = document.createElement('div');
  layer.className = 'atlas-city-labels';
  layer.setAttribute('aria-hidden', 'true');
  layer.style.cssText = 'position:absolute;inset:0;overflow:hidden;pointer-events:none;';
  map.getCanvasContainer().append(layer);
  /** Elements by place index, made on first need (a hovered city outside the busiest gets one too). */
  const els = new Map<number, { el: HTMLElement; w: number; h: number }>();
  let places: readonly PlaceFeature[] = [];
  let wanted: number[] = [];
  let summits = new Set<number>();
  let summitIds: readonly string[] = [];
  let index: ReadonlyMap<string, number> = new Map();

  const element = (i: number) => {
    let e = els.get(i);
    if (!e) {
      const p = places[i];
      if (!p) return null;
      const el = document.createElement('div');
      el.className = 'atlas-city-label';
      el.textContent = placeName(p.properties); // text only: names come from documents; in the interface language
      el.dataset['place'] = p.properties.id;
      el.style.cssText = 'position:absolute;left:0;top:0;display:none;';
      layer.append(el);
      e = { el, w: 0, h: 0 };
      els.set(i, e);
    }
    return e;
  };
  /**
   * Measures the labels of these places not measured yet, all in one layout: each shown but out of
   * sight (a display:none box has no size), then all read, then all hidden. One element at a time
   * forced a layout per label (21 ms of the seeds' first screen for 15 labels in a load profile).
   */
  const measure = (indices: Iterable<number>) => {
    const fresh = [];
    for (const i of indices) {
      const e = element(i);
      if (e && !e.w) fresh.push(e);
    }
    for (const e of fresh) {
      e.el.style.visibility = 'hidden';
      e.el.style.display = 'block';
    }
    for (const e of fresh) {
      e.w = e.el.offsetWidth;
      e.h = e.el.offsetHeight;
    }
    for (const e of fresh) {
      e.el.style.display = 'none';
      e.el.style.visibility = '';
    }
  };
  const size: LabelSize = (i) => {
    const e = element(i);
    if (!e) return null;
    if (!e.w) measure([i]);
    if (!e.w) return null; // not laid out yet (a hidden map): the next draw tries again
    return { width: e.w, height: e.h };
  };

  // What floats over the map (its zoom buttons and attribution, and MapView's legend, badge and
  // buttons beside the map element): labels keep out from under them. Read at most every 250 ms, as
  // reading boxes after the labels moved would force a layout in every frame of a pan.
  let blocked: Blocked = [];
  let blockedAt = -Infinity;
  const blockers = (): Blocked => {
    const now = performance.now();
    if (now - blockedAt < 250) return blocked;
    blockedAt = now;
    const root = layer.closest<HTMLElement>('[data-testid="map"]') ?? layer.parentElement;
    if (!root) return (blocked = []);
    const base = root.getBoundingClientRect();
    const els = [
      ...root.querySelectorAll<HTMLElement>('.maplibregl-ctrl, .atlas-map2d-zoom'),
      ...[...(root.parentElement?.children ?? [])].filter((e) => e !== root),
    ];
    const out: Blocked[number][] = [];
    for (const e of els) {
      const r = e.getBoundingClientRect();
      if (r.width && r.height && (e.checkVisibility?.() ?? true))
        out.push({ x: r.left - base.left, y: r.top - base.top, width: r.width, height: r.height });
    }
    return (blocked = out);
  };

  let last: Placement | null = null;
  const place = (v: DiscView) => {
    if (!places.length || !v.width) return;
    measure([...overlay.discs.highlighted, ...(overlay.discs.selected >= 0 ? [overlay.discs.selected] : []), ...wanted]);
    const { labels, obstacles } = labelRequests(overlay.discs, v, wanted, summits, size);
    const placement = placeLabels(labels, { width: v.width, height: v.height, obstacles, blocked: blockers() });
    for (const key of placement.hidden) {
      const e = els.get(key as number);
      if (e) e.el.style.display = 'none';
    }
    const shown = new Set<number>();
    for (const b of placement.shown) {
      const e = els.get(b.key as number)!;
      shown.add(b.key as number);
      e.el.style.display = 'block';
      e.el.style.transform = `translate(${Math.round(b.x)}px,${Math.round(b.y)}px)`;
      e.el.dataset['anchor'] = b.anchor;
    }
    // Labels no longer asked for (a city no longer hovered) go too.
    if (last)
      for (const b of last.shown) if (!shown.has(b.key as number)) els.get(b.key as number)?.el.style.setProperty('display', 'none');
    last = placement;
  };
  const off = overlay.onDraw(place);

  const resolveSummits = () => {
    summits = new Set(summitIds.map((id) => index.get(id)).filter((i): i is number => i !== undefined));
  };
  return {
    set(ps, idx, ids) {
      for (const { el } of els.values()) el.remove();
      els.clear();
      last = null;
      places = ps;
      index = idx;
      wanted = ids.map((id) => idx.get(id)).filter((i): i is number => i !== undefined);
      resolveSummits();
      overlay.schedule();
    },
    setSummits(ids) {
      summitIds = ids;
      resolveSummits();
      overlay.schedule();
    },
    shown: () => last?.shown ?? [],
    blocked: blockers,
    destroy() {
      off();
      layer.remove();
      els.clear();
    },
  };
}
