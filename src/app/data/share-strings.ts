/**
 * One instance of each repeated short string in the data the page keeps. The loading worker hands the
 * data over by structured clone, which gives every occurrence of a string its own copy (JSON.parse on
 * this thread would have shared the short ones): ids that events and statements name each other by,
 * dates, topics, document ids, a place's source. At 1,000 events such repeats were 0.33 MB of the
 * page's heap (0.29 MB given back by this walk in Node; 4.3 MB at 10,000 events, 47 MB at 100,000).
 *
 * Written by hand: a walk over arrays and plain objects, so every field of the contract and of the
 * event layer is covered without listing them; no library does this. The walk is cut into slices run
 * when the page is idle (100,000 events take ~1 s here), so it never holds up a frame.
 */

/** Strings longer than this (titles, statement texts) are rarely repeated: left as they are. */
const SHARED_MAX = 64;
/** Arrays already walked (the same events come back with every new AtlasData). */
const walked = new WeakSet<object>();

type Plain = Record<string, unknown> | unknown[];

/**
 * A walker with its own pool: `walk(o)` makes o's short strings the pool's instances, in place.
 * `seed(o)` first puts o's own id (`id`, or a GeoJSON feature's `properties.id`) in the pool: those
 * strings are also the keys of the page's maps (statement by id, event index), so the other copies are
 * the ones let go.
 */
function walker(): { seed(o: Plain): void; walk(o: Plain): void; repeats(): number } {
  const pool = new Map<string, string>();
  let repeats = 0;
  let seeded = 0;
  const one = (v: string) => {
    if (v.length > SHARED_MAX) return v;
    const known = pool.get(v);
    if (known !== undefined) {
      repeats++;
      return known;
    }
    pool.set(v, v);
    return v;
  };
  const walk = (o: Plain): void => {
    // Frozen data is walked but left as it is: writing to it would throw.
    const fixed = Object.isFrozen(o);
    if (Array.isArray(o)) {
      for (let i = 0; i < o.length; i++) {
        const v: unknown = o[i];
        if (typeof v === 'string') {
          if (!fixed) o[i] = one(v);
        } else if (v !== null && typeof v === 'object' && !ArrayBuffer.isView(v)) walk(v as Plain);
      }
      return;
    }
    for (const k in o) {
      const v = o[k];
      if (typeof v === 'string') {
        if (!fixed) o[k] = one(v);
      } else if (v !== null && typeof v === 'object' && !ArrayBuffer.isView(v)) walk(v as Plain);
    }
  };
  const seed = (o: Plain) => {
    if (Object.isFrozen(o)) return;
    const own = (o as { id?: unknown }).id;
    const props = (o as { properties?: { id?: unknown } }).properties;
    for (const id of [own, props?.id])
      if (typeof id === 'string' && id.length <= SHARED_MAX && !pool.has(id)) {
        pool.set(id, id);
        if (id === own) seeded++; // (found again when its own field is walked: not a repeat)
      }
  };
  return { seed, walk, repeats: () => repeats - seeded };
}

/**
 * Shares the repeated short strings of these arrays' items now; returns how many strings were
 * replaced by an earlier equal one. Arrays walked before (by this or `shareStringsWhenIdle`) are skipped.
 */
export function shareStrings(roots: readonly (readonly unknown[])[]): number {
  const w = walker();
  const todo = roots.filter((r) => !walked.has(r));
  for (const r of todo) walked.add(r);
  for (const pass of [w.seed, w.walk]) for (const r of todo) for (const v of r) if (isPlain(v)) pass(v);
  return w.repeats();
}

const isPlain = (v: unknown): v is Plain => v !== null && typeof v === 'object' && !ArrayBuffer.isView(v);

type Idle = (cb: (deadline: { timeRemaining(): number }) => void) => unknown;

/**
 * `shareStrings` over the arrays' object items, 64 at a time in the page's idle moments (a timer where the browser has no
 * idle callback); `done` gets the count. Each slice stops when the idle period is nearly over.
 */
export function shareStringsWhenIdle(roots: readonly (readonly unknown[])[], done?: (repeats: number) => void): void {
  const todo = roots.filter((r) => !walked.has(r));
  for (const r of todo) walked.add(r);
  const w = walker();
  const idle: Idle =
    typeof requestIdleCallback === 'function'
      ? (cb) => requestIdleCallback(cb, { timeout: 2000 })
      : (cb) => setTimeout(() => cb({ timeRemaining: () => 8 }), 0);
  // The ids of every array first, then the walks: as `shareStrings`.
  const passes = [w.seed, w.walk].flatMap((pass) => todo.map((items) => ({ pass, items })));
  let r = 0;
  let i = 0;
  const slice = (deadline: { timeRemaining(): number }) => {
    // At least a few items per slice, so that a page that is never idle still gets through.
    let n = 0;
    while (r < passes.length && (n < 64 || deadline.timeRemaining() > 2)) {
      const { pass, items } = passes[r]!;
      const end = Math.min(items.length, i + 64);
      for (; i < end; i++) {
        const v = items[i];
        if (isPlain(v)) pass(v);
      }
      n += 64;
      if (i >= items.length) {
        r++;
        i = 0;
      }
    }
    if (r < passes.length) idle(slice);
    else done?.(w.repeats());
  };
  if (passes.length) idle(slice);
  else done?.(0);
}
