/** Small statistics and size helpers for the bench (d3-array does the quantiles). */
import { median, quantile } from 'd3';
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';

export const round = (x: number | null | undefined, digits = 1): number | null =>
  x === undefined || x === null || !Number.isFinite(x) ? null : Math.round(x * 10 ** digits) / 10 ** digits;

export function p(values: number[], q: number): number | undefined {
  return values.length ? quantile(values, q) : undefined;
}

/** The median of the repetitions' values for one metric, ignoring repetitions that could not measure it. */
export function medianOf(values: (number | null | undefined)[]): number | null {
  const ok = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  return ok.length ? (median(ok) ?? null) : null;
}

/** Intervals between consecutive timestamps. */
export function intervals(ts: number[]): number[] {
  const out: number[] = [];
  for (let i = 1; i < ts.length; i++) out.push(ts[i]! - ts[i - 1]!);
  return out;
}

/** Size a browser would download with gzip transfer encoding (level 6, what web servers use). */
export function gzipBytes(file: string): number {
  return gzipSync(readFileSync(file), { level: 6 }).length;
}
