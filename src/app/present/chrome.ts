/**
 * Where the "Open full view ↗" link (and the Share button) floats over the map: never on the map's
 * zoom buttons or the online badge (issue 13: at 960×540 in an embed the link covered "+", because it
 * was centred on the whole atlas and not on the map). Pure geometry, then a small DOM step that
 * measures the boxes and keeps the link placed as the layout changes.
 */

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

const GAP = 8;

const intersects = (a: Box, b: Box) =>
  a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height;

/**
 * A spot for a box of `size` inside `map` (all in the same coordinates) that meets none of the
 * `obstacles`: the top centre, else the top right left of the obstacles there, else a row lower
 * (under the tallest obstacle), right-aligned. Returns the box's left and top.
 */
export function chooseSpot(map: Box, size: { width: number; height: number }, obstacles: readonly Box[]): { left: number; top: number } {
  const top = map.top + GAP + 2;
  const fits = (b: Box) => b.left >= map.left && b.left + b.width <= map.left + map.width && !obstacles.some((o) => intersects(b, o));
  const centre = { left: map.left + (map.width - size.width) / 2, top, ...size };
  if (fits(centre)) return { left: centre.left, top };
  // Right-aligned just left of whatever sits in the map's top-right corner.
  const inRow = obstacles.filter((o) => o.top < top + size.height && o.top + o.height > top);
  const rightEdge = Math.min(map.left + map.width - GAP, ...inRow.filter((o) => o.left > centre.left).map((o) => o.left - GAP));
  const right = { left: rightEdge - size.width, top, ...size };
  if (fits(right)) return { left: right.left, top };
  // A row lower, under everything at the top, against the map's right edge (still inside the map).
  const below = Math.max(top, ...obstacles.filter((o) => o.top < map.top + map.height / 2).map((o) => o.top + o.height + GAP));
  return { left: Math.max(map.left + GAP, map.left + map.width - GAP - size.width - 40), top: below };
}

/**
 * Keeps `el` (absolutely positioned in `offsetParent`) at a free spot over the map in `root`, as the
 * map, its controls and the online badge change size. Returns a function that stops watching.
 */
export function keepOverMap(el: HTMLElement, root: HTMLElement): () => void {
  const place = () => {
    const map = root.querySelector<HTMLElement>('.mapview');
    const parent = el.offsetParent as HTMLElement | null;
    if (!map || !parent) return;
    const p = parent.getBoundingClientRect();
    const rel = (r: DOMRect): Box => ({ left: r.left - p.left, top: r.top - p.top, width: r.width, height: r.height });
    const obstacles = [...map.querySelectorAll<HTMLElement>('.maplibregl-ctrl-top-right, .maplibregl-ctrl-top-left, .online')]
      .map((o) => o.getBoundingClientRect())
      .filter((r) => r.width > 0 && r.height > 0)
      .map(rel);
    const spot = chooseSpot(rel(map.getBoundingClientRect()), { width: el.offsetWidth, height: el.offsetHeight }, obstacles);
    el.style.left = `${Math.round(spot.left)}px`;
    el.style.top = `${Math.round(spot.top)}px`;
    el.style.transform = 'none';
  };
  // At most once a frame: the lists under the root change often (a brush, a search).
  let frame = 0;
  const soon = () => {
    if (!frame) frame = requestAnimationFrame(() => ((frame = 0), place()));
  };
  const ro = new ResizeObserver(soon);
  ro.observe(root);
  ro.observe(el);
  // The controls and the badge come and go with the map and the data.
  const mo = new MutationObserver(soon);
  mo.observe(root, { childList: true, subtree: true });
  place();
  return () => {
    cancelAnimationFrame(frame);
    ro.disconnect();
    mo.disconnect();
  };
}
