/**
 * A statement as plain and highlighted pieces, for rendering as text nodes: its place and date spans
 * (`marks`), and the words a search matched (`searchHits`). Where a search hit overlaps a place or a
 * date, the hit shows (it is what the reader looked for); where two marks overlap, the first wins.
 */
import { foldHan, miniSearch } from '../i18n/search.svelte';

export type Kind = 'place' | 'date' | 'hit';

export interface Segment {
  text: string;
  kind: Kind | null;
}

export interface Span {
  kind: Kind;
  start: number;
  end: number;
}

export function segments(text: string, marks: ReadonlyArray<Span>, hits: ReadonlyArray<Span> = []): Segment[] {
  const clamp = (n: number) => Math.max(0, Math.min(text.length, n));
  const byStart = (list: ReadonlyArray<Span>) =>
    list
      .map((m) => ({ kind: m.kind, start: clamp(m.start), end: clamp(m.end) }))
      .filter((m) => m.end > m.start)
      .sort((a, b) => a.start - b.start || b.end - a.end);
  // Each character's kind and the piece it starts: the marks first, then the hits over them.
  const kinds = new Array<Kind | null>(text.length).fill(null);
  const starts = new Set<number>();
  let at = 0;
  for (const m of byStart(marks)) {
    if (m.start < at) continue;
    kinds.fill(m.kind, m.start, m.end);
    starts.add(m.start);
    at = m.end;
  }
  for (const h of byStart(hits)) {
    kinds.fill('hit', h.start, h.end);
    starts.add(h.start);
  }
  const out: Segment[] = [];
  let from = 0;
  for (let i = 1; i <= text.length; i++) {
    if (i < text.length && kinds[i] === kinds[i - 1] && !starts.has(i)) continue;
    out.push({ text: text.slice(from, i), kind: kinds[from] ?? null });
    from = i;
  }
  return out;
}

/** MiniSearch's own word boundaries (its default tokenizer): spaces and punctuation. */
const WORD = /[^\n\r\p{Z}\p{P}]+/gu;

/**
 * The words of `text` that the search `q` matches, the way the app's search matches them
 * (data/indexes.ts: MiniSearch, prefix, fuzzy 0.15): MiniSearch itself is asked which of the text's
 * terms match, over this one text, so a prefix ("summ" → "summit") or a small typo lights the word
 * found, not only the letters typed.
 */
/**
 * The text as the search compares it, at the same length: ё as е (the index stems both alike, so "еще"
 * found "Ещё" but lit nothing), traditional Chinese characters as simplified.
 */
const comparable = (s: string) => foldHan(s.replace(/ё/g, 'е').replace(/Ё/g, 'Е'));
const HAN_RUN = /\p{Script=Han}+/gu;

export function searchHits(text: string, q: string): Span[] {
  if (!q.trim() || !text) return [];
  // Fetched on the first search (i18n/search.svelte.ts); a view that asked before is drawn again when it is in.
  const MiniSearch = miniSearch();
  if (!MiniSearch) return [];
  const seen = comparable(text);
  const query = comparable(q);
  const out: Span[] = [];
  // Chinese has no spaces: the query's Han runs are lit wherever the text holds them (MiniSearch's
  // tokenizer took a whole clause as one word, and a Chinese search lit nothing).
  for (const run of query.match(HAN_RUN) ?? [])
    for (let i = seen.indexOf(run); i >= 0; i = seen.indexOf(run, i + run.length)) out.push({ kind: 'hit', start: i, end: i + run.length });
  const words = query.replace(HAN_RUN, ' ');
  if (!words.trim()) return out;
  const one = new MiniSearch<{ id: number; text: string }>({ fields: ['text'], idField: 'id' });
  one.add({ id: 0, text: seen });
  const found = one.search(words, { prefix: true, fuzzy: 0.15, combineWith: 'OR' })[0];
  if (!found) return out;
  const terms = new Set(found.terms);
  for (const m of seen.matchAll(WORD))
    if (terms.has(m[0].toLowerCase())) out.push({ kind: 'hit', start: m.index, end: m.index + m[0].length });
  return out;
}
