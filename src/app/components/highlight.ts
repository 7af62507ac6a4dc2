/** Splits a statement into plain and highlighted pieces from its `marks`, for rendering as text nodes. */
export interface Segment {
  text: string;
  kind: 'place' | 'date' | null;
}

export function segments(text: string, marks: ReadonlyArray<{ kind: 'place' | 'date'; start: number; end: number }>): Segment[] {
  const sorted = marks
    .map((m) => ({ kind: m.kind, start: Math.max(0, Math.min(text.length, m.start)), end: Math.max(0, Math.min(text.length, m.end)) }))
    .filter((m) => m.end > m.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Segment[] = [];
  let at = 0;
  for (const m of sorted) {
    if (m.start < at) continue; // overlapping marks: the first one wins
    if (m.start > at) out.push({ text: text.slice(at, m.start), kind: null });
    out.push({ text: text.slice(m.start, m.end), kind: m.kind });
    at = m.end;
  }
  if (at < text.length) out.push({ text: text.slice(at), kind: null });
  return out;
}
