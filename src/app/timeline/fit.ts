/**
 * The timeline's time scale at the default zoom fits the events (issue 13 item 6): a long stretch with
 * no event at all (the bundled corpus has nothing between early 2022 and late 2023) is drawn narrow,
 * marked on the axis, instead of taking a third or half of the width. The scale stays one piecewise-
 * linear d3 scale, so zoom, brush, playhead and hit tests keep working through `x` and `x.invert`.
 * Pure: no DOM.
 */
import { DAY } from '../days';

/** A stretch squeezed: longer than this share of the whole span, and than a year. */
export const FIT = {
  minShare: 0.2,
  minDays: 365,
  /** each squeezed stretch's share of the width */ width: 0.04,
  /** days kept normal on each side */ margin: 45,
};

export interface Fitted {
  /** Breakpoints in time (ms) and their positions in px, same length, increasing. */
  domain: number[];
  range: number[];
  /** The squeezed stretches, in px (for the axis's break marks). */
  breaks: Array<[number, number]>;
}

/**
 * Breakpoints for a scale over [t0, t1] drawn on [r0, r1]. `starts`/`ends`: the events in time order
 * (ends exclusive). Without a long empty stretch it is the plain linear scale.
 */
export function fitScale(
  starts: ArrayLike<number>,
  ends: ArrayLike<number>,
  [t0, t1]: readonly [number, number],
  [r0, r1]: readonly [number, number],
): Fitted {
  const span = t1 - t0;
  const minGap = Math.max(FIT.minShare * span, FIT.minDays * DAY);
  const margin = FIT.margin * DAY;
  // Empty stretches between the covered intervals (the events sorted by start; an end can reach past later starts).
  const gaps: Array<[number, number]> = [];
  let covered = t0;
  for (let i = 0; i < starts.length; i++) {
    const s = starts[i]!;
    if (s - covered > minGap) gaps.push([covered + margin, s - margin]);
    covered = Math.max(covered, ends[i]!, s);
  }
  if (t1 - covered > minGap) gaps.push([covered + margin, t1 - margin]);
  if (!gaps.length || !(span > 0)) return { domain: [t0, t1], range: [r0, r1], breaks: [] };

  const width = r1 - r0;
  const gapW = FIT.width * width;
  const squeezed = gaps.reduce((n, [a, b]) => n + (b - a), 0);
  const perMs = (width - gapW * gaps.length) / (span - squeezed);
  const domain = [t0];
  const range = [r0];
  const breaks: Array<[number, number]> = [];
  let at = r0;
  let t = t0;
  for (const [a, b] of gaps) {
    at += (a - t) * perMs;
    domain.push(a, b);
    range.push(at, at + gapW);
    breaks.push([at, at + gapW]);
    at += gapW;
    t = b;
  }
  domain.push(t1);
  range.push(r1);
  return { domain, range, breaks };
}

/**
 * Piecewise-linear mapping from `domain` to `range` (any equal lengths >= 2): the same numbers as the
 * d3 scale, for the lane layout's loop over every event (a d3 scale call per end was ~60% of it).
 */
export function piecewise(domain: readonly number[], range: readonly number[]): (t: number) => number {
  const n = domain.length;
  const k = new Float64Array(n - 1);
  for (let i = 0; i < n - 1; i++) k[i] = domain[i + 1]! > domain[i]! ? (range[i + 1]! - range[i]!) / (domain[i + 1]! - domain[i]!) : 0;
  if (n === 2) return (t) => range[0]! + (t - domain[0]!) * k[0]!;
  return (t) => {
    let i = 0;
    while (i < n - 2 && t > domain[i + 1]!) i++;
    return range[i]! + (t - domain[i]!) * k[i]!;
  };
}

/** Tick times that keep at least `gap` px apart once drawn (the squeezed stretch would crowd them). */
export function spacedTicks(ticks: readonly Date[], x: (t: Date) => number, gap = 56): Date[] {
  const out: Date[] = [];
  let last = -Infinity;
  for (const t of ticks) {
    const px = x(t);
    if (px - last < gap) continue;
    out.push(t);
    last = px;
  }
  return out;
}
