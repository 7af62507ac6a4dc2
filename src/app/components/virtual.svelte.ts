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

import { untrack } from 'svelte';

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
    this.#bump();
  }

  /** Writes without reading, so an effect that resets the rows does not come to depend on them. */
  #bump(): void {
    this.version = untrack(() => this.version) + 1;
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
    this.#bump();
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

/**
 * VirtualRows bound to a scrolling box: measures rendered rows, follows the scroll position and the
 * box's size, keeps the focused row rendered, and moves focus between rows with the keyboard (↑/↓,
 * Page Up/Down, Home/End), rendering the target row first. Rows are elements with `data-row="<k>"`;
 * `focusTarget` picks the element to focus inside a row.
 */
export class VirtualList extends VirtualRows {
  /** The row holding focus: kept in the DOM even when scrolled away, so focus is never dropped. */
  focusRow = $state<number | null>(null);
  #box: HTMLElement | null = null;
  #ro: ResizeObserver | undefined;
  #focusTarget: string;
  /**
   * A row revealed at the top, held there while the rows are measured (their estimates were short, and
   * the box could not yet scroll far enough), until the user scrolls. `#pinAt`: where it was put.
   */
  #pin: number | null = null;
  #pinAt = -1;

  constructor(focusTarget: string) {
    super();
    this.#focusTarget = focusTarget;
    if (typeof ResizeObserver === 'undefined') return;
    // Measured heights replace the estimates. A row above the top of the viewport that changes height
    // moves the scroll position by as much, so what is being read stays put.
    this.#ro = new ResizeObserver((entries) => {
      const box = this.#box;
      for (const en of entries) {
        const el = en.target as HTMLElement;
        if (!el.isConnected) continue;
        const k = Number(el.dataset.row);
        const h = en.borderBoxSize?.[0]?.blockSize ?? el.offsetHeight;
        const above = !!box && this.offset(k) + this.height(k) <= box.scrollTop;
        const d = this.setHeight(k, h);
        if (d && above && box) {
          box.scrollTop += d;
          this.scrollTop = box.scrollTop;
          this.#pinAt = box.scrollTop;
        }
      }
      if (this.#pin !== null) this.#repin();
    });
  }

  /** Call from an effect with the scrolling box; returns the clean-up. */
  attach(box: HTMLElement): () => void {
    this.#box = box;
    // The box's height comes with the observer's first report, after the browser's own layout:
    // reading clientHeight here forced a layout in the middle of building the first screen (20-50 ms
    // at 100,000 events). Until then the range assumes a 600 px viewport.
    const ro = typeof ResizeObserver === 'undefined' ? undefined : new ResizeObserver(() => (this.viewport = box.clientHeight));
    if (ro) ro.observe(box);
    else this.viewport = box.clientHeight;
    return () => {
      ro?.disconnect();
      if (this.#box === box) this.#box = null;
    };
  }

  destroy(): void {
    this.#ro?.disconnect();
  }

  /**
   * The glue every list component needs, in one place: call once while the component initialises,
   * with a getter of its bound scrolling box. Attaches when the box is there, lets go when it goes.
   */
  connect(box: () => HTMLElement | undefined): void {
    $effect(() => {
      const el = box();
      return el ? this.attach(el) : undefined;
    });
    $effect(() => () => this.destroy());
  }

  /**
   * The rows to render with their offsets, for a list of n rows now. The rows can change (another
   * window, another city) a moment before the component restarts the list: positions past the new end
   * are dropped until it has.
   */
  placed(n: number): Array<{ k: number; top: number }> {
    return this.rows()
      .filter((k) => k < n)
      .map((k) => ({ k, top: this.offset(k) }));
  }

  /** The whole list's height in pixels (follows measurements). */
  get fullHeight(): number {
    void this.version;
    return this.total();
  }

  /** The list element's keyboard and focus handlers (spread them on the <ol>). */
  handlers(tick: () => Promise<void>) {
    return { onkeydown: (ev: KeyboardEvent) => this.keys(ev, tick), onfocusin: this.onfocusin, onfocusout: this.onfocusout };
  }

  /** A new list: estimates, no focus pinned, back to the top. */
  restart(n: number, estimate: (i: number) => number): void {
    this.reset(n, estimate);
    this.focusRow = null;
    this.#pin = null;
    if (this.#box) this.#box.scrollTop = 0;
    this.scrollTop = 0;
    this.#remeasure();
  }

  /** The pinned row back at the top, once the list's new height is in the page (next frame). */
  #repin(): void {
    requestAnimationFrame(() => {
      const box = this.#box;
      const k = this.#pin;
      if (!box || k === null || k >= this.count) return;
      box.scrollTop = this.offset(k);
      this.#pinAt = box.scrollTop;
      this.scrollTop = box.scrollTop;
    });
  }

  /**
   * Rows already in the page are measured again. A row keeps its element across a new list when its
   * key does (the same statement, now at another index): the observer only reports a size that changed,
   * so that row kept its estimate and the rows under it were placed over it (a city chosen with one of
   * its events, or the list rebuilt when added documents came in: one card's text drawn over another's).
   * Observing anew makes the observer report every row's size once, after the new list is laid out.
   */
  #remeasure(): void {
    const box = this.#box;
    const ro = this.#ro;
    if (!box || !ro) return;
    for (const el of box.querySelectorAll<HTMLElement>('[data-row]')) {
      ro.unobserve(el);
      ro.observe(el);
    }
  }

  /** Rows to render, in order: the ones near the viewport plus the focused one. */
  rows(): number[] {
    const { start, end } = this.range();
    const out: number[] = [];
    const f = this.focusRow;
    if (f !== null && f < start && f < this.count) out.push(f);
    for (let k = start; k < end; k++) out.push(k);
    if (f !== null && f >= end && f < this.count) out.push(f);
    return out;
  }

  /** Svelte action for each row element. */
  measure = (node: HTMLElement) => {
    this.#ro?.observe(node);
    return { destroy: () => this.#ro?.unobserve(node) };
  };

  onscroll = () => {
    if (!this.#box) return;
    this.scrollTop = this.#box.scrollTop;
    if (this.#pin !== null && Math.abs(this.#box.scrollTop - this.#pinAt) > 2) this.#pin = null;
  };

  /** Scrolls so that row k is in view (its top at the top when `top`, else as little as needed). */
  reveal(k: number, top = false): void {
    const box = this.#box;
    if (!box) return;
    const a = this.offset(k);
    const b = a + this.height(k);
    const view = box.clientHeight || this.viewport;
    if (top || a < box.scrollTop) box.scrollTop = a;
    else if (b > box.scrollTop + view) box.scrollTop = Math.max(0, b - view);
    this.scrollTop = box.scrollTop;
    this.#pin = top ? k : null;
    this.#pinAt = box.scrollTop;
    if (top) this.#repin();
  }

  /** Whether row k is wholly inside the scrolling box now (by its measured or estimated height). */
  inView(k: number): boolean {
    const box = this.#box;
    if (!box) return false;
    const a = this.offset(k);
    return a >= box.scrollTop && a + this.height(k) <= box.scrollTop + (box.clientHeight || this.viewport);
  }

  /** Scrolls row k into view, renders it, and focuses it. */
  async focusAt(k: number, tick: () => Promise<void>): Promise<void> {
    this.focusRow = k;
    this.reveal(k);
    await tick();
    const row = this.#box?.querySelector<HTMLElement>(`[data-row="${k}"]`);
    row?.querySelector<HTMLElement>(this.#focusTarget)?.focus({ preventScroll: true });
  }

  /** Keydown handler for the list element. */
  keys(ev: KeyboardEvent, tick: () => Promise<void>): void {
    if (ev.altKey || ev.ctrlKey || ev.metaKey) return;
    const row = (ev.target as Element | null)?.closest?.('[data-row]') as HTMLElement | null;
    if (!row) return;
    const k = Number(row.dataset.row);
    const n = this.count;
    const page = Math.max(1, (this.#box?.clientHeight || this.viewport || 600) - 40);
    let next: number;
    switch (ev.key) {
      case 'ArrowDown':
        next = k + 1;
        break;
      case 'ArrowUp':
        next = k - 1;
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = n - 1;
        break;
      case 'PageDown':
        next = Math.max(k + 1, this.indexAt(this.offset(k) + page));
        break;
      case 'PageUp':
        next = Math.min(k - 1, this.indexAt(Math.max(0, this.offset(k) - page)));
        break;
      default:
        return;
    }
    ev.preventDefault();
    void this.focusAt(Math.max(0, Math.min(n - 1, next)), tick);
  }

  onfocusin = (ev: FocusEvent) => {
    const row = (ev.target as Element | null)?.closest?.('[data-row]') as HTMLElement | null;
    if (row) this.focusRow = Number(row.dataset.row);
  };

  onfocusout = (ev: FocusEvent) => {
    const to = ev.relatedTarget as Node | null;
    if (!to || !this.#box?.contains(to)) this.focusRow = null;
  };
}
