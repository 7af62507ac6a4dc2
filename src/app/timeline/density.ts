/** The density strip above the marks: mentions per month from timeseries.json, as one SVG path. */
import type { TimeSeries } from '../../contract/schema';
import { DAY } from '../days';
import { DENSITY_H, MARGIN, TOP } from './layout';

export function densityPath(ts: TimeSeries | null | undefined, x: (t: number) => number, width: number): string {
  if (!ts || !ts.total.length) return '';
  const max = Math.max(1, ...ts.total.map((r) => r.events + r.statements));
  // Pieces joined once at the end: a string grown with += stays a tree of its ~1,400 pieces for as
  // long as the path is kept (~47 KB more than the flat string in the heap at 1,000 events).
  const parts: string[] = [];
  for (const r of ts.total) {
    const v = r.events + r.statements;
    if (!v) continue;
    const t0 = Date.parse(`${r.month}-01T00:00:00Z`);
    const a = x(t0);
    const b = x(t0 + 31 * DAY);
    if (b < MARGIN.left || a > width - MARGIN.right) continue;
    const h = Math.max(2, (v / max) * DENSITY_H);
    parts.push(
      `M${a.toFixed(1)},${TOP + DENSITY_H}V${(TOP + DENSITY_H - h).toFixed(1)}H${Math.max(a + 1, b - 0.5).toFixed(1)}V${TOP + DENSITY_H}Z`,
    );
  }
  return parts.join('');
}
