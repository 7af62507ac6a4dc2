/**
 * The contract's partial dates (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`) read as UTC days: one reader for the
 * pipeline (event-index.json) and the page (its indexes, the view state, the URL: src/app/days.ts).
 */
export const DAY = 86_400_000;

/**
 * Reads `YYYY-MM-DD`, `YYYY-MM` or `YYYY` as a UTC day. A partial date means its first day, or its
 * last day when `end` is set (so `to=2020` covers the whole of 2020). Returns null when malformed or
 * not a real calendar date (2021-02-30).
 */
export function parseDay(text: string, end = false): number | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text.trim());
  if (!m) return null;
  const y = Number(m[1]);
  const mo = m[2] === undefined ? null : Number(m[2]);
  const d = m[3] === undefined ? null : Number(m[3]);
  if (mo !== null && (mo < 1 || mo > 12)) return null;
  if (d !== null) {
    const t = Date.UTC(y, mo! - 1, d);
    const back = new Date(t);
    if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo! - 1 || back.getUTCDate() !== d) return null;
    return t;
  }
  if (mo !== null) return end ? Date.UTC(y, mo, 1) - DAY : Date.UTC(y, mo - 1, 1);
  return end ? Date.UTC(y + 1, 0, 1) - DAY : Date.UTC(y, 0, 1);
}
