/**
 * Where the map's legend goes in a map of a given size (issue 13: at 960×540 in an embed its last
 * items hid behind the attribution). Pure: sizes in, placement out, so it is tested without a browser.
 *
 * In order of preference: beside the attribution at the bottom, in at most two rows; above the
 * attribution across the map's width, in at most two rows and a third of the map's height; otherwise
 * collapsed to a button that opens it (above the attribution).
 */

/** Gap kept between the legend, the attribution and the map's edges, in CSS pixels. */
export const LEGEND_GAP = 8;
/** Padding inside the legend's box (left + right) and its gap between items. */
const BOX_PAD = 16;
const ITEM_GAP = 11;
const MAX_ROWS = 2;

export interface LegendSizes {
  mapWidth: number;
  mapHeight: number;
  /** The attribution's box (MapLibre's bottom-right control); zero when there is none. */
  attribWidth: number;
  attribHeight: number;
  /** Each item's width on one line (items never wrap inside). */
  itemWidths: readonly number[];
  /** One row's height. */
  rowHeight: number;
  /** The collapsed legend's button (swatches and "Legend" in the interface language); 0 if unknown. */
  buttonWidth?: number;
  /** Whether the attribution may be folded: not once a reader has opened it again. Default true. */
  mayFold?: boolean;
}

export interface LegendPlacement {
  collapsed: boolean;
  /** The legend's (or the open panel's) largest width. */
  maxWidth: number;
  /** Its distance from the map's bottom edge. */
  bottom: number;
  /** Fold the attribution to its ⓘ button (it opens again on a click): the legend then fits beside it. */
  foldAttribution?: boolean;
}

/** The width of MapLibre's folded attribution (its ⓘ button and margin). */
export const FOLDED_ATTRIBUTION = 34;

/** Rows the items take when wrapped greedily into `width` (the legend's content box). */
export function rowsFor(itemWidths: readonly number[], width: number): number {
  let rows = 0;
  let line = 0;
  for (const w of itemWidths) {
    if (w > width) return Infinity; // an item would be cut ("Sum…"): never allowed
    if (rows === 0 || line + ITEM_GAP + w > width) {
      rows++;
      line = w;
    } else line += ITEM_GAP + w;
  }
  return rows;
}

export function placeLegend(s: LegendSizes): LegendPlacement {
  const beside = s.mapWidth - s.attribWidth - 3 * LEGEND_GAP;
  if (rowsFor(s.itemWidths, beside - BOX_PAD) <= MAX_ROWS) return { collapsed: false, maxWidth: beside, bottom: LEGEND_GAP };
  const folded = s.mapWidth - Math.min(s.attribWidth, FOLDED_ATTRIBUTION) - 3 * LEGEND_GAP;
  const mayFold = (s.mayFold ?? true) && s.attribWidth > FOLDED_ATTRIBUTION;
  if (mayFold && rowsFor(s.itemWidths, folded - BOX_PAD) <= MAX_ROWS)
    return { collapsed: false, maxWidth: folded, bottom: LEGEND_GAP, foldAttribution: true };
  const above = s.mapWidth - 2 * LEGEND_GAP;
  const bottom = s.attribHeight + 2 * LEGEND_GAP;
  const rows = rowsFor(s.itemWidths, above - BOX_PAD);
  if (rows <= MAX_ROWS && rows * s.rowHeight + 8 <= s.mapHeight / 3) return { collapsed: false, maxWidth: above, bottom };
  // The button sits beside the attribution when it fits there, else beside the attribution folded to
  // its button (a phone in Russian: "Легенда" ran under the open attribution), else above it; its
  // panel opens upwards across the map's width.
  const button = Math.max(s.buttonWidth ?? 0, 40);
  if (button <= beside) return { collapsed: true, maxWidth: above, bottom: LEGEND_GAP };
  if (mayFold && button <= folded) return { collapsed: true, maxWidth: above, bottom: LEGEND_GAP, foldAttribution: true };
  return { collapsed: true, maxWidth: above, bottom };
}
