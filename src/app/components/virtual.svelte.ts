/**
 * Virtual rows for long lists (the window's statements, a city's statements): only the rows near the
 * viewport are in the DOM, each absolutely placed at its offset inside a box as tall as the whole list,
 * so the scroll bar is true and 100,000 rows scroll as lightly as 100.
 *
 * Rows have different heights (a statement wraps over several lines). Each starts with an estimate and
 * takes its measured height once rendered; the heights live in a Fenwick tree, so the offset of a row
 * and the row at a scroll position are O(log n) and a measurement is an O(log n) update.
 *
 * Written by hand rather than taken from a library: @tanstack/svelte-virtual drives Svelte through
 * stores (not runes) and, like the Svelte 5 list components on npm, owns the markup and keyboard
 * handling, while these lists need their own semantics (`<ol>`/`<li>` with aria-setsize/aria-posinset),
 * arrow-key movement between rows that renders the target row first, and a focused row that stays in
 * the DOM when it scrolls away (so focus is never dropped). The arithmetic is the small part.
 */

/** Never more than this many rows in the DOM, whatever the viewport (e.g. an unbounded parent). */
export const MAX_ROWS = 150;

export class VirtualRows {
  #n = 0;
  #h = new Float64Array(0);
  #tree = new Float64Array(1);
  #top = 1;
  /** Bumped whenever a height changes, so positions derived from this object follow. */
  version = $state(0);
  count = $state(0);
  scrollTop = $state(0);
  /** Height of the scrolling box; 0 until measured (then a default is used). */
  viewport = $state(0);

  /** A new list of `n` rows, with estimated heights. */
  reset(n: number, estimate: (i: number) => number): void {
    const h = new Float64Array(n);
    const tree = new Float64Array(n + 1);
    for (let i = 0; i < n; i++) {
      h[i] = estimate(i);
      tree[i + 1]! += h[i]!;
      const j = i + 1 + ((i + 1) & -(i + 1));
      if (j <= n) tree[j]! += tree[i + 1]!;
    }
    let top = 1;
    while (top * 2 <= n) top *= 2;
    this.#n = n;
    this.#h = h;
    this.#tree = tree;
    this.#top = top;
    this.count = n;
    this.version++;
  }

  height(i: number): number {
    return this.#h[i] ?? 0;
  }

  /** Top of row i (the sum of the heights before it); offset(count) is the whole height. */
  offset(i: number): number {
    let s = 0;
    for (let k = Math.min(i, this.#n); k > 0; k -= k & -k) s += this.#tree[k]!;
    return s;
  }

  total(): number {
    return this.offset(this.#n);
  }

  /** The row under position y (clamped to the list). */
  indexAt(y: number): number {
    if (this.#n === 0) return 0;
    let pos = 0;
    let rem = y;
    for (let step = this.#top; step > 0; step >>= 1) {
      const next = pos + step;
      if (next <= this.#n && this.#tree[next]! <= rem) {
        pos = next;
        rem -= this.#tree[next]!;
      }
    }
    return Math.min(pos, this.#n - 1);
  }

  /** Records a measured height; returns how much the row grew (0 when unchanged). */
  setHeight(i: number, v: number): number {
    if (i < 0 || i >= this.#n || !(v > 0)) return 0;
    const d = v - this.#h[i]!;
    if (Math.abs(d) < 0.5) return 0;
    this.#h[i] = v;
    for (let k = i + 1; k <= this.#n; k += k & -k) this.#tree[k]! += d;
    this.version++;
    return d;
  }

  /** Rows [start, end) to render: those in the viewport plus `overscan` pixels each side. */
  range(overscan = 400): { start: number; end: number } {
    void this.version;
    const n = this.count;
    if (n === 0) return { start: 0, end: 0 };
    const view = this.viewport > 0 ? this.viewport : 600;
    const start = this.indexAt(Math.max(0, this.scrollTop - overscan));
    let end = this.indexAt(this.scrollTop + view + overscan) + 1;
    end = Math.min(n, end, start + MAX_ROWS);
    return { start, end };
  }
}
